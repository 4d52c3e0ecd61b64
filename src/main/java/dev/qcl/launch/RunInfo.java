package dev.qcl.launch;

import dev.qcl.results.RowStatus;
import dev.qcl.run.OnExisting;
import dev.qcl.run.PlanRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as the history and the reports show it: one job instance with all its executions.
 *
 * @param status COMPLETED, FAILED, STOPPED, or STARTED while (or if left) running
 * @param durationMs the time of all its executions together
 * @param tenants each tenant's part of a run over several ({@code --tenants}), in the tenants file's
 *     order; empty for a run over one tenant
 * @param plan the saved plan the run applied ({@code run --plan}), or null
 * @param sheet the sheet of a workbook input, or null for a CSV file
 */
public record RunInfo(
        long runId,
        String label,
        String input,
        String inputSha256,
        boolean dryRun,
        OnExisting onExisting,
        Long rerunOf,
        String status,
        String exitDescription,
        Instant startedAt,
        Instant endedAt,
        long durationMs,
        int executions,
        long lastExecutionId,
        HttpTotals http,
        Map<RowStatus, Long> counts,
        List<TenantRun> tenants,
        PlanRef plan,
        String sheet) {

    public RunInfo {
        counts = Map.copyOf(counts);
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }

    /** A run of a CSV file over one tenant, without a plan. */
    public RunInfo(
            long runId,
            String label,
            String input,
            String inputSha256,
            boolean dryRun,
            OnExisting onExisting,
            Long rerunOf,
            String status,
            String exitDescription,
            Instant startedAt,
            Instant endedAt,
            long durationMs,
            int executions,
            long lastExecutionId,
            HttpTotals http,
            Map<RowStatus, Long> counts) {
        this(
                runId,
                label,
                input,
                inputSha256,
                dryRun,
                onExisting,
                rerunOf,
                status,
                exitDescription,
                startedAt,
                endedAt,
                durationMs,
                executions,
                lastExecutionId,
                http,
                counts,
                List.of(),
                null,
                null);
    }

    /** Whether the run was over several tenants ({@code --tenants}). */
    public boolean overTenants() {
        return !tenants.isEmpty();
    }

    /** Input rows with a result (the deletions of a prune are not rows). */
    public long rows() {
        return counts.entrySet().stream()
                .filter(e -> !e.getKey().isDeletion())
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Connections deleted by {@code --prune}, or planned for deletion in a dry run. */
    public long deletions() {
        return count(RowStatus.DELETED) + count(RowStatus.DELETE);
    }

    public long count(RowStatus status) {
        return counts.getOrDefault(status, 0L);
    }

    public boolean completed() {
        return status.equals("COMPLETED");
    }

    /** HTTP counters over all the run's executions. */
    public record HttpTotals(long requests, long retries, long throttled, long throttleWaitMs) {}
}
