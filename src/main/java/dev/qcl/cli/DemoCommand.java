package dev.qcl.cli;

import dev.qcl.csv.InputFile;
import dev.qcl.csv.InputFiles;
import dev.qcl.launch.LaunchResult;
import dev.qcl.launch.LoadJobLauncher;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowResult;
import dev.qcl.run.OnExisting;
import dev.qcl.run.RunParameters;
import dev.qcl.sandbox.SandboxSettings;
import dev.qcl.sandbox.SandboxTenant;
import dev.qcl.settings.ClientConfiguration;
import dev.qcl.settings.ConfigurationProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Load the sample sheet into a built-in sandbox tenant.",
            "Starts the built-in sandbox tenant on a free loopback port and runs",
            "'run --input input-samples/connections.csv' against it, with its own home folder (default ./data/demo);",
            "with --workbook, the same rows from input-samples/connections.xlsx."
        })
final class DemoCommand extends JobCommand implements Callable<Integer> {
    static final String SAMPLE = "input-samples/connections.csv";
    static final String SAMPLE_WORKBOOK = "input-samples/connections.xlsx";
    private static final int DEMO_RATE_LIMIT = 1200;
    /** The default job repository of config/application.yml, in the demo's home. */
    private static final String DEMO_DATABASE =
            "jdbc:h2:file:${qcl.home}/db/qcl;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;MAX_COMPACT_TIME=0";

    @picocli.CommandLine.Option(
            names = "--workbook",
            description = "Load the sample workbook input-samples/connections.xlsx (the same rows) instead of the CSV.")
    boolean workbook;

    @Override
    public Integer call() {
        Path csv = locateSample(workbook ? SAMPLE_WORKBOOK : SAMPLE);
        if (common.home == null) {
            common.home = Path.of("data", "demo");
        }
        Path home = common.resolvedHome();
        // a key of its own, never the user's QLIK_API_KEY: it is written into the demo's home folder
        String apiKey = "demo-" + UUID.randomUUID();
        InputFile file = InputFiles.inspect(csv);
        int port = freeLoopbackPort();
        Map<String, Object> properties = new HashMap<>();
        properties.put("qcl.tenant.url", "http://127.0.0.1:" + port);
        properties.put("qcl.api-key-file", writeKeyFile(home, apiKey));
        properties.put(ClientConfiguration.IDENTITY_FROM_ENVIRONMENT, false);
        // the demo runs with the sandbox's key only: a user's OAuth client in the environment is not read
        properties.put("qcl.oauth.client-id", "");
        if (Commands.springArgs(spec).stream().noneMatch(arg -> arg.startsWith("--spring.datasource."))) {
            // the demo's run goes into its own home, never into a team's job repository in the environment
            properties.put("spring.datasource.url", DEMO_DATABASE);
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
            properties.put("spring.datasource.driver-class-name", "org.h2.Driver");
        }
        if (job.rateLimit == null) {
            // the sandbox has no quota: the demo need not wait for Qlik's 100 writes a minute
            properties.put("qcl.write.rate-limit", DEMO_RATE_LIMIT);
        }
        RunParameters run = RunParameters.of(file.path(), file.sha256(), null, OnExisting.SKIP, false, null)
                .withSheet(file.sheet());
        DemoDesign design = DemoDesign.of(csv);
        AtomicBoolean asDesigned = new AtomicBoolean();
        // the sandbox starts once the context has set up logging, so its log lines look like qcl's
        int exitCode = launch(properties, (context, progress) -> {
            try (SandboxTenant sandbox = SandboxTenant.start(
                    SandboxSettings.defaults().withApiKey(apiKey).withPort(port))) {
                Commands.out(spec)
                        .println("Sandbox tenant listening on " + sandbox.url() + " (home: " + home
                                + "; later: scripts/qcl status --home " + home + ")");
                Commands.out(spec).println(design.intro(workbook ? "failed.xlsx" : "failed.csv"));
                Commands.out(spec).flush();
                LaunchResult result = context.bean(LoadJobLauncher.class).run(run, file.dataRows(), progress);
                List<RowResult> results = new ArrayList<>();
                context.bean(ResultRepository.class).forEach(result.runId(), results::add);
                asDesigned.set(design.matches(results));
                return result;
            }
        });
        // the sample's invalid rows are on purpose: a run that ends as designed is a success
        return design.exitCode(exitCode, asDesigned.get(), Commands.err(spec));
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the sandbox tenant", e);
        }
    }

    /** The sample in the current folder, else in the project folder that scripts/qcl names. */
    private static Path locateSample(String sample) {
        Path here = Path.of(sample);
        if (Files.isRegularFile(here)) {
            return here.toAbsolutePath();
        }
        String project = System.getenv("QCL_PROJECT_DIR");
        if (project != null && Files.isRegularFile(Path.of(project, sample))) {
            return Path.of(project, sample).toAbsolutePath();
        }
        throw new ConfigurationProblem("cannot find " + sample + "; run scripts/qcl demo from the project folder");
    }

    /** The sandbox's key goes to a private file in the demo's home, as a user's key file would. */
    private static Path writeKeyFile(Path home, String apiKey) {
        try {
            Files.createDirectories(home);
            Path keyFile = home.resolve("sandbox-api-key");
            Files.deleteIfExists(keyFile);
            Files.createFile(
                    keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyFile, apiKey);
            return keyFile;
        } catch (IOException e) {
            throw new ConfigurationProblem("cannot write the sandbox key into the home folder " + home + " ("
                    + e.getMessage() + "); choose a folder you can write with --home or QCL_HOME");
        }
    }
}
