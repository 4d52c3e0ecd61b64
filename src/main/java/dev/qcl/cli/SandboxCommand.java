package dev.qcl.cli;

import dev.qcl.sandbox.ReadQuota;
import dev.qcl.sandbox.SandboxSettings;
import dev.qcl.sandbox.SandboxTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the sandbox tenant (or several) on its own, for benchmarks and trying qcl by hand; ends on Ctrl-C. */
@Command(
        name = "sandbox",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Run the sandbox tenant until stopped (for benchmarks and manual tests).")
final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "0",
            description = "Port on 127.0.0.1 (0: a free one); with --tenants, the first of as many in a row.")
    int port;

    @Option(names = "--api-key-file", required = true, description = "Where to write the sandbox's API key.")
    Path apiKeyFile;

    @Option(
            names = "--url-file",
            description = "Where to write the sandbox's URL once it listens (the last file written).")
    Path urlFile;

    @Option(
            names = "--tenants",
            defaultValue = "1",
            paramLabel = "N",
            description = "Tenants to serve, t1..tN, each on its own port with its own key, quota and state;"
                    + " --api-key-file and --url-file get t1's, and each key also goes to tI.key next to"
                    + " --api-key-file.")
    int tenants;

    @Option(
            names = "--tenants-file",
            paramLabel = "PATH",
            description =
                    "Where to write a tenants file for run --tenants (tenant,url,apiKey with ${file:} references).")
    Path tenantsFile;

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
            names = "--other-client-burst",
            defaultValue = "0",
            paramLabel = "N",
            description = "Writes that another client of the same user sends at once every --other-client-every"
                    + " (0: none).")
    int otherClientBurst;

    @Option(
            names = "--other-client-every",
            paramLabel = "DURATION",
            description = "How often that other client sends its burst, from the sandbox's start (default: the"
                    + " quota window).")
    String otherClientEvery;

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
        try (Served served = serve()) {
            for (SandboxTenant tenant : served.tenants()) {
                System.out.println("Sandbox tenant listening on " + tenant.url());
            }
            System.out.flush();
            new CountDownLatch(1).await();
        }
        return ExitCode.OK;
    }

    /** The tenants started (t1 first) and their files written; the URL file last, since scripts wait for it. */
    Served serve() throws IOException {
        if (tenants < 1) {
            throw new ParameterException(spec.commandLine(), "--tenants must be at least 1, was " + tenants);
        }
        List<SandboxTenant> started = new ArrayList<>();
        Served served = new Served(started);
        try {
            for (int i = 0; i < tenants; i++) {
                SandboxTenant tenant = SandboxTenant.start(settings(i), readQuota());
                started.add(tenant);
                tenant.setAdmin(!nonAdmin);
            }
            SandboxFiles files = new SandboxFiles(apiKeyFile);
            if (tenants > 1 || tenantsFile != null) {
                files.writeTenants(started, tenantsFile);
            }
            SandboxFiles.writeSecret(apiKeyFile, started.get(0).apiKey());
            if (urlFile != null) {
                SandboxFiles.createParent(urlFile);
                Files.writeString(urlFile, started.get(0).url());
            }
            return served;
        } catch (IOException | RuntimeException e) {
            served.close();
            throw e;
        }
    }

    private SandboxSettings settings(int index) {
        Duration window = DurationStyle.detectAndParse(quotaWindow);
        return SandboxSettings.defaults()
                .withPort(port == 0 ? 0 : port + index)
                .withApiKey("sandbox-" + UUID.randomUUID())
                .withWriteQuota(quota, window)
                .withOtherClientShare(otherClientShare)
                .withOtherClientBursts(
                        otherClientBurst,
                        otherClientEvery == null ? window : DurationStyle.detectAndParse(otherClientEvery))
                .withLatency(Duration.ofMillis(latencyMs))
                .withFailureRate503(fail503)
                .withDropAfterCommitRate(dropAfterCommit)
                .withRandomSeed(seed);
    }

    /** Each tenant counts its own reads. */
    private ReadQuota readQuota() {
        return readQuota == 0 ? ReadQuota.none() : ReadQuota.of(readQuota, DurationStyle.detectAndParse(readWindow));
    }

    /** The running tenants; closing stops them all. */
    record Served(List<SandboxTenant> tenants) implements AutoCloseable {
        @Override
        public void close() {
            tenants.forEach(SandboxTenant::close);
        }
    }
}
