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
import dev.qcl.settings.JobProperties;
import dev.qcl.settings.PruneProperties;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
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
    private final QlikClient client;
    private final SpecCache specs;
    private final SecretPolicy secrets;
    private final HttpStats stats;
    private final JobProperties settings;
    private final PruneProperties prune;
    private final ReferenceRules referenceRules;
    private final RunHttpCounts httpCounts;
    /** What the jobs this factory ran took of {@code stats}: each job counts what came after. */
    private final AtomicReference<HttpStats.Snapshot> accountedRequests =
            new AtomicReference<>(HttpStats.Snapshot.ZERO);

    LoadJobFactory(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            ResultRepository results,
            RowSending sending,
            QlikClient client,
            SpecCache specs,
            SecretPolicy secrets,
            HttpStats stats,
            JobProperties settings,
            PruneProperties prune,
            ReferenceRules referenceRules,
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
        this.httpCounts = httpCounts;
    }

    public Job create(RunParameters run, RowSelection selection, RunProgress progress, AsyncTaskExecutor senders) {
        ReferenceResolver references = ReferenceResolver.forInput(run.input(), referenceRules);
        ConnectionCsvReader csv = new ConnectionCsvReader(run.input());
        csv.setName(READER_NAME);
        TenantSpaces spaces = new TenantSpaces(client);
        ValidatingRowReader reader = new ValidatingRowReader(
                csv,
                header -> new RowValidator(header, specs, spaces, references, secrets, run.spaceMap()),
                selection.withSpaces(spaces),
                results);
        ResultWriter writer = new ResultWriter(results);

        int chunkSize = settings.chunkSizeFor(run.dryRun());
        // with senders, a chunk's worth of rows goes out ahead: while one row waits in backoff, the others go on
        RowStep<?> rows = senders == null
                ? sending.inStep(reader, run, progress, references)
                : sending.ahead(reader, run, progress, references, senders, chunkSize);
        Step step = step(chunkSize, rows, writer)
                .listener(reader)
                .listener(rows.listener())
                .build();
        HttpCountRecorder requests = new HttpCountRecorder(stats, httpCounts, accountedRequests);
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository)
                .validator(RunParameters.VALIDATOR)
                .start(step)
                .listener(new ProcessMarker(jobRepository))
                // before the timeline, which starts from the run's 429s so far
                .listener(requests)
                .listener(new TimelineRecorder(results, progress, requests::throttledInRun, Clock.systemUTC()))
                .listener(new RunEnding(jobRepository));
        if (run.ownership().prune()) {
            job.next(pruneStep(run));
        }
        return job.build();
    }

    private <I> ChunkOrientedStepBuilder<I, RowResult> step(int chunkSize, RowStep<I> rows, ResultWriter writer) {
        return new StepBuilder(STEP_NAME, jobRepository)
                .<I, RowResult>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(rows.reader())
                .processor(rows.processor())
                .writer(writer)
                .listener(writer);
    }

    /** After the rows: delete the set's connections that no row names (one step, so a restart resumes it). */
    private Step pruneStep(RunParameters run) {
        PruneTasklet tasklet = new PruneTasklet(run, new PrunePlanner(client), client, results, prune.batchSize());
        return new StepBuilder(PRUNE_STEP_NAME, jobRepository)
                .tasklet(tasklet, transactionManager)
                .listener(tasklet)
                .build();
    }
}
