package dev.qcl.cli;

import dev.qcl.home.HomeFolderLock;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Small helpers the commands share. */
final class Commands {
    /** How long a read-only command waits for a starting job to open its database. */
    private static final Duration JOB_START_WAIT = Duration.ofSeconds(60);

    private Commands() {}

    static List<String> springArgs(CommandSpec spec) {
        return root(spec).springArgs;
    }

    /** The top-level command, which holds what the whole command line shares. */
    static QclCommand root(CommandSpec spec) {
        return root(spec.commandLine());
    }

    static QclCommand root(CommandLine commandLine) {
        CommandLine root = commandLine;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return (QclCommand) root.getCommand();
    }

    /**
     * The home folder for a read-only command: it works beside a running job (joining its database),
     * and a job that starts meanwhile waits until it is done.
     */
    static HomeFolderLock reading(CommonOptions common) {
        return HomeFolderLock.forReading(common.resolvedHome(), JOB_START_WAIT, Clock.systemUTC());
    }

    /** The command's properties, pointed at the running job's database when it shares one. */
    static Map<String, Object> besideJob(Map<String, Object> properties, HomeFolderLock home) {
        home.jobDatabase().ifPresent(url -> {
            properties.put("spring.datasource.url", url);
            // the job migrated the database already; a reader never changes it
            properties.put("spring.flyway.enabled", "false");
            properties.put("spring.batch.jdbc.initialize-schema", "never");
        });
        return properties;
    }

    static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    static PrintWriter err(CommandSpec spec) {
        return spec.commandLine().getErr();
    }
}
