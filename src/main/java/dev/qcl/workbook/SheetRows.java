package dev.qcl.workbook;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;

/**
 * The rows of one sheet, read one at a time from its XML (never the whole sheet): each cell's value as
 * the user reads it in Excel ({@link CellText}), text from the shared strings or the cell itself,
 * formulas by their computed (cached) value, merged areas filled ({@link Merges}). Rows the sheet does
 * not hold (blank ones) are not returned; the row numbers say where they were.
 */
public final class SheetRows implements AutoCloseable {
    /** Excel's last column (XFD) and last row. */
    static final int MAX_COLUMNS = 16_384;

    static final int MAX_ROWS = 1_048_576;

    static final String ERROR = "holds the error ";
    static final String NO_VALUE = "is a formula without a computed value (the workbook was saved without"
            + " calculating it); open it in Excel, let it calculate, and save it";

    private final PartXml xml;
    private final SharedStrings strings;
    private final CellFormats formats;
    private final boolean date1904;
    private final Merges merges;
    private String[] cells = new String[16];
    private int lastRow;
    private boolean done;

    SheetRows(PartXml xml, SharedStrings strings, CellFormats formats, boolean date1904, Merges merges) {
        this.xml = xml;
        this.strings = strings;
        this.formats = formats;
        this.date1904 = date1904;
        this.merges = merges;
    }

    /** The next row the sheet holds, or null after the last. */
    public SheetRow next() {
        while (!done && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.localName().equals("row")) {
                return row();
            }
            if (event == XMLStreamConstants.END_ELEMENT && xml.localName().equals("sheetData")) {
                done = true;
            }
        }
        done = true;
        return null;
    }

    private SheetRow row() {
        int number = rowNumber(xml.attribute("r"));
        Arrays.fill(cells, null);
        Map<Integer, String> problems = new HashMap<>();
        int width = 0;
        int column = -1;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.localName().equals("c")) {
                    column = column(xml.attribute("r"), column, number);
                    if (column >= cells.length) {
                        cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
                    }
                    cells[column] = cell(column, number, problems);
                    width = Math.max(width, column + 1);
                } else {
                    xml.skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break; // the row's end
            }
        }
        cells = merges.apply(number, cells, problems);
        for (int i = cells.length - 1; i >= width; i--) {
            if (cells[i] != null) {
                width = i + 1; // a merged area reaches past the row's last cell
                break;
            }
        }
        return SheetRow.of(number, cells, width, problems);
    }

    /** Reads the cell whose start the reader is at, to its end: its text, or "" and a problem. */
    private String cell(int column, int row, Map<Integer, String> problems) {
        String type = xml.attribute("t");
        int style = style(xml.attribute("s"));
        String value = null;
        String inline = null;
        boolean formula = false;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.localName()) {
                    case "v" -> value = xml.elementText();
                    case "f" -> {
                        formula = true;
                        xml.skipElement();
                    }
                    case "is" -> inline = inlineText();
                    default -> xml.skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break; // the cell's end
            }
        }
        if (type != null && type.equals("inlineStr")) {
            return inline != null ? Escapes.decoded(inline) : value == null ? "" : value;
        }
        if (value == null) {
            if (formula) {
                problems.put(column, NO_VALUE);
            }
            return "";
        }
        return switch (type == null ? "n" : type) {
            case "s" -> sharedString(value, column, row);
            case "str" -> Escapes.decoded(value);
            case "b" -> value.trim().equals("1") || value.trim().equalsIgnoreCase("true") ? "true" : "false";
            case "e" -> {
                problems.put(column, ERROR + value.trim());
                yield value.trim();
            }
            case "d" -> value.trim();
            default -> {
                String number = CellText.number(value, formats.kind(style), date1904);
                yield number == null ? value : number;
            }
        };
    }

    private String inlineText() {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.localName()) {
                    case "t" -> text.append(xml.elementText());
                    case "rPh" -> xml.skipElement();
                    default -> {
                        // r, a run of rich text, holds a t
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && xml.localName().equals("is")) {
                return text.toString();
            }
        }
    }

    private String sharedString(String value, int column, int row) {
        String text;
        try {
            text = strings.get(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            text = null;
        }
        if (text == null) {
            throw WorkbookException.unreadable(xml.part() + ": cell " + SheetRow.cellName(column, row)
                    + " refers to shared text " + value.trim() + ", which the workbook does not have");
        }
        return text;
    }

    private int rowNumber(String ref) {
        int number = ref == null ? lastRow + 1 : parse(ref);
        if (number <= lastRow || number > MAX_ROWS) {
            throw WorkbookException.unreadable(
                    xml.part() + ": row " + ref + " is out of order or past Excel's last row");
        }
        lastRow = number;
        return number;
    }

    /** The column of a cell reference such as {@code F7}; the one after {@code previous} when there is none. */
    private int column(String ref, int previous, int row) {
        if (ref == null) {
            return previous + 1;
        }
        int column = 0;
        int i = 0;
        for (; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            if (column > MAX_COLUMNS) {
                break;
            }
        }
        if (i == 0 || column > MAX_COLUMNS || column - 1 <= previous) {
            throw WorkbookException.unreadable(xml.part() + ": the cell '" + ref + "' of row " + row
                    + " is out of order or past Excel's last column");
        }
        return column - 1;
    }

    private static int style(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private int parse(String number) {
        try {
            return Integer.parseInt(number.trim());
        } catch (NumberFormatException e) {
            throw WorkbookException.unreadable(xml.part() + ": '" + number + "' is not a row number");
        }
    }

    @Override
    public void close() {
        xml.close();
    }
}
