package dev.qcl.settings;

import dev.qcl.connector.SecretPolicy;
import dev.qcl.connector.SpecCache;
import dev.qcl.csv.Reference;
import dev.qcl.qlik.HttpStats;
import dev.qcl.qlik.Identity;
import dev.qcl.qlik.QlikClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The clients of the tenants of a run over several ({@code --tenants}): one per tenant, each with its own
 * identity, token, write budget, learned quota, HTTP counters and api-specs cache (connector versions may
 * differ between tenants). Made when a tenant's part first needs it, kept for the command, closed with it.
 */
public final class TenantClients implements AutoCloseable {
    /** What one tenant's part of a run talks to. */
    public record TenantClient(TenantEntry tenant, QlikClient client, SpecCache specs, HttpStats stats) {}

    private final QclProperties qcl;
    private final TenantProperties tenantSettings;
    private final OAuthProperties oauth;
    private final WriteProperties write;
    private final SpecsProperties specs;
    private final SecretPolicy secrets;
    private final Supplier<Identity> runIdentity;
    private final Function<String, String> environment;
    private final HttpStats whole;
    private final Map<String, TenantClient> clients = new ConcurrentHashMap<>();

    TenantClients(
            QclProperties qcl,
            TenantProperties tenantSettings,
            OAuthProperties oauth,
            WriteProperties write,
            SpecsProperties specs,
            SecretPolicy secrets,
            Supplier<Identity> runIdentity,
            Function<String, String> environment,
            HttpStats whole) {
        this.whole = whole;
        this.qcl = qcl;
        this.tenantSettings = tenantSettings;
        this.oauth = oauth;
        this.write = write;
        this.specs = specs;
        this.secrets = secrets;
        this.runIdentity = runIdentity;
        this.environment = environment;
    }

    /** The client of {@code tenant}, whose references are resolved relative to {@code tenantsFile}'s folder. */
    public TenantClient of(TenantEntry tenant, Path tenantsFile) {
        return clients.computeIfAbsent(tenant.alias(), alias -> open(tenant, tenantsFile));
    }

    /** Resolves every tenant's identity now, so that a missing variable or file stops the command (exit 2). */
    public void check(Iterable<TenantEntry> tenants, Path tenantsFile) {
        for (TenantEntry tenant : tenants) {
            identity(tenant, tenantsFile);
        }
    }

    private TenantClient open(TenantEntry tenant, Path tenantsFile) {
        HttpStats stats = new HttpStats(whole);
        WriteProperties pace = tenant.rateLimit() == null
                ? write
                : new WriteProperties(
                        tenant.rateLimit(),
                        write.readRateLimit(),
                        write.concurrency(),
                        write.maxAttempts(),
                        write.initialBackoff(),
                        write.maxBackoff(),
                        write.maxTimePerRow(),
                        write.maxThrottleWait(),
                        write.window());
        QlikClient client = new QlikClient(
                ClientSettings.of(tenant.url(), identity(tenant, tenantsFile), tenantSettings, pace), stats);
        SpecCache cache = new SpecCache(
                new QlikSpecSource(client),
                specsFolder(qcl, tenant.url()),
                specs.ttl(),
                specs.checkVersion(),
                Clock.systemUTC(),
                secrets);
        return new TenantClient(tenant, client, cache, stats);
    }

    /** The api-specs cache folder of a tenant: one per host and port, as connector versions are per tenant. */
    static Path specsFolder(QclProperties qcl, URI url) {
        String folder = url.getPort() < 0 ? url.getHost() : url.getHost() + "_" + url.getPort();
        return qcl.home().resolve("specs").resolve(folder.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    private Identity identity(TenantEntry tenant, Path tenantsFile) {
        if (tenant.usesRunIdentity()) {
            return runIdentity.get();
        }
        Path folder = tenantsFile.toAbsolutePath().getParent();
        if (tenant.apiKey() != null) {
            return new Identity.ApiKey(resolve(tenant, TenantsFile.API_KEY, tenant.apiKey(), folder));
        }
        return new Identity.OAuthClient(
                resolve(tenant, TenantsFile.CLIENT_ID, tenant.clientId(), folder),
                resolve(tenant, TenantsFile.CLIENT_SECRET, tenant.clientSecret(), folder),
                oauth.scopes(),
                oauth.renewBefore());
    }

    private String resolve(TenantEntry tenant, String column, String text, Path folder) {
        Reference reference = Reference.parse(text).orElseThrow();
        String where = "tenant " + tenant.alias() + ", column " + column + ": ";
        if (reference.kind() == Reference.Kind.ENV) {
            String value = environment.apply(reference.target());
            if (value == null || value.isBlank()) {
                throw new ConfigurationProblem(where + "the environment variable " + reference.target()
                        + " is not set; set it, or refer to a file with ${file:PATH}");
            }
            return value.strip();
        }
        Path file = folder.resolve(reference.target()).normalize();
        return ApiKeys.readSecretFile(
                file, column + " of tenant " + tenant.alias(), reference.text() + " in the tenants file");
    }

    /** Ends every tenant's waits (a stop request): see {@link QlikClient#stopWaiting}. */
    public void stopWaiting() {
        clients.values().forEach(c -> c.client().stopWaiting());
    }

    /** The clients made so far, by alias. */
    public Map<String, TenantClient> opened() {
        return Map.copyOf(clients);
    }

    @Override
    public void close() {
        clients.values().forEach(c -> c.client().close());
        clients.clear();
    }
}
