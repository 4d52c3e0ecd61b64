package dev.qcl.workbook;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;

/**
 * The shared strings of a workbook (the text of its cells, each distinct text once), held in memory while
 * a sheet is read: the one part of a workbook that grows with its rows. Phonetic runs are left out, as
 * Excel shows none of them in the cell.
 */
final class SharedStrings {
    static final SharedStrings NONE = new SharedStrings(List.of());

    private final List<String> strings;

    private SharedStrings(List<String> strings) {
        this.strings = strings;
    }

    static SharedStrings read(String part, InputStream in) {
        List<String> strings = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try (PartXml xml = PartXml.open(part, in)) {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.localName()) {
                        case "si" -> text.setLength(0);
                        case "t" -> text.append(xml.elementText());
                        case "rPh" -> xml.skipElement();
                        default -> {
                            // r (a run of rich text) holds a t; rPr, phoneticPr hold no text
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && xml.localName().equals("si")) {
                    strings.add(Escapes.decoded(text.toString()));
                }
            }
        }
        return new SharedStrings(strings);
    }

    /** The text at {@code index}, or null when there is none (a damaged workbook). */
    String get(int index) {
        return index >= 0 && index < strings.size() ? strings.get(index) : null;
    }
}
