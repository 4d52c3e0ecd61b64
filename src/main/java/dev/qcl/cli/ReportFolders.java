package dev.qcl.cli;

import dev.qcl.settings.ConfigurationProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks before a run that its report can be written, so that a bad folder costs no run. */
final class ReportFolders {
    private ReportFolders() {}

    static void checkWritable(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".qcl-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ConfigurationProblem("the report folder " + dir + " cannot be written ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); choose another with --report-dir");
        }
    }
}
