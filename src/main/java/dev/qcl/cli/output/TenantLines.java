package dev.qcl.cli.output;

import dev.qcl.launch.RunInfo;
import dev.qcl.launch.TenantRun;
import dev.qcl.results.RowStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The lines that show each tenant of a run over several: alias, status, counts per status and its time. */
public final class TenantLines {
    private TenantLines() {}

    /** One line per tenant (none for a run over one tenant), aligned. */
    public static List<String> of(RunInfo run) {
        int width =
                run.tenants().stream().mapToInt(t -> t.alias().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (TenantRun tenant : run.tenants()) {
            String counts = Stream.of(RowStatus.values())
                    .filter(status -> tenant.count(status) > 0)
                    .map(status -> tenant.count(status) + " " + status.name())
                    .collect(Collectors.joining(", "));
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-" + width + "s  %-11s %s (%.1f s)",
                    tenant.alias(),
                    tenant.status(),
                    counts.isEmpty() ? "no rows done" : counts,
                    tenant.durationMs() / 1000.0));
        }
        return lines;
    }
}
