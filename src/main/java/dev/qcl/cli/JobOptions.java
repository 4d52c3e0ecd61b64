package dev.qcl.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of every command that runs the job. */
final class JobOptions {
    @Option(
            names = "--report-dir",
            paramLabel = "DIR",
            description = "Report folder (default: <home>/reports/run-<ID>).")
    Path reportDir;

    @Option(names = "--concurrency", paramLabel = "N", description = "Rows sent at once (default 4).")
    Integer concurrency;

    @Option(
            names = "--rate-limit",
            paramLabel = "N",
            description =
                    "Writes per minute, averaged over qcl.write.window (default 100 over 5 min, Qlik's tier-2 quota).")
    Integer rateLimit;

    void addTo(Map<String, Object> properties) {
        if (concurrency != null) {
            properties.put("qcl.write.concurrency", concurrency);
        }
        if (rateLimit != null) {
            properties.put("qcl.write.rate-limit", rateLimit);
        }
    }
}
