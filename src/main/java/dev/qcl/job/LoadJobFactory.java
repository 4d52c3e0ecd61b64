package dev.qcl.job;

import dev.qcl.connector.RowValidator;
import dev.qcl.connector.SecretPolicy;
import dev.qcl.connector.SpecCache;
import dev.qcl.csv.ConnectionCsvReader;
import dev.qcl.csv.ReferenceResolver;
import dev.qcl.csv.ReferenceRules;
import dev.qcl.prune.PrunePlanner;
import dev.qcl.prune.PruneTasklet;
import dev.qcl.qlik.HttpStats;
import dev.qcl.qlik.QlikClient;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowResult;
import dev.qcl.results.RunHttpCounts;
import dev.qcl.rows.RowSending;
import dev.qcl.rows.RowStep;
import dev.qcl.rows.TenantSpaces;
import dev.qcl.run.RowSelection;
import dev.qcl.run.RunParameters;
import dev.qcl.run.RunProgress;
import dev.qcl.run.plan.PlanFiles;
import dev.qcl.run.plan.PlanRecorder;
import dev.qcl.run.plan.SavedPlan;
import dev.qcl.settings.JobProperties;
import dev.qcl.settings.PruneProperties;
import dev.qcl.settings.TenantClients;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the load job for one run: read and validate in sheet order, send rows concurrently and up to
 * a chunk ahead of the chunk being committed ({@link RowSending}), store results in row order with each
 * chunk. The job, step and reader names are fixed because the job
 * repository keys restarts on them.
 *
 * <p>One job built per run rather than one {@code Job} bean with {@code @StepScope} parts: the job's
 * shape depends on the run (a prune step only with {@code --prune}, rows sent ahead only with senders),
 * and its parts share per-run objects (the tenant's spaces, the listing of existing connections, the
 * progress) that step-scoped beans would each have to look up again. Spring Batch runs it through
 * {@code JobOperator.start(Job, JobParameters)} all the same.
 */
public final class LoadJobFactory {
    public static final String JOB_NAME = "connectionLoadJob";
    public static final String STEP_NAME = "loadConnectionsStep";
    static final String READER_NAME = "connectionCsvReader";
    public static final String PRUNE_STEP_NAME = "pruneConnectionsStep";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final ResultRepository results;
    private final RowSending sending;
    private final ObjectProvider<QlikClient> client;
    private final ObjectProvider<SpecCache> specs;
    private final SecretPolicy secrets;
    private final HttpStats stats;
    private final JobProperties settings;
    private final PruneProperties prune;
    private final ReferenceRules referenceRules;
    private final TenantJobs tenantJobs;
    private final PlanRecorder recorder;
    private final RunHttpCounts httpCounts;
    /** What the jobs this factory ran took of {@code stats}: each job counts what came after. */
    private final AtomicReference<HttpStats.Snapshot> accountedRequests =
            new AtomicReference<>(HttpStats.Snapshot.ZERO);

