package dev.qcl.workbook;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A stored number as the text a user reads in its cell: plain decimal notation at the full precision of
 * the stored double (its shortest representation: {@code 45.5}, {@code 0.000001}, {@code 5432}), without
 * grouping or exponent; in a date-formatted cell an ISO 8601 date, date-time or time.
 */
final class CellText {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private CellText() {}

    /** The number stored as {@code raw} (the cell's {@code <v>}), shown as {@code kind}; null when it is no number. */
    static String number(String raw, CellFormats.Kind kind, boolean date1904) {
        double value;
        try {
            value = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (!Double.isFinite(value)) {
            return null;
        }
        if (kind != CellFormats.Kind.NUMBER && DateUtil.isValidExcelDate(value)) {
            // to the second: a typed 03:04 is stored as a fraction of a day that misses it by microseconds
            LocalDateTime time = DateUtil.getLocalDateTime(value, date1904, true);
            return switch (kind) {
                case DATE -> time.toLocalDate().toString();
                case TIME -> time.format(TIME);
                default -> time.format(DATE_TIME);
            };
        }
        if (value == 0) {
            return "0"; // also -0.0
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
