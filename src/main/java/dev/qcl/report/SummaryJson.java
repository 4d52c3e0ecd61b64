package dev.qcl.report;

import dev.qcl.launch.RunInfo;
import dev.qcl.launch.TenantRun;
import dev.qcl.results.RowStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** summary.json: the run's status, counts per status, timings and HTTP totals over all its executions. */
final class SummaryJson {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static final List<RowStatus> RUN_STATUSES =
            List.of(RowStatus.CREATED, RowStatus.UPDATED, RowStatus.SKIPPED, RowStatus.INVALID, RowStatus.FAILED);
    private static final List<RowStatus> PLANNED_STATUSES =
            List.of(RowStatus.CREATE, RowStatus.UPDATE, RowStatus.SKIP, RowStatus.FAIL, RowStatus.INVALID);

    void write(RunInfo run, Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, JSON.writeValueAsString(toJson(run)) + "\n");
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static List<RowStatus> statusesOf(RunInfo run) {
        return run.dryRun() ? PLANNED_STATUSES : RUN_STATUSES;
    }

    static ObjectNode toJson(RunInfo run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("runId", run.runId());
        root.put("status", run.status());
        root.put("input", run.input());
        root.put("rows", run.rows());
        ObjectNode counts = root.putObject("counts");
        for (RowStatus status : statusesOf(run)) {
            counts.put(status.name(), run.count(status));
        }
        // connections removed by --prune (or planned for removal): not rows, so not in the chart's total
        RowStatus deleted = run.dryRun() ? RowStatus.DELETE : RowStatus.DELETED;
        counts.put(deleted.name(), run.count(deleted));
        root.put("startedAt", run.startedAt() == null ? null : run.startedAt().toString());
        root.put("endedAt", run.endedAt() == null ? null : run.endedAt().toString());
        root.put("durationMs", run.durationMs());
        root.put("rowsPerSecond", rowsPerSecond(run));
        ObjectNode http = root.putObject("http");
        http.put("requests", run.http().requests());
        http.put("retries", run.http().retries());
        http.put("throttled", run.http().throttled());
        http.put("throttleWaitMs", run.http().throttleWaitMs());
        if (run.overTenants()) {
            ObjectNode tenants = root.putObject("tenants");
            for (TenantRun tenant : run.tenants()) {
                ObjectNode part = tenants.putObject(tenant.alias());
                part.put("status", tenant.status());
                ObjectNode tenantCounts = part.putObject("counts");
                for (RowStatus status : statusesOf(run)) {
                    tenantCounts.put(status.name(), tenant.count(status));
                }
                tenantCounts.put(deleted.name(), tenant.count(deleted));
                part.put("durationMs", tenant.durationMs());
            }
        }
        root.put("label", run.label());
        root.put("dryRun", run.dryRun());
        root.put("onExisting", run.onExisting().option());
        if (run.rerunOf() != null) {
            root.put("rerunOf", run.rerunOf());
        }
        if (run.plan() != null) {
            ObjectNode plan = root.putObject("plan");
            plan.put("file", run.plan().file().toString());
            plan.put("sha256", run.plan().sha256());
            plan.put("createdAt", run.plan().createdAt().toString());
        }
        return root;
    }

    static double rowsPerSecond(RunInfo run) {
        if (run.durationMs() <= 0) {
            return 0;
        }
        return Math.round(run.rows() * 100_000.0 / run.durationMs()) / 100.0;
    }
}
