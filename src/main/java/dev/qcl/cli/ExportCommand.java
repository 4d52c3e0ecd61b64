package dev.qcl.cli;

import dev.qcl.cli.output.EraseProgressConverter;
import dev.qcl.cli.output.ExportProgressPrinter;
import dev.qcl.cli.output.ProgressPrinter;
import dev.qcl.connector.SpecCache;
import dev.qcl.export.ConnectionExport;
import dev.qcl.export.ExportProgress;
import dev.qcl.export.ExportResult;
import dev.qcl.export.ExportScope;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.failure.RejectedException;
import dev.qcl.settings.TenantClients;
import dev.qcl.settings.TenantEntry;
import dev.qcl.settings.TenantsFile;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

// picocli reads ${...} in help texts as a variable (an unknown one prints "null"): $${ is a literal ${
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write the tenant's connections as a sheet that run reads back.",
            "",
            "Exports the connections of the named spaces, or all that the identity can read. Secrets are never",
            "written: their cells stay empty, or hold $${env:} references with --secret-placeholders.",
            "The sheet is a CSV file, or an Excel workbook of text cells for an --output name ending with .xlsx."
        },
        footer = {
            "",
            "Exit codes: 0 every connection exported, 1 some could not be read (warned and left out),",
            "2 usage or configuration error (no --space or --all, unknown space), 3 tenant unreachable, API key refused,",
            "or the listing of connections refused or endless."
        })
final class ExportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--space",
            paramLabel = "ID|NAME",
            description = "A space to export, by ID or exact name (repeatable).")
    List<String> spaces = new ArrayList<>();

    @Option(names = "--all", description = "Export every connection the identity can read, in every space.")
    boolean all;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "FILE",
            description = "The CSV, or with a .xlsx name the Excel workbook, to write (replaced if it exists).")
    Path output;

    @Option(
            names = "--secret-placeholders",
            description =
                    "Write $${env:QCL_<QNAME>_<PROPERTY>} in secret text cells and list the variables in FILE.env.example.")
    boolean secretPlaceholders;

    @Option(
            names = "--tenants",
            paramLabel = "FILE",
            description = "Export every tenant of this tenants file (with --all), with a first column 'tenant'.")
    Path tenants;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "4",
            description = "Connections read at once (default 4; the tenant's read quota sets the pace).")
    int concurrency;

    @Override
    public Integer call() {
        checkOptions();
        PrintWriter out = Commands.out(spec);
        PrintWriter err = Commands.err(spec);
        Path target = output.toAbsolutePath().normalize();
        if (System.console() != null) {
            System.setProperty(EraseProgressConverter.ENABLED, "true");
        }
        try (QclContext context = QclContext.start(common.properties(), spec)) {
            if (tenants != null) {
                return exportTenants(context, target, out, err);
            }
            QlikClient client = context.bean(QlikClient.class);
            ExportScope scope;
            try {
                scope = all ? ExportScope.everything() : ExportScope.of(spaces, client);
            } catch (ExportScope.UnknownSpaceException e) {
                err.println("qcl: " + e.getMessage());
                err.flush();
                return ExitCode.USAGE;
            } catch (RejectedException e) {
                err.println("qcl: " + e.getMessage());
                err.flush();
                return ExitCode.RUN_FAILED;
            }
            ExportScope chosen = scope;
            return export(
                    context,
                    out,
                    err,
                    progress -> new ConnectionExport(client, context.bean(SpecCache.class), concurrency)
                            .export(chosen, target, secretPlaceholders, progress));
        }
    }

    /** Runs an export with its progress shown, prints its summary, and picks the exit code. */
    private static int export(
            QclContext context, PrintWriter out, PrintWriter err, Function<ExportProgress, ExportResult> export) {
        ExportProgress progress = new ExportProgress();
        ExportResult result;
        try (ExportProgressPrinter printer =
                ExportProgressPrinter.start(progress, context.property(ProgressPrinter.LOG_INTERVAL), err)) {
            result = export.apply(progress);
        } catch (UncheckedIOException e) {
            err.println("qcl: " + e.getMessage());
            err.flush();
            return ExitCode.USAGE;
        } catch (RejectedException e) {
            // the listing itself (not one connection) refused or garbled: nothing to export
            err.println("qcl: " + e.getMessage());
            err.flush();
            return ExitCode.RUN_FAILED;
        }
        printSummary(result, out);
        return result.failures().isEmpty() ? ExitCode.OK : ExitCode.ROWS_FAILED;
    }

    /** {@code --tenants FILE --all}: every tenant's connections in one sheet that {@code run --tenants} reads. */
    private int exportTenants(QclContext context, Path target, PrintWriter out, PrintWriter err) {
        List<TenantEntry> entries = TenantsFile.read(tenants);
        TenantClients clients = context.bean(TenantClients.class);
        clients.check(entries, tenants);
        List<ConnectionExport.TenantSource> sources = entries.stream()
                .map(t -> {
                    TenantClients.TenantClient c = clients.of(t, tenants);
                    return new ConnectionExport.TenantSource(t.alias(), c.client(), c.specs());
                })
                .toList();
        return export(
                context,
                out,
                err,
                progress -> ConnectionExport.exportTenants(sources, concurrency, target, secretPlaceholders, progress));
    }

    private void checkOptions() {
        if (tenants != null && !all) {
            throw new ParameterException(spec.commandLine(), "--tenants exports every connection: add --all");
        }
        if (all && !spaces.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--space and --all exclude each other");
        }
        if (!all && spaces.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(), "name what to export: --space ID|NAME (repeatable) or --all");
        }
        if (concurrency < 1) {
            throw new ParameterException(spec.commandLine(), "--concurrency must be at least 1");
        }
        Path folder = output.toAbsolutePath().getParent();
        if (Files.isDirectory(output) || (Files.exists(folder) && !Files.isWritable(folder))) {
            throw new ParameterException(
                    spec.commandLine(), "--output " + output + " cannot be written; name a file in a writable folder");
        }
    }

    private static void printSummary(ExportResult result, PrintWriter out) {
        if (result.envExample() != null) {
            out.println(result.placeholders() + " secret placeholder(s): set the variables listed in "
                    + result.envExample());
        }
        if (!result.failures().isEmpty()) {
            out.println(result.failures().size() + " connection(s) could not be read and were left out:");
            result.failures().stream().limit(10).forEach(failure -> out.println("  " + failure));
        }
        out.println("Exported " + result.connections() + " connection(s) of " + result.spaces() + " space(s) to "
                + result.output()
                + (result.withoutProperties() == 0
                        ? ""
                        : "; " + result.withoutProperties() + " without properties (the tenant sent none)")
                + (result.failures().isEmpty() ? "" : "; " + result.failures().size() + " left out"));
        out.flush();
    }
}
