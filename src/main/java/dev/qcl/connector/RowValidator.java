package dev.qcl.connector;

import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputRow;
import dev.qcl.csv.ReferenceResolver;
import dev.qcl.csv.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates input rows against the tenant's data sources, api-specs and spaces (contract section 4).
 * Collects every violation of a row; the in-file duplicate rule is left to the caller. A read that the
 * tenant refuses makes the row {@link RowCheck.ReadFailed}, an api-specs document that cannot be used
 * makes it INVALID. Thread-safe.
 */
public final class RowValidator {
    private final CsvHeader header;
    private final SpecCache specs;
    private final SpaceResolution spaces;
    private final PropertyCells propertyCells;
    private final SpaceMap spaceMap;
    private final CellNames cellNames;

    public RowValidator(
            CsvHeader header,
            SpecCache specs,
            SpaceDirectory spaces,
            ReferenceResolver references,
            SecretPolicy secrets) {
        this(header, specs, spaces, references, secrets, SpaceMap.NONE);
    }

    /** With {@code --map-space}: the row's space cells are replaced before they are resolved. */
    public RowValidator(
            CsvHeader header,
            SpecCache specs,
            SpaceDirectory spaces,
            ReferenceResolver references,
            SecretPolicy secrets,
            SpaceMap spaceMap) {
        this.spaceMap = spaceMap;
        this.header = header;
        this.specs = specs;
        this.spaces = new SpaceResolution(spaces);
        this.propertyCells = new PropertyCells(header, references, secrets, new ValueConverter());
        this.cellNames = new CellNames(header);
    }

    /** {@code violation} of {@code row} with the cell named, for a workbook's row (section 11). */
    public Violation inCell(Violation violation, InputRow row) {
        return cellNames.named(violation, row);
    }

    /** A draft ready to send, or every rule the row breaks. */
    public RowCheck validate(InputRow row) {
        String qName = reserved(row, CsvHeader.Q_NAME);
        String dataSourceId = reserved(row, CsvHeader.DATA_SOURCE_ID);
        String spaceId = spaceMap.apply(reserved(row, CsvHeader.SPACE));
        String spaceName = spaceMap.apply(reserved(row, CsvHeader.SPACE_NAME));
        String space = spaceId.isEmpty() ? spaceName : spaceId;
        if (row.inWorkbook() && row.cells().size() > header.size()) {
            return new RowCheck.Invalid(row.row(), qName, dataSourceId, space, List.of(cellNames.pastTheHeader(row)));
        }
        List<Violation> unreadable = cellNames.unreadable(row);
        if (!unreadable.isEmpty()) {
            return new RowCheck.Invalid(row.row(), qName, dataSourceId, space, unreadable);
        }
        if (row.cells().size() != header.size()) {
            // the cells are shifted: checking them would blame the wrong columns and could quote a secret
            Violation count = new Violation(
                    null,
                    "the row has " + row.cells().size() + " cells, the header has " + header.size()
                            + "; check for an unquoted comma");
            return new RowCheck.Invalid(row.row(), qName, dataSourceId, space, List.of(count));
        }
        List<Violation> violations = new ArrayList<>();
        if (qName.isEmpty()) {
            violations.add(
                    new Violation(CsvHeader.Q_NAME, "column 'qName' is empty; every row needs a connection name"));
        }
        CellLimits.fits(CsvHeader.Q_NAME, qName, CellLimits.Q_NAME_CHARS, violations);
        boolean sourceFits =
                CellLimits.fits(CsvHeader.DATA_SOURCE_ID, dataSourceId, CellLimits.DATA_SOURCE_ID_CHARS, violations);
        boolean spaceFits = CellLimits.fits(CsvHeader.SPACE, spaceId, CellLimits.SPACE_CHARS, violations)
                & CellLimits.fits(CsvHeader.SPACE_NAME, spaceName, CellLimits.SPACE_NAME_CHARS, violations);
        TenantReadException readFailure = null;
        Optional<ApiSpec> spec = Optional.empty();
        String targetSpace = null;
        // an overlong cell is never looked up: it cannot name anything, and could not be sent
        try {
            spec = sourceFits ? spec(dataSourceId, violations) : Optional.empty();
        } catch (TenantReadException e) {
            readFailure = e;
        }
        try {
            targetSpace = spaceFits ? spaces.resolve(spaceId, spaceName, violations) : null;
        } catch (TenantReadException e) {
            readFailure = readFailure == null ? e : readFailure;
        }
        List<String> tags = Tags.parse(reserved(row, CsvHeader.TAGS), violations);
        Map<String, PropertyValue> properties =
                spec.map(s -> propertyCells.check(row, s, violations)).orElse(Map.of());
        if (row.inWorkbook()) {
            List<Violation> named = cellNames.named(violations, row);
            violations.clear();
            violations.addAll(named);
        }
        if (readFailure != null) {
            String also = violations.isEmpty()
                    ? ""
                    : "; the row also breaks these rules: "
                            + new RowCheck.Invalid(row.row(), qName, dataSourceId, space, violations).message();
            return new RowCheck.ReadFailed(
                    row.row(),
                    qName,
                    dataSourceId,
                    space,
                    readFailure.httpStatus(),
                    readFailure.attempts(),
                    readFailure.getMessage() + also);
        }
        if (!violations.isEmpty()) {
            return new RowCheck.Invalid(row.row(), qName, dataSourceId, space, violations);
        }
        return new RowCheck.Valid(new ConnectionDraft(row.row(), qName, dataSourceId, targetSpace, tags, properties));
    }

    private Optional<ApiSpec> spec(String dataSourceId, List<Violation> violations) {
        String column = CsvHeader.DATA_SOURCE_ID;
        if (dataSourceId.isEmpty()) {
            violations.add(new Violation(
                    column,
                    "column 'dataSourceId' is empty; every row needs the ID of a data"
                            + " source, such as File_AmazonS3ConnectorV2"));
            return Optional.empty();
        }
        if (!specs.dataSourceExists(dataSourceId)) {
            String hint = NearMiss.suggest(dataSourceId, specs.dataSourceIds())
                    .map(id -> "did you mean '" + id + "'?")
                    .orElse("check the spelling (IDs are case sensitive)");
            violations.add(new Violation(
                    column,
                    "column 'dataSourceId': unknown data source '" + SafeText.shown(dataSourceId) + "'; " + hint));
            return Optional.empty();
        }
        Optional<ApiSpec> spec;
        try {
            spec = specs.spec(dataSourceId);
        } catch (InvalidApiSpecException e) {
            violations.add(
                    new Violation(
                            column,
                            "column 'dataSourceId': " + e.getMessage()
                                    + "; the connector cannot be checked, so its rows are not sent (try again later, or ask Qlik)"));
            return Optional.empty();
        }
        if (spec.isEmpty()) {
            violations.add(new Violation(
                    column,
                    "column 'dataSourceId': the tenant has no api-specs for data source '" + dataSourceId
                            + "' (it may be disabled)"));
        }
        return spec;
    }

    private String reserved(InputRow row, String column) {
        return row.cell(header.indexOf(column)).strip();
    }
}
