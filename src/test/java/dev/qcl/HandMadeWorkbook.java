package dev.qcl;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A workbook zipped by hand from XML text (java.util.zip), for what a workbook writer never produces: a
 * formula without a computed value, a DOCTYPE with entities, a part that expands a thousandfold.
 */
public final class HandMadeWorkbook {
    public static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final Map<String, byte[]> parts = new LinkedHashMap<>();
    private String sheetXml = sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>qName</t></is></c></row>");
    private String workbookXml = "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><sheets>"
            + "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    private String sharedStrings;

    private HandMadeWorkbook() {}

    public static HandMadeWorkbook create() {
        return new HandMadeWorkbook();
    }

    /** A worksheet part around {@code rows} (the XML of the {@code row} elements). */
    public static String sheet(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
                + "\"><sheetData>" + rows + "</sheetData></worksheet>";
    }

    /** An inline-text cell. */
    public static String text(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    /** The first sheet's XML, whole. */
    public HandMadeWorkbook sheetXml(String xml) {
        this.sheetXml = xml;
        return this;
    }

    public HandMadeWorkbook workbookXml(String xml) {
        this.workbookXml = xml;
        return this;
    }

    public HandMadeWorkbook sharedStrings(String xml) {
        this.sharedStrings = xml;
        return this;
    }

    /** Any other part, such as a large one. */
    public HandMadeWorkbook part(String name, byte[] content) {
        parts.put(name, content);
        return this;
    }

    public Path write(Path file) {
        String contentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\""
                + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\""
                + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + (sharedStrings == null
                        ? ""
                        : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
                                + "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                + "</Types>";
        String rootRels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>";
        String workbookRels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (sharedStrings == null
                        ? ""
                        : "<Relationship Id=\"rId2\" Type=\"" + REL + "/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                + "</Relationships>";
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", contentTypes.getBytes(StandardCharsets.UTF_8));
            entry(zip, "_rels/.rels", rootRels.getBytes(StandardCharsets.UTF_8));
            entry(zip, "xl/workbook.xml", workbookXml.getBytes(StandardCharsets.UTF_8));
            entry(zip, "xl/_rels/workbook.xml.rels", workbookRels.getBytes(StandardCharsets.UTF_8));
            entry(zip, "xl/worksheets/sheet1.xml", sheetXml.getBytes(StandardCharsets.UTF_8));
            if (sharedStrings != null) {
                entry(zip, "xl/sharedStrings.xml", sharedStrings.getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                entry(zip, part.getKey(), part.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
