package dev.qcl;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture of qcl, stated once: each layer uses only layers below it, and no two packages
 * depend on each other. The README's "Architecture" section lists the same layers in the same order.
 */
@AnalyzeClasses(packages = "dev.qcl", importOptions = ArchitectureTests.MainClassesOnly.class)
class ArchitectureTests {
    @ArchTest
    static final ArchRule layers_depend_only_downwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Main")
            .definedBy("dev.qcl")
            .layer("Cli")
            .definedBy("dev.qcl.cli..")
            .layer("Report")
            .definedBy("dev.qcl.report..")
            .layer("Export")
            .definedBy("dev.qcl.export..")
            .layer("Launch")
            .definedBy("dev.qcl.launch..")
            .layer("Job")
            .definedBy("dev.qcl.job..")
            .layer("Prune")
            .definedBy("dev.qcl.prune..")
            .layer("Rows")
            .definedBy("dev.qcl.rows..")
            .layer("Run")
            .definedBy("dev.qcl.run..")
            .layer("Results")
            .definedBy("dev.qcl.results..")
            .layer("Home")
            .definedBy("dev.qcl.home..")
            .layer("Settings")
            .definedBy("dev.qcl.settings..")
            .layer("Connector")
            .definedBy("dev.qcl.connector..")
            .layer("Csv")
            .definedBy("dev.qcl.csv..")
            .layer("Qlik")
            .definedBy("dev.qcl.qlik..")
            .layer("Sandbox")
            .definedBy("dev.qcl.sandbox..")
            .whereLayer("Main")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Cli")
            .mayOnlyBeAccessedByLayers("Main")
            .whereLayer("Report")
            .mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Export")
            .mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Launch")
            .mayOnlyBeAccessedByLayers("Cli", "Report")
            .whereLayer("Job")
            .mayOnlyBeAccessedByLayers("Cli", "Report", "Launch")
            .whereLayer("Prune")
            .mayOnlyBeAccessedByLayers("Cli", "Report", "Launch", "Job")
            .whereLayer("Rows")
            .mayOnlyBeAccessedByLayers("Cli", "Report", "Launch", "Job", "Prune")
            .whereLayer("Run")
            .mayOnlyBeAccessedByLayers("Cli", "Report", "Launch", "Job", "Prune", "Rows")
            .whereLayer("Results")
            .mayOnlyBeAccessedByLayers("Cli", "Report", "Launch", "Job", "Prune", "Rows", "Run")
            .whereLayer("Home")
            .mayOnlyBeAccessedByLayers("Cli", "Report", "Launch", "Job")
            .whereLayer("Settings")
            .mayOnlyBeAccessedByLayers("Cli", "Report", "Launch", "Job", "Prune", "Rows", "Run", "Results", "Home")
            .whereLayer("Connector")
            .mayOnlyBeAccessedByLayers(
                    "Cli", "Report", "Export", "Launch", "Job", "Prune", "Rows", "Run", "Results", "Settings")
            .whereLayer("Csv")
            .mayOnlyBeAccessedByLayers(
                    "Cli",
                    "Report",
                    "Export",
                    "Launch",
                    "Job",
                    "Prune",
                    "Rows",
                    "Run",
                    "Results",
                    "Settings",
                    "Connector")
            .whereLayer("Qlik")
            .mayOnlyBeAccessedByLayers(
                    "Cli", "Report", "Export", "Launch", "Job", "Prune", "Rows", "Run", "Results", "Settings")
            .whereLayer("Sandbox")
            .mayOnlyBeAccessedByLayers("Cli");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching("dev.qcl.(**)").should().beFreeOfCycles();

    /**
     * The main code only. ArchUnit's own {@code DoNotIncludeTests} knows test classes by a folder named
     * {@code target/test-classes}, which a build with {@code -Dqcl.build.dir} does not have.
     */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }
}
