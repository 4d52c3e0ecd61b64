package dev.qcl.connector;

import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.SafeText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Header columns that no connector used in the sheet knows, found once before the run: usually a typo
 * in the header, which would otherwise show up as an INVALID message on every row that fills it.
 */
public final class UnknownColumns {
    private UnknownColumns() {}

    /**
     * One warning per unknown property column, with a "did you mean" where a reserved column (by another
     * API's name too) or a known property is close.
     */
    public static List<String> warnings(CsvHeader header, Collection<String> dataSourceIds, SpecCache specs) {
        Set<String> known = new LinkedHashSet<>();
        List<String> connectors = new ArrayList<>();
        for (String id : dataSourceIds) {
            spec(id, specs).ifPresent(s -> {
                known.addAll(s.properties().keySet());
                connectors.add(id);
            });
        }
        if (connectors.isEmpty()) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        for (String column : header.columns()) {
            if (CsvHeader.isProperty(column) && !known.contains(column)) {
                String hint = CsvHeader.reservedMeant(column)
                        .or(() -> NearMiss.suggest(column, known))
                        .map(s -> "; did you mean '" + s + "'?")
                        .orElse("");
                warnings.add("column '" + SafeText.shown(column) + "' is not a property of any connector in this file ("
                        + String.join(", ", connectors.stream().sorted().toList()) + ")" + hint);
            }
        }
        return warnings;
    }

    /** A connector whose spec cannot be had is left out here; its rows say why. */
    private static Optional<ApiSpec> spec(String id, SpecCache specs) {
        if (id.isBlank() || id.length() > CellLimits.DATA_SOURCE_ID_CHARS) {
            return Optional.empty();
        }
        try {
            return specs.dataSourceExists(id) ? specs.spec(id) : Optional.empty();
        } catch (TenantReadException | InvalidApiSpecException e) {
            return Optional.empty();
        }
    }
}
