package dev.qcl.cli;

import dev.qcl.sandbox.SandboxTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * What {@code qcl sandbox} leaves for the scripts that use it: each tenant's key in a file only its
 * owner may read ({@code t1.key}, ... next to the {@code --api-key-file}), and a tenants file for
 * {@code run --tenants} that refers to those files, never holds a key.
 */
final class SandboxFiles {
    static final String HEADER = "tenant,url,apiKey";

    private final Path keyFolder;

    /** @param apiKeyFile the {@code --api-key-file}; the tenants' key files go to its folder */
    SandboxFiles(Path apiKeyFile) {
        this.keyFolder = apiKeyFile.toAbsolutePath().getParent();
    }

    /** The alias of the tenant at {@code index} (from 0): t1, t2, ... */
    static String alias(int index) {
        return "t" + (index + 1);
    }

    /** Writes {@code t1.key}, ... and, when {@code tenantsFile} is set, the tenants file naming them. */
    void writeTenants(List<SandboxTenant> tenants, Path tenantsFile) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        Path tenantsFolder =
                tenantsFile == null ? null : tenantsFile.toAbsolutePath().getParent();
        for (int i = 0; i < tenants.size(); i++) {
            Path keyFile = keyFolder.resolve(alias(i) + ".key");
            writeSecret(keyFile, tenants.get(i).apiKey());
            if (tenantsFolder != null) {
                // relative to the tenants file's folder, as run --tenants resolves ${file:} there
                String reference = tenantsFolder.relativize(keyFile).toString().replace('\\', '/');
                csv.append(alias(i))
                        .append(',')
                        .append(tenants.get(i).url())
                        .append(",${file:")
                        .append(reference)
                        .append("}\n");
            }
        }
        if (tenantsFile != null) {
            createParent(tenantsFile);
            Files.writeString(tenantsFile, csv);
        }
    }

    /** A fresh file that only its owner may read (where the file system knows permissions), holding {@code secret}. */
    static void writeSecret(Path file, String secret) throws IOException {
        createParent(file);
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, secret);
    }

    /** The folder a file is written to is made when it is not there yet (a fresh work folder). */
    static void createParent(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
    }
}
