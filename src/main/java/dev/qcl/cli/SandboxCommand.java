package dev.qcl.cli;

import dev.qcl.sandbox.ReadQuota;
import dev.qcl.sandbox.SandboxSettings;
import dev.qcl.sandbox.SandboxTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the sandbox tenant on its own, for benchmarks and trying qcl by hand; ends on Ctrl-C. */
@Command(
        name = "sandbox",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Run the sandbox tenant until stopped (for benchmarks and manual tests).")
final class SandboxCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1 (0: a free one).")
    int port;

    @Option(names = "--api-key-file", required = true, description = "Where to write the sandbox's API key.")
    Path apiKeyFile;

    @Option(names = "--url-file", description = "Where to write the sandbox's URL once it listens.")
    Path urlFile;

    @Option(
            names = "--quota",
            defaultValue = "0",
            description = "Writes allowed in any quota window before 429 (0: none).")
    int quota;

    @Option(
            names = "--quota-window",
            defaultValue = "60s",
            paramLabel = "DURATION",
            description = "The quota's sliding window, e.g. 300s or 5m like Qlik's (default 60s).")
    String quotaWindow;

    @Option(
            names = "--other-client-share",
            defaultValue = "0",
            paramLabel = "FRACTION",
            description = "Share of the quota that another client of the same user spends, evenly over each window.")
    double otherClientShare;

    @Option(
            names = "--read-quota",
            defaultValue = "0",
            description = "Reads per minute before 429, over --read-window (0: none; Qlik's tier 1 is 1000).")
    int readQuota;

    @Option(
            names = "--read-window",
            defaultValue = "5m",
            description = "The read quota's sliding window (default 5m, as Qlik).")
    String readWindow;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Delay of every response.")
    long latencyMs;

    @Option(names = "--fail-503", defaultValue = "0", description = "Fraction of writes answered 503.")
    double fail503;

    @Option(
            names = "--drop-after-commit",
            defaultValue = "0",
            description = "Fraction of creates stored, then the connection dropped.")
    double dropAfterCommit;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--non-admin", description = "The API key's owner is no admin: the bulk actions answer 403.")
    boolean nonAdmin;

    @Option(
            names = "--no-warm-up",
            description = "Announce the sandbox without first running its request paths in a throw-away instance.")
    boolean noWarmUp;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!noWarmUp && SandboxWarmUp.run() > 0) {
            System.err.println("qcl sandbox: some warm-up requests were refused; its first answers may be slow");
        }
        String apiKey = "sandbox-" + java.util.UUID.randomUUID();
        SandboxSettings settings = SandboxSettings.defaults()
                .withPort(port)
                .withApiKey(apiKey)
                .withWriteQuota(quota, DurationStyle.detectAndParse(quotaWindow))
                .withOtherClientShare(otherClientShare)
                .withLatency(Duration.ofMillis(latencyMs))
                .withFailureRate503(fail503)
                .withDropAfterCommitRate(dropAfterCommit)
                .withRandomSeed(seed);
        ReadQuota reads =
                readQuota == 0 ? ReadQuota.none() : ReadQuota.of(readQuota, DurationStyle.detectAndParse(readWindow));
        try (SandboxTenant sandbox = SandboxTenant.start(settings, reads)) {
            sandbox.setAdmin(!nonAdmin);
            Files.writeString(apiKeyFile, apiKey);
            if (urlFile != null) {
                Files.writeString(urlFile, sandbox.url());
            }
            System.out.println("Sandbox tenant listening on " + sandbox.url());
            System.out.flush();
            new CountDownLatch(1).await();
        }
        return ExitCode.OK;
    }
}