    LoadJobFactory(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            ResultRepository results,
            RowSending sending,
            ObjectProvider<QlikClient> client,
            ObjectProvider<SpecCache> specs,
            SecretPolicy secrets,
            HttpStats stats,
            JobProperties settings,
            PruneProperties prune,
            ReferenceRules referenceRules,
            ObjectProvider<TenantClients> tenantClients,
            PlanRecorder recorder,
            RunHttpCounts httpCounts) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.results = results;
        this.sending = sending;
        this.client = client;
        this.specs = specs;
        this.secrets = secrets;
        this.stats = stats;
        this.settings = settings;
        this.prune = prune;
        this.referenceRules = referenceRules;
        this.recorder = recorder;
        this.httpCounts = httpCounts;
        this.tenantJobs = new TenantJobs(this, tenantClients, stats, sending);
    }

    /** The partition step's name of a tenant's part in a run over several ({@code tenant:<alias>}). */
    public static String partStepName(String alias) {
        return TenantJobs.partStepName(alias);
    }

    JobRepository jobRepository() {
        return jobRepository;
    }

    /**
     * The job of one run. A run that applies a saved plan reads it here, before anything is sent, and
     * refuses it when its bytes changed since the run started (a restart, a rerun of its failed rows).
     */
    public Job create(
            RunParameters run, RowSelection selection, RunProgress progress, Supplier<AsyncTaskExecutor> senders) {
        SavedPlan plan = run.plan() == null ? null : PlanFiles.load(run.plan());
        if (run.overTenants()) {
            return tenantJobs.create(run, selection, progress, senders, plan);
        }
        Step step = rowsStep(STEP_NAME, run, selection, progress, senders.get(), oneTenant(), plan);
        SimpleJobBuilder job = job(progress).start(step);
        if (run.ownership().prune()) {
            job.next(pruneStep(PRUNE_STEP_NAME, run, oneTenant(), 0, plan));
        }
        return job.build();
    }

    /** The job with its parameters' check and its listeners, before its steps. */
    JobBuilder job(RunProgress progress) {
        HttpCountRecorder requests = new HttpCountRecorder(stats, httpCounts, accountedRequests);
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(RunParameters.VALIDATOR)
                .listener(new ProcessMarker(jobRepository))
                // before the timeline, which starts from the run's 429s so far
                .listener(requests)
                .listener(new TimelineRecorder(results, progress, requests::throttledInRun, Clock.systemUTC()))
                .listener(new RunEnding(jobRepository));
    }

    private TenantPart oneTenant() {
        QlikClient tenant = client.getObject();
        return new TenantPart(
                "", tenant, specs.getObject(), stats, sending.to(tenant), ValidatingRowReader.Refusal.NONE);
    }

    /**
     * The rows' step of one tenant: read and validate in sheet order, send rows concurrently and up to a
     * chunk ahead of the chunk being committed, store results in row order with each chunk.
     */
    Step rowsStep(
            String name,
            RunParameters run,
            RowSelection selection,
            RunProgress progress,
            AsyncTaskExecutor senders,
            TenantPart tenant,
            SavedPlan plan) {
        ReferenceResolver references = ReferenceResolver.forInput(run.input(), referenceRules);
        ConnectionCsvReader csv = new ConnectionCsvReader(run.input(), run.sheet());
        csv.setName(READER_NAME);
        TenantSpaces spaces = new TenantSpaces(tenant.client());
        ValidatingRowReader reader = new ValidatingRowReader(
                csv,
                header -> new RowValidator(header, tenant.specs(), spaces, references, secrets, run.spaceMap()),
                selection.withSpaces(spaces),
                results,
                tenant.alias(),
                tenant.refusal());
        ResultWriter writer = new ResultWriter(results, tenant.alias());

        int chunkSize = settings.chunkSizeFor(run.dryRun());
        // with senders, a chunk's worth of rows goes out ahead: while one row waits in backoff, the others go on
        RowStep<?> rows = senders == null
                ? tenant.sending().inStep(reader, run, progress, references, plan)
                : tenant.sending().ahead(reader, run, progress, references, plan, senders, chunkSize);
        return step(name, chunkSize, rows, writer)
                .listener(reader)
                .listener(rows.listener())
                .build();
    }

    private <I> ChunkOrientedStepBuilder<I, RowResult> step(
            String name, int chunkSize, RowStep<I> rows, ResultWriter writer) {
        return new StepBuilder(name, jobRepository)
                .<I, RowResult>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(rows.reader())
                .processor(rows.processor())
                .writer(writer)
                .listener(writer);
    }

    /**
     * After the rows: delete the set's connections of {@code tenant} that no row names (one step, so a
     * restart resumes it); its deletions are numbered down from {@code firstRow} (see {@link PruneTasklet}).
     */
    Step pruneStep(String name, RunParameters run, TenantPart tenant, int firstRow, SavedPlan plan) {
        PruneTasklet tasklet = new PruneTasklet(
                run,
                new PrunePlanner(tenant.client(), tenant.alias()),
                tenant.client(),
                results,
                prune.batchSize(),
                firstRow,
                plan,
                recorder);
        return new StepBuilder(name, jobRepository)
                .tasklet(tasklet, transactionManager)
                .listener(tasklet)
                .build();
    }
}
