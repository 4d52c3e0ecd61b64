package dev.qcl.launch;

import dev.qcl.results.RowStatus;
import java.util.Map;

/**
 * One tenant's part of a run over several ({@code --tenants}), as the history and the reports show it.
 *
 * @param status COMPLETED, FAILED, STOPPED, STARTED, or NOT STARTED when no execution reached it
 * @param durationMs the time of the part over all the run's executions
 */
public record TenantRun(String alias, String status, Map<RowStatus, Long> counts, long durationMs) {
    public TenantRun {
        counts = Map.copyOf(counts);
    }

    public long count(RowStatus status) {
        return counts.getOrDefault(status, 0L);
    }
}
