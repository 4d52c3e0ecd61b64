package dev.qcl.connector;

import dev.qcl.csv.SafeText;
import java.util.List;

/**
 * The longest cells qcl takes. A longer cell makes its row INVALID before anything is looked up or
 * sent, so that no cell (a pasted paragraph, a whole file) can break a request, a stored result or a
 * run. The reserved columns are far below the result table's columns (1024 characters for qName and
 * space, 256 for dataSourceId).
 */
final class CellLimits {
    /** Qlik publishes no limit for a connection name; 256 is its limit for space names. */
    static final int Q_NAME_CHARS = 256;
    /** Data source IDs are short words such as {@code File_AmazonS3ConnectorV2}. */
    static final int DATA_SOURCE_ID_CHARS = 256;
    /** Space IDs have 24 hex digits. */
    static final int SPACE_CHARS = 256;
    /** Qlik's limit for a space name. */
    static final int SPACE_NAME_CHARS = 256;
    /** A property value written in the cell; longer content belongs in a file given as {@code ${file:PATH}}. */
    static final int PROPERTY_CHARS = 65_536;

    private CellLimits() {}

    /**
     * Whether a reserved cell fits: at most {@code maxChars}, and no control character (a line break
     * in a name would be created as such, and stored results could not show it).
     */
    static boolean fits(String column, String cell, int maxChars, List<Violation> violations) {
        if (cell.length() > maxChars) {
            violations.add(new Violation(
                    column,
                    "column '" + column + "' has " + cell.length() + " characters; at most " + maxChars
                            + " are allowed: '" + SafeText.shown(cell) + "'"));
            return false;
        }
        int control = SafeText.firstControl(cell);
        if (control >= 0) {
            violations.add(new Violation(
                    column,
                    "column '" + column + "' holds a control character (U+"
                            + String.format("%04X", (int) cell.charAt(control)) + ", such as a line break) at position "
                            + (control + 1) + "; remove it"));
            return false;
        }
        return true;
    }

    /** Whether a property value written in the cell fits; never quotes it (it may be a secret). */
    static boolean fitsProperty(String column, String value, List<Violation> violations) {
        if (value.length() <= PROPERTY_CHARS) {
            return true;
        }
        violations.add(new Violation(
                column,
                "column '" + SafeText.shown(column) + "': the value has " + value.length()
                        + " characters; at most " + PROPERTY_CHARS + " are allowed (put longer content in a file and"
                        + " write ${file:PATH})"));
        return false;
    }
}
