package dev.qcl.cli;

import dev.qcl.connector.ApiSpec;
import dev.qcl.connector.DataSourceList;
import dev.qcl.connector.SecretPolicy;
import dev.qcl.connector.SpecCache;
import dev.qcl.connector.SpecSource;
import dev.qcl.home.HomeFolderLock;
import dev.qcl.settings.QclProperties;
import dev.qcl.settings.SpecsProperties;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "specs",
        mixinStandardHelpOptions = true,
        description = "Show or refresh the cached api-specs of the connectors.",
        subcommands = {SpecsCommand.ListSpecs.class, SpecsCommand.RefreshSpecs.class})
final class SpecsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** {@code qcl specs --home DIR list} works as well as {@code qcl specs list --home DIR}. */
    @Mixin
    CommonOptions common;

    /** The subcommand's own options, with the parent's where the subcommand has none. */
    Map<String, Object> properties(CommonOptions own) {
        if (own.home == null) {
            own.home = common.home;
        }
        if (own.tenant == null) {
            own.tenant = common.tenant;
        }
        return own.properties();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: specs list or specs refresh");
    }

    static void print(List<ApiSpec> specs, String tenant, PrintWriter out) {
        String format = "%-36s %-12s %-24s %5s  %s%n";
        for (ApiSpec s : specs) {
            out.printf(
                    format,
                    s.dataSourceId(),
                    s.connectorVersion(),
                    s.fetchedAt(),
                    s.properties().size(),
                    tenant);
        }
    }

    static void header(PrintWriter out) {
        out.printf("%-36s %-12s %-24s %5s  %s%n", "DATA SOURCE", "VERSION", "FETCHED AT", "PROPS", "TENANT");
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Show the cached api-specs: data source, version, fetched at.")
    static final class ListSpecs implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @ParentCommand
        SpecsCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Map<String, Object> properties = parent.properties(common);
            try (HomeFolderLock home = Commands.reading(common);
                    QclContext context = QclContext.start(Commands.besideJob(properties, home), spec)) {
                Path root = context.bean(QclProperties.class).home().resolve("specs");
                PrintWriter out = Commands.out(spec);
                List<Path> tenants = tenantFolders(root);
                if (tenants.isEmpty()) {
                    out.println("No cached specs yet under " + root + "; a run or qcl specs refresh fetches them.");
                } else {
                    header(out);
                    for (Path tenant : tenants) {
                        SpecCache cache = new SpecCache(
                                OFFLINE,
                                tenant,
                                context.bean(SpecsProperties.class).ttl(),
                                false,
                                Clock.systemUTC(),
                                context.bean(SecretPolicy.class));
                        print(cache.cached(), tenant.getFileName().toString(), out);
                    }
                }
                out.flush();
                return ExitCode.OK;
            }
        }

        private static List<Path> tenantFolders(Path root) {
            if (!Files.isDirectory(root)) {
                return List.of();
            }
            try (Stream<Path> folders = Files.list(root)) {
                return new ArrayList<>(
                        folders.filter(Files::isDirectory).sorted().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Listing reads the cache only; it never asks the tenant. */
        private static final SpecSource OFFLINE = new SpecSource() {
            @Override
            public DataSourceList dataSources() {
                throw new IllegalStateException("specs list does not contact the tenant");
            }

            @Override
            public Optional<String> apiSpecJson(String dataSourceId) {
                throw new IllegalStateException("specs list does not contact the tenant");
            }
        };
    }

    @Command(
            name = "refresh",
            mixinStandardHelpOptions = true,
            description = "Fetch api-specs again (all cached, or the ones named).")
    static final class RefreshSpecs implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @ParentCommand
        SpecsCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(
                paramLabel = "DATASOURCE_ID",
                arity = "0..*",
                description = "Data sources to fetch, e.g. snowflake rest.")
        List<String> dataSourceIds = new ArrayList<>();

        @Override
        public Integer call() {
            try (QclContext context = QclContext.start(parent.properties(common), spec)) {
                List<ApiSpec> refreshed = context.bean(SpecCache.class).refresh(dataSourceIds);
                PrintWriter out = Commands.out(spec);
                header(out);
                print(refreshed, context.property("qcl.tenant.url"), out);
                out.println(refreshed.size() + " spec(s) fetched.");
                out.flush();
                return ExitCode.OK;
            }
        }
    }
}
