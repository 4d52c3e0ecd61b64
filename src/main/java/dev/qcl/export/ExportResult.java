package dev.qcl.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param failures one line per connection that could not be read or written, and was left out
 * @param envExample the {@code .env.example} file, or null without placeholders
 * @param placeholders the {@code ${env:}} references written
 * @param withoutProperties connections written without property cells: the tenant sent no
 *     {@code connectionProperties} for them
 */
public record ExportResult(
        Path output,
        int connections,
        int spaces,
        List<String> failures,
        Path envExample,
        long placeholders,
        int withoutProperties) {
    public ExportResult {
        failures = List.copyOf(failures);
    }
}
