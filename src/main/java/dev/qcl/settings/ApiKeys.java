package dev.qcl.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the API key: the QLIK_API_KEY environment variable, else the file named by qcl.api-key-file. */
public final class ApiKeys {
    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    public static final String ENV = "QLIK_API_KEY";

    private ApiKeys() {}

    /** True when an API key is configured, without reading its file. */
    static boolean configured(Path keyFile, Function<String, String> environment) {
        String fromEnv = environment.apply(ENV);
        return (fromEnv != null && !fromEnv.isBlank()) || keyFile != null;
    }

    public static String load(Path keyFile, Function<String, String> environment) {
        String fromEnv = environment.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        if (keyFile == null) {
            throw new ConfigurationProblem("no API key: set " + ENV + " or qcl.api-key-file=<file holding the key>");
        }
        return readSecretFile(keyFile, "API key", "qcl.api-key-file");
    }

    /** The first line of a file that holds a secret; warns when other users may read it. */
    static String readSecretFile(Path file, String what, String property) {
        try {
            warnIfOthersCanRead(file, what);
            String text = Files.readString(file).strip();
            if (text.isEmpty()) {
                throw new ConfigurationProblem("the " + what + " file " + file + " is empty");
            }
            return text.lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new ConfigurationProblem("cannot read the " + what + " file " + file + "; check " + property);
        }
    }

    private static void warnIfOthersCanRead(Path file, String what) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.GROUP_READ)) {
                log.warn("The {} file {} is readable by other users; run: chmod 600 {}", what, file, file);
            }
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX permissions on this file system: nothing to check
        }
    }
}
