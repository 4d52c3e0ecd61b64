package dev.qcl;

import dev.qcl.cli.QclCommandLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the real command line in this JVM, with its own home folder, and captures what it prints. */
public final class Qcl {
    private Qcl() {}

    /** What one command printed and returned. */
    public record Outcome(int exitCode, String out, String err) {
        /** The last line printed on standard output: the run summary. */
        public String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    public static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QclCommandLine.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Runs a command against {@code tenantUrl} with the API key in {@code keyFile} and {@code home}. */
    public static Outcome against(String tenantUrl, Path keyFile, Path home, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--tenant");
        all.add(tenantUrl);
        all.add("--home");
        all.add(home.toString());
        all.add("--qcl.api-key-file=" + keyFile);
        return run(all.toArray(String[]::new));
    }
}
