package dev.qcl.cli;

import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputFile;
import dev.qcl.prune.PrunePlanner;
import dev.qcl.qlik.QlikClient;
import dev.qcl.run.RunParameters;
import dev.qcl.run.RunTenants;
import dev.qcl.settings.ConfigurationProblem;
import dev.qcl.settings.TenantClients;
import dev.qcl.settings.TenantEntry;
import dev.qcl.settings.TenantsFile;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --tenants} and {@code --tenant-concurrency}: a run over several tenants (contract section 12). */
final class TenantOptions {
    @Option(
            names = "--tenants",
            paramLabel = "FILE",
            description = "A CSV of tenants (tenant,url,apiKey|clientId+clientSecret as references,rateLimit):"
                    + " the sheet's 'tenant' column names each row's tenant.")
    Path tenants;

    @Option(
            names = "--tenant-concurrency",
            paramLabel = "N",
            description = "Tenants worked on at once with --tenants (default 4).")
    Integer concurrency;

    /**
     * The run's tenants, or null without {@code --tenants}; the sheet's {@code tenant} column must be there
     * exactly when the option is (exit 2 otherwise), and the tenants file must read cleanly.
     */
    RunTenants resolve(InputFile input) {
        return resolve(input.header(), input.path());
    }

    static void requireNoTenantColumn(CsvHeader header, Path input) {
        if (header.indexOf(CsvHeader.TENANT) >= 0) {
            throw new ConfigurationProblem(input + ": the column 'tenant' names tenants, but no --tenants FILE"
                    + " lists them; pass --tenants FILE, or remove the column");
        }
    }

    RunTenants resolve(CsvHeader header, Path input) {
        if (tenants == null) {
            if (concurrency != null) {
                throw new ConfigurationProblem("--tenant-concurrency needs --tenants FILE");
            }
            requireNoTenantColumn(header, input);
            return null;
        }
        if (header.indexOf(CsvHeader.TENANT) < 0) {
            throw new ConfigurationProblem(input + " has no 'tenant' column; with --tenants every row names its"
                    + " tenant by its alias in " + tenants);
        }
        int n = concurrency == null ? RunTenants.DEFAULT_CONCURRENCY : concurrency;
        if (n < 1 || n > 64) {
            throw new ConfigurationProblem("--tenant-concurrency must be 1 to 64, not " + n);
        }
        TenantsFile.read(tenants);
        return new RunTenants(tenants, sha256(tenants), n);
    }

    /**
     * Reads only, before anything is sent: each tenant's identity resolves, and each tenant's prune stays
     * under {@code --max-deletes}. Without tenants, the same for the one tenant configured.
     */
    static void checkBeforeSending(QclContext context, RunParameters run, boolean checkPrune) {
        if (!run.overTenants()) {
            context.bean(QlikClient.class);
            if (checkPrune) {
                context.bean(PrunePlanner.class).check(run);
            }
            return;
        }
        Path file = run.tenants().file();
        List<TenantEntry> entries = TenantsFile.read(file);
        TenantClients clients = context.bean(TenantClients.class);
        clients.check(entries, file);
        if (checkPrune && run.ownership().prune()) {
            for (TenantEntry tenant : entries) {
                new PrunePlanner(clients.of(tenant, file).client(), tenant.alias()).check(run);
            }
        }
    }

    /** The tenants of an earlier run as their file reads now (a rerun is a new run over them), or null. */
    static RunTenants asNow(RunTenants earlier) {
        if (earlier == null) {
            return null;
        }
        TenantsFile.read(earlier.file());
        return new RunTenants(earlier.file(), sha256(earlier.file()), earlier.concurrency());
    }

    static String sha256(Path file) {
        return RunTenants.digestOf(file);
    }
}
