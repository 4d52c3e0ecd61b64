package dev.qcl;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture of qcl, stated once: each layer uses only layers below it, and no two packages
 * depend on each other. The README's "Architecture" section lists the same layers in the same order.
 */
@AnalyzeClasses(packages = "dev.qcl", importOptions = ArchitectureTests.MainClassesOnly.class)
class ArchitectureTests {
    /** The layers, top first, each named by its package under {@code dev.qcl} (and its sub-packages). */
    static final List<String> LAYERS = List.of(
            "cli",
            "report",
            "export",
            "launch",
            "job",
            "prune",
            "rows",
            "run",
            "results",
            "home",
            "settings",
            "connector",
            "csv",
            "workbook",
            "qlik",
            "sandbox");

    /** Side branches: only the command line uses them, though they sit low. */
    static final List<String> USED_BY_CLI_ONLY = List.of("export", "sandbox");

    @ArchTest
    static final ArchRule layers_depend_only_downwards = layers();

    /** Each layer may be used only by the layers above it (and the entry point); the entry point by none. */
    static LayeredArchitecture layers() {
        LayeredArchitecture layers = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("main")
                .definedBy("dev.qcl");
        for (String layer : LAYERS) {
            layers = layers.layer(layer).definedBy("dev.qcl." + layer + "..");
        }
        layers = layers.whereLayer("main").mayNotBeAccessedByAnyLayer();
        for (int i = 0; i < LAYERS.size(); i++) {
            String layer = LAYERS.get(i);
            List<String> users = new ArrayList<>(List.of("main"));
            users.addAll(USED_BY_CLI_ONLY.contains(layer) ? List.of("cli") : LAYERS.subList(0, i));
            layers = layers.whereLayer(layer).mayOnlyBeAccessedByLayers(users.toArray(String[]::new));
        }
        return layers;
    }

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
