package dev.qcl.batch;

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

    public static String load(Path keyFile, Function<String, String> environment) {
        String fromEnv = environment.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        if (keyFile == null) {
            throw new ConfigurationProblem("no API key: set " + ENV + " or qcl.api-key-file=<file holding the key>");
        }
        try {
            warnIfOthersCanRead(keyFile);
            String key = Files.readString(keyFile).strip();
            if (key.isEmpty()) {
                throw new ConfigurationProblem("the API key file " + keyFile + " is empty");
            }
            return key.lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new ConfigurationProblem("cannot read the API key file " + keyFile + "; check qcl.api-key-file");
        }
    }

    private static void warnIfOthersCanRead(Path keyFile) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
            if (permissions.contains(PosixFilePermission.OTHERS_READ) || permissions.contains(PosixFilePermission.GROUP_READ)) {
                log.warn("The API key file {} is readable by other users; run: chmod 600 {}", keyFile, keyFile);
            }
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX permissions on this file system: nothing to check
        }
    }
}
