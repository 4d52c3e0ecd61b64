package dev.qcl.csv;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What references may read, beyond the input's own folder (contract section 4).
 *
 * @param fileRoots folders under which an absolute {@code ${file:}} path may lie; none: absolute paths are refused
 * @param envAllow the only variables {@code ${env:}} may read; empty: any except qcl's own credentials
 */
public record ReferenceRules(List<Path> fileRoots, Set<String> envAllow) {
    /** No absolute paths, any variable except qcl's own credentials. */
    public static final ReferenceRules DEFAULT = new ReferenceRules(List.of(), Set.of());

    public ReferenceRules {
        fileRoots = List.copyOf(Objects.requireNonNullElse(fileRoots, List.of()));
        envAllow = Set.copyOf(Objects.requireNonNullElse(envAllow, Set.of()));
    }
}
