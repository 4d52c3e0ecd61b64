package dev.qcl.job;

import dev.qcl.connector.Violation;
import dev.qcl.csv.ConnectionCsvReader;
import dev.qcl.csv.CsvHeader;
import dev.qcl.qlik.HttpStats;
import dev.qcl.rows.RowSending;
import dev.qcl.run.RowSelection;
import dev.qcl.run.RunParameters;
import dev.qcl.run.RunProgress;
import dev.qcl.run.plan.SavedPlan;
import dev.qcl.settings.TenantClients;
import dev.qcl.settings.TenantEntry;
import dev.qcl.settings.TenantsFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The job of a run over several tenants ({@code --tenants}), on Spring Batch's partitioning: a manager
 * step splits the run into one partition per tenant ({@link TenantPartitioner}) and a
 * {@code TaskExecutorPartitionHandler} runs up to {@code --tenant-concurrency} of them at once. Each
 * partition runs its tenant's flow: the rows' step over the rows naming that tenant, in sheet order,
 * then its prune. A part that fails (tenant unreachable, identity refused, a quota pause over the cap)
 * ends only itself; the others complete, the run is FAILED, and a restart runs only the parts that did
 * not complete, each from its last commit: the framework's restart of partitions, by their names.
 */
final class TenantJobs {
    static final String MANAGER_STEP_NAME = "loadTenantsStep";
    /** Deletions of the k-th tenant (from 0) are numbered down from -(k x this) - 1: a band per tenant. */
    static final int DELETION_BAND = 2_000_000;

    private final LoadJobFactory factory;
    private final ObjectProvider<TenantClients> clients;
    private final HttpStats stats;
    private final RowSending sending;

    TenantJobs(LoadJobFactory factory, ObjectProvider<TenantClients> clients, HttpStats stats, RowSending sending) {
        this.factory = factory;
        this.clients = clients;
        this.stats = stats;
        this.sending = sending;
    }

    /** The partition step's name of a tenant's part, as Spring Batch names it ({@code tenant:<alias>}). */
    static String partStepName(String alias) {
        return TenantPartStep.NAME + ":" + alias;
    }

    /** The name of a tenant's rows' step, inside its part's flow. */
    static String rowsStepName(String alias) {
        return LoadJobFactory.STEP_NAME + "@" + alias;
    }

    /** The name of a tenant's prune step, inside its part's flow. */
    static String pruneStepName(String alias) {
        return LoadJobFactory.PRUNE_STEP_NAME + "@" + alias;
    }

    Job create(
            RunParameters run,
            RowSelection selection,
            RunProgress progress,
            Supplier<AsyncTaskExecutor> senders,
            SavedPlan plan) {
        Path file = run.tenants().file();
        List<TenantEntry> tenants = TenantsFile.read(file);
        Set<String> aliases = new LinkedHashSet<>();
        tenants.forEach(t -> aliases.add(t.alias()));
        Map<String, Step> parts = new LinkedHashMap<>();
        int index = 0;
        TenantPart first = null;
        for (TenantEntry tenant : tenants) {
            TenantClients.TenantClient tenantClient = clients.getObject().of(tenant, file);
            TenantPart part = new TenantPart(
                    tenant.alias(),
                    tenantClient.client(),
                    tenantClient.specs(),
                    tenantClient.stats(),
                    sending.to(tenantClient.client()),
                    ValidatingRowReader.Refusal.NONE);
            first = first == null ? part : first;
            parts.put(tenant.alias(), flowStep(run, selection, progress, senders.get(), part, aliases, index++, plan));
        }
        boolean unassigned = namesNoTenant(run.input(), run.sheet(), aliases);
        if (unassigned) {
            // every row of this part is refused before validation: nothing of it reaches a tenant
            TenantPart none = new TenantPart(
                    TenantPartitioner.UNASSIGNED,
                    first.client(),
                    first.specs(),
                    new HttpStats(stats),
                    first.sending(),
                    refusal(file, aliases));
            parts.put(TenantPartitioner.UNASSIGNED, flowStep(run, selection, progress, null, none, aliases, -1, plan));
        }
        SimpleAsyncTaskExecutor tenantThreads = new SimpleAsyncTaskExecutor("qcl-tenant-");
        tenantThreads.setConcurrencyLimit(run.tenants().concurrency());
        Step manager = new StepBuilder(MANAGER_STEP_NAME, factory.jobRepository())
                .partitioner(TenantPartStep.NAME, new TenantPartitioner(List.copyOf(aliases), unassigned))
                .step(new TenantPartStep(parts))
                .taskExecutor(tenantThreads)
                .gridSize(parts.size())
                .build();
        return factory.job(progress).start(manager).build();
    }

    /** A tenant's part: its rows' step, then (with {@code --prune}) its prune step, as one flow. */
    private Step flowStep(
            RunParameters run,
            RowSelection selection,
            RunProgress progress,
            AsyncTaskExecutor senders,
            TenantPart part,
            Set<String> aliases,
            int index,
            SavedPlan plan) {
        String alias = part.alias();
        RunProgress own = alias.equals(TenantPartitioner.UNASSIGNED) ? progress : progress.ofTenant(alias);
        TenantPart stamped = alias.equals(TenantPartitioner.UNASSIGNED) ? withAlias(part, "") : part;
        Step rows = factory.rowsStep(
                rowsStepName(alias), run, new TenantRows(alias, aliases, selection), own, senders, stamped, plan);
        FlowBuilder<SimpleFlow> flow = new FlowBuilder<SimpleFlow>("flow@" + alias).start(rows);
        if (run.ownership().prune() && index >= 0) {
            flow.next(factory.pruneStep(pruneStepName(alias), run, part, -(index * DELETION_BAND), plan));
        }
        Flow built = flow.build();
        return new StepBuilder("part@" + alias, factory.jobRepository())
                .flow(built)
                .build();
    }

    private static TenantPart withAlias(TenantPart part, String alias) {
        return new TenantPart(alias, part.client(), part.specs(), part.stats(), part.sending(), part.refusal());
    }

    /** Why a row naming no tenant of the file is INVALID. */
    private static ValidatingRowReader.Refusal refusal(Path file, Set<String> aliases) {
        String known = String.join(", ", aliases);
        return (row, header) -> {
            String tenant = TenantRows.tenantOf(row, header);
            String problem = tenant.isEmpty()
                    ? "column 'tenant' is empty; name one of the tenants of " + file.getFileName() + ": " + known
                    : "tenant '" + tenant + "' is not in " + file.getFileName() + "; its tenants are " + known;
            return new Violation(CsvHeader.TENANT, problem);
        };
    }

    private static boolean namesNoTenant(Path input, String sheet, Set<String> aliases) {
        boolean[] found = {false};
        ConnectionCsvReader.forEachRow(input, sheet, (header, row) -> {
            found[0] |= !aliases.contains(TenantRows.tenantOf(row, header));
        });
        return found[0];
    }
}
