package dev.qcl.workbook;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Which cell styles of a workbook show a number as a date, a time or both (the number format of the style,
 * from styles.xml, as Excel decides it: {@link DateUtil#isADateFormat}). Other styles show numbers as numbers.
 */
final class CellFormats {
    /** How a style shows a number. */
    enum Kind {
        NUMBER,
        DATE,
        DATE_TIME,
        TIME
    }

    static final CellFormats NONE = new CellFormats(List.of());

    private final List<Kind> kinds;

    private CellFormats(List<Kind> kinds) {
        this.kinds = kinds;
    }

    /** The kind of the cell style at {@code index} (the {@code s} of a cell); number when unknown. */
    Kind kind(int index) {
        return index >= 0 && index < kinds.size() ? kinds.get(index) : Kind.NUMBER;
    }

    static CellFormats read(String part, InputStream in) {
        Map<Integer, String> formats = new HashMap<>();
        List<Integer> styleFormats = new ArrayList<>();
        boolean inCellXfs = false;
        try (PartXml xml = PartXml.open(part, in)) {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.localName()) {
                        case "numFmt" -> {
                            Integer id = number(xml.attribute("numFmtId"));
                            if (id != null && xml.attribute("formatCode") != null) {
                                formats.put(id, xml.attribute("formatCode"));
                            }
                        }
                        case "cellXfs" -> inCellXfs = true;
                        case "xf" -> {
                            if (inCellXfs) {
                                Integer id = number(xml.attribute("numFmtId"));
                                styleFormats.add(id == null ? 0 : id);
                            }
                        }
                        default -> {
                            // fonts, fills, borders: nothing a value depends on
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && xml.localName().equals("cellXfs")) {
                    inCellXfs = false;
                }
            }
        }
        List<Kind> kinds = new ArrayList<>(styleFormats.size());
        for (int id : styleFormats) {
            String format = formats.containsKey(id) ? formats.get(id) : BuiltinFormats.getBuiltinFormat(id);
            kinds.add(kindOf(id, format));
        }
        return new CellFormats(kinds);
    }

    static Kind kindOf(int id, String format) {
        if (format == null || !DateUtil.isADateFormat(id, format)) {
            return Kind.NUMBER;
        }
        String tokens = withoutLiterals(format);
        boolean time = tokens.indexOf('h') >= 0 || tokens.indexOf('s') >= 0;
        // m is the month unless it stands with hours or seconds
        boolean date = tokens.indexOf('y') >= 0
                || tokens.indexOf('d') >= 0
                || tokens.indexOf('e') >= 0
                || (!time && tokens.indexOf('m') >= 0);
        if (date && time) {
            return Kind.DATE_TIME;
        }
        return time ? Kind.TIME : Kind.DATE;
    }

    /** The format's date and time letters: quoted text, escaped characters and [colours] or [h] left out. */
    private static String withoutLiterals(String format) {
        StringBuilder tokens = new StringBuilder();
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (quoted) {
                quoted = c != '"';
            } else if (bracket) {
                bracket = c != ']';
                // [h]:mm:ss is an elapsed time: the hours count as time
                if (bracket && (c == 'h' || c == 'H' || c == 's' || c == 'S')) {
                    tokens.append('h');
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[') {
                bracket = true;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++; // the next character is literal (or padding)
            } else {
                tokens.append(Character.toLowerCase(c));
            }
        }
        return tokens.toString().toLowerCase(Locale.ROOT);
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
