package dev.qcl.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command takes: the tenant and the home folder. */
final class CommonOptions {
    @Option(
            names = "--tenant",
            paramLabel = "URL",
            description = "Tenant URL, e.g. https://acme.eu.qlikcloud.com (default: QLIK_TENANT_URL).")
    String tenant;

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description = "Home folder: job repository, specs cache, reports (default: QCL_HOME or ./data).")
    Path home;

    /** The home folder as an absolute path: H2 refuses paths that are implicitly relative. */
    Path resolvedHome() {
        if (home != null) {
            return home.toAbsolutePath().normalize();
        }
        String env = System.getenv("QCL_HOME");
        return Path.of(env == null || env.isBlank() ? "data" : env)
                .toAbsolutePath()
                .normalize();
    }

    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("qcl.home", resolvedHome().toString());
        if (tenant != null) {
            properties.put("qcl.tenant.url", tenant);
        }
        return properties;
    }
}
