package dev.qcl.cli;

import dev.qcl.cli.output.Terminal;
import dev.qcl.csv.InputFileException;
import dev.qcl.launch.LoadJobLauncher.NothingToDo;
import dev.qcl.launch.RunAbortedException;
import dev.qcl.qlik.failure.RunStoppingException;
import dev.qcl.settings.ConfigurationProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of the command line: separates Spring-style {@code --key=value} settings from the
 * options, runs the command, and turns every failure into one line and an exit code.
 */
public final class QclCommandLine {
    private static final Logger failures = LoggerFactory.getLogger("dev.qcl.cli.failures");
    /** {@code --some.key=value}: a dotted name marks a Spring property, never a qcl option. */
    private static final Pattern SPRING_PROPERTY =
            Pattern.compile("^--[A-Za-z0-9_-]+(\\.[A-Za-z0-9_\\[\\]-]+)+=.*", Pattern.DOTALL);

    static {
        // H2's AUTO_SERVER (the job's database shared with read-only commands) listens on this address
        // only, never on the machine's network address; set before any H2 class is loaded
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private QclCommandLine() {}

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        QclCommand root = new QclCommand();
        List<String> options = new ArrayList<>();
        for (String arg : args) {
            if (SPRING_PROPERTY.matcher(arg).matches()) {
                root.springArgs.add(arg);
            } else {
                options.add(arg);
            }
        }
        CommandLine commandLine = new CommandLine(root)
                .setOut(out)
                .setErr(err)
                // colours only when both streams are terminals: never escape codes in a file or a pipe
                .setColorScheme(CommandLine.Help.defaultColorScheme(
                        Terminal.interactive() ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF))
                .setExecutionExceptionHandler(QclCommandLine::handle)
                .setParameterExceptionHandler((e, arguments) -> {
                    err.println("qcl: " + e.getMessage());
                    err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
                    err.flush();
                    return ExitCode.USAGE;
                });
        int code = commandLine.execute(options.toArray(String[]::new));
        out.flush();
        err.flush();
        return code;
    }

    private static int handle(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Throwable cause = knownCause(e);
        int code;
        String line;
        if (cause instanceof InputFileException
                || cause instanceof ConfigurationProblem
                || cause instanceof NothingToDo
                || cause instanceof RunStoppingException) {
            code = cause instanceof RunStoppingException ? ExitCode.RUN_FAILED : ExitCode.USAGE;
            line = oneLine(cause);
        } else {
            // the job machinery broke under a run (exit 3, restartable), or no run was recorded (a run that
            // fails is recorded and ends normally): the database in use, a spec the header check could not
            // read, a folder that cannot be written; a full disk or an unreachable database named as such
            boolean runExists = cause instanceof RunAbortedException;
            if (!runExists) {
                failures.error("qcl failed", e);
            }
            code = runExists ? ExitCode.RUN_FAILED : ExitCode.USAGE;
            JobStorage storage = storage(commandLine);
            // a driver's message may quote its URL, user info and all
            line = StorageFailures.explain(e, storage, runExists)
                    .orElseGet(() -> storage.masked(oneLine(runExists ? cause : rootCause(e))));
        }
        err.println("qcl: " + line);
        err.flush();
        return code;
    }

    /** Where the failed command keeps its state, as far as it got to read its settings. */
    private static JobStorage storage(CommandLine commandLine) {
        JobStorage storage = Commands.root(commandLine).storage;
        if (storage != null) {
            return storage;
        }
        CommandLine.Model.CommandSpec common =
                commandLine.getCommandSpec().mixins().get("common");
        Path home =
                common != null && common.userObject() instanceof CommonOptions options ? options.resolvedHome() : null;
        return JobStorage.homeOnly(home);
    }

    /** The qcl exception inside Spring's wrappers (a bean that could not be created, say). */
    private static Throwable knownCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputFileException
                    || t instanceof ConfigurationProblem
                    || t instanceof NothingToDo
                    || t instanceof RunStoppingException
                    || t instanceof RunAbortedException) {
                return t;
            }
        }
        return e;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static String oneLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
