package dev.qcl.export;

import dev.qcl.connector.ApiSpec;
import dev.qcl.connector.InvalidApiSpecException;
import dev.qcl.connector.SpecCache;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.failure.QlikApiException;
import dev.qcl.qlik.failure.RunStoppingException;
import dev.qcl.workbook.Workbooks;
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
        return exportOf(
                List.of(new TenantSource("", client, specs)), concurrency, scope, output, secretPlaceholders, progress);
    }

    /** A tenant of {@code export --tenants FILE --all}: its alias, client and api-specs. */
    public record TenantSource(String alias, QlikClient client, SpecCache specs) {}

    /**
     * Every connection of several tenants in one sheet ({@code export --tenants FILE --all}), with a first
     * column {@code tenant} naming each row's tenant, as {@code run --tenants FILE} reads it back. A data
     * source's columns are those of the first tenant's spec that has it.
     */
    public static ExportResult exportTenants(
            List<TenantSource> tenants,
            int concurrency,
            Path output,
            boolean secretPlaceholders,
            ExportProgress progress) {
        return exportOf(tenants, concurrency, ExportScope.everything(), output, secretPlaceholders, progress);
    }

    private static ExportResult exportOf(
            List<TenantSource> tenants,
            int concurrency,
            ExportScope scope,
            Path output,
            boolean secretPlaceholders,
            ExportProgress progress) {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, ApiSpec> used = new LinkedHashMap<>();
        List<Map.Entry<String, ExportedConnection>> exported = new ArrayList<>();
        for (TenantSource tenant : tenants) {
            ConnectionExport part = new ConnectionExport(tenant.client(), tenant.specs(), concurrency);
            List<ExportedConnection> read =
                    new ExportReads(tenant.client(), concurrency, progress).read(scope, failures);
            Map<String, ApiSpec> ofTenant = new LinkedHashMap<>();
            for (ExportedConnection connection : read) {
                Optional<ApiSpec> spec = part.spec(connection.dataSourceId(), ofTenant, failures, connection);
                spec.ifPresent(s -> exported.add(Map.entry(tenant.alias(), connection)));
            }
            ofTenant.forEach(used::putIfAbsent);
        }
        boolean overTenants = tenants.size() > 1 || !tenants.get(0).alias().isEmpty();
        SecretPlaceholders placeholders = secretPlaceholders ? new SecretPlaceholders() : null;
        ExportSheet sheet = new ExportSheet(used, placeholders);
        List<String> header = new ArrayList<>(sheet.header());
        if (overTenants) {
            header.add(0, "tenant");
        }
        List<List<String>> records = exported.stream()
                .map(e -> {
                    List<String> record = sheet.record(e.getValue());
                    if (!overTenants) {
                        return record;
                    }
                    List<String> withTenant = new ArrayList<>(record);
                    withTenant.add(0, e.getKey());
                    return (List<String>) withTenant;
                })
                .toList();
        if (Workbooks.isWorkbookName(output)) {
            ExportFiles.writeXlsx(output, header, records);
        } else {
            ExportFiles.writeCsv(output, header, records);
        }
        Path envExample = null;
        if (placeholders != null) {
            envExample = ExportFiles.envExampleOf(output);
            ExportFiles.writeEnvExample(envExample, exported.size(), placeholders.exampleLines());
        }
        long spaces = exported.stream()
                .map(e -> e.getKey() + "\u0000" + e.getValue().spaceName())
                .distinct()
                .count();
        int withoutProperties = warnAboutMissingProperties(
                exported.stream().map(Map.Entry::getValue).toList());
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
