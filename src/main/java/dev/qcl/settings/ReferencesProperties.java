package dev.qcl.settings;

import dev.qcl.csv.ReferenceRules;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What {@code ${file:}} and {@code ${env:}} references in a sheet may read ({@code qcl.references.*}).
 *
 * @param fileRoots folders under which an absolute {@code ${file:}} path may lie (relative paths stay
 *     inside the CSV's folder); empty: absolute paths are refused
 * @param envAllow the only environment variables {@code ${env:}} may read; empty: any, except qcl's own
 *     credentials (QLIK_API_KEY, QLIK_CLIENT_SECRET), which are never read
 */
@ConfigurationProperties("qcl.references")
public record ReferencesProperties(List<Path> fileRoots, List<String> envAllow) {
    public ReferencesProperties {
        fileRoots = fileRoots == null ? List.of() : List.copyOf(fileRoots);
        envAllow = envAllow == null
                ? List.of()
                : envAllow.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public ReferenceRules rules() {
        return new ReferenceRules(fileRoots, new LinkedHashSet<>(envAllow));
    }
}
