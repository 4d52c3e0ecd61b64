package dev.qcl.export;

import dev.qcl.connector.ApiSpec;
import dev.qcl.connector.InvalidApiSpecException;
import dev.qcl.connector.SpecCache;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.failure.QlikApiException;
import dev.qcl.qlik.failure.RunStoppingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code qcl export}: reads the connections of a scope and writes them as an input CSV that
 * {@code run} loads back, plus, with placeholders, the {@code .env.example} of their secrets.
 */
public final class ConnectionExport {
    private static final Logger log = LoggerFactory.getLogger(ConnectionExport.class);

    private final QlikClient client;
    private final SpecCache specs;
    private final int concurrency;

    /** @param concurrency connections read at once (the read quota still sets the pace) */
    public ConnectionExport(QlikClient client, SpecCache specs, int concurrency) {
        this.client = Objects.requireNonNull(client, "client");
        this.specs = Objects.requireNonNull(specs, "specs");
        this.concurrency = concurrency;
    }

    public ExportResult export(ExportScope scope, Path output, boolean secretPlaceholders, ExportProgress progress) {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<ExportedConnection> read = new ExportReads(client, concurrency, progress).read(scope, failures);
        Map<String, ApiSpec> used = new LinkedHashMap<>();
        List<ExportedConnection> exported = new ArrayList<>();
        for (ExportedConnection connection : read) {
            Optional<ApiSpec> spec = spec(connection.dataSourceId(), used, failures, connection);
            spec.ifPresent(s -> exported.add(connection));
        }
        SecretPlaceholders placeholders = secretPlaceholders ? new SecretPlaceholders() : null;
        ExportSheet sheet = new ExportSheet(used, placeholders);
        List<List<String>> records = exported.stream().map(sheet::record).toList();
        ExportFiles.writeCsv(output, sheet.header(), records);
        Path envExample = null;
        if (placeholders != null) {
            envExample = ExportFiles.envExampleOf(output);
            ExportFiles.writeEnvExample(envExample, exported.size(), placeholders.exampleLines());
        }
        long spaces =
                exported.stream().map(ExportedConnection::spaceName).distinct().count();
        int withoutProperties = warnAboutMissingProperties(exported);
        log.info(
                "Exported {} connections of {} spaces to {} ({} left out)",
                exported.size(),
                spaces,
                output,
                failures.size());
        return new ExportResult(
                output,
                exported.size(),
                (int) spaces,
                failures,
                envExample,
                placeholders == null ? 0 : placeholders.variables(),
                withoutProperties);
    }

    /**
     * Connections the tenant sent without {@code connectionProperties} (a tenant that ignores
     * {@code parseConnection}) get rows without property cells, which {@code run} would send as such:
     * said once, and counted.
     */
    private static int warnAboutMissingProperties(List<ExportedConnection> exported) {
        List<String> bare = exported.stream()
                .filter(connection -> connection.properties().isEmpty())
                .map(ExportedConnection::qName)
                .toList();
        if (!bare.isEmpty()) {
            log.warn(
                    "Export: the tenant sent no connectionProperties for {} of {} connection(s) (first: '{}');"
                            + " their rows have no property cells",
                    bare.size(),
                    exported.size(),
                    bare.get(0));
        }
        return bare.size();
    }

    /** The connector's spec, once per data source; a connector without a usable spec leaves its connections out. */
    private Optional<ApiSpec> spec(
            String dataSourceId, Map<String, ApiSpec> used, List<String> failures, ExportedConnection connection) {
        if (used.containsKey(dataSourceId)) {
            return Optional.of(used.get(dataSourceId));
        }
        String problem;
        try {
            Optional<ApiSpec> spec = dataSourceId == null ? Optional.empty() : specs.spec(dataSourceId);
            if (spec.isPresent()) {
                used.put(dataSourceId, spec.get());
                return spec;
            }
            problem = "the tenant has no api-specs for its data source '" + dataSourceId + "'";
        } catch (RunStoppingException e) {
            throw e;
        } catch (QlikApiException | InvalidApiSpecException e) {
            problem = "the api-specs of its data source '" + dataSourceId + "' cannot be used: " + e.getMessage();
        }
        String message = "connection '" + connection.qName() + "' (" + connection.id() + "): " + problem;
        log.warn("Export: {}; left out", message);
        failures.add(message);
        return Optional.empty();
    }
}
