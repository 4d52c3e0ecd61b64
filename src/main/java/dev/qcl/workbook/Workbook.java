package dev.qcl.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * An Excel workbook opened for reading its sheets' rows. POI's package reader opens the zip file with its
 * limits: a part that expands more than 100-fold (past a first 100 KiB) or past 512 MiB is refused as a zip
 * bomb while it is read. Only parts inside the file are read: external links, external relationships and
 * entities never are.
 */
public final class Workbook implements AutoCloseable {
    /** A part may expand at most 100-fold: compressed size / expanded size of at least 1 %. */
    static final double MIN_INFLATE_RATIO = 0.01;

    static final long MAX_PART_BYTES = 512L * 1024 * 1024;

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String SHARED_STRINGS = RELATIONSHIPS + "/sharedStrings";
    private static final String STYLES = RELATIONSHIPS + "/styles";

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    private final Path file;
    private final OPCPackage pkg;
    private final PackagePart workbookPart;
    private final Map<String, String> sheets; // name -> relationship ID, in the workbook's order
    private final boolean date1904;
    private SharedStrings strings;
    private CellFormats formats;

    private Workbook(
            Path file, OPCPackage pkg, PackagePart workbookPart, Map<String, String> sheets, boolean date1904) {
        this.file = file;
        this.pkg = pkg;
        this.workbookPart = workbookPart;
        this.sheets = sheets;
        this.date1904 = date1904;
    }

    /**
     * Opens {@code file}, which {@link Workbooks#isWorkbook} took for a workbook.
     *
     * @throws WorkbookException when it cannot be read as one
     */
    public static Workbook open(Path file) {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw PartXml.failure("[Content_Types].xml", e);
        }
        try {
            PackagePart workbookPart = workbookPart(pkg);
            String name = workbookPart.getPartName().getName();
            Map<String, String> sheets = new LinkedHashMap<>();
            boolean[] date1904 = {false};
            try (PartXml xml = PartXml.open(name, workbookPart.getInputStream())) {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    if (xml.localName().equals("workbookPr")) {
                        String value = xml.attribute("date1904");
                        date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                    } else if (xml.localName().equals("sheet") && xml.attribute("name") != null) {
                        sheets.putIfAbsent(xml.attribute("name"), xml.attribute(RELATIONSHIPS, "id"));
                    }
                }
            }
            if (sheets.isEmpty()) {
                throw WorkbookException.noSheets();
            }
            return new Workbook(file, pkg, workbookPart, sheets, date1904[0]);
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            pkg.revert();
            throw PartXml.failure("the workbook", e);
        }
    }

    private static PackagePart workbookPart(OPCPackage pkg) throws InvalidFormatException {
        PackageRelationship core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT)
                .getRelationship(0);
        if (core == null) {
            boolean strict = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT)
                            .getRelationship(0)
                    != null;
            throw WorkbookException.unreadable(strict ? "it is saved as Strict Open XML" : "it holds no workbook");
        }
        PackagePart part = pkg.getPart(core);
        if (part == null) {
            throw WorkbookException.unreadable("its workbook part is missing");
        }
        if (part.getContentType().contains("binary")) {
            throw WorkbookException.binary();
        }
        return part;
    }

    /** The names of the sheets, in the workbook's order. */
    public List<String> sheetNames() {
        return new ArrayList<>(sheets.keySet());
    }

    /**
     * The sheet named {@code sheet}, or the first sheet when it is null.
     *
     * @throws WorkbookException when there is no such sheet (the message lists them)
     */
    public String sheetName(String sheet) {
        if (sheet == null) {
            return sheets.keySet().iterator().next();
        }
        if (!sheets.containsKey(sheet)) {
            throw WorkbookException.unknownSheet(sheet, sheetNames());
        }
        return sheet;
    }

    /** Opens the rows of {@code sheet} (null: the first sheet); close them before the workbook. */
    public SheetRows rows(String sheet) {
        String name = sheetName(sheet);
        String where = "of sheet '" + name + "'";
        try {
            PackagePart part = related(workbookPart.getRelationship(sheets.get(name)));
            if (part == null) {
                throw WorkbookException.unreadable("the part " + where + " is missing");
            }
            where = part.getPartName().getName() + " (sheet '" + name + "')";
            if (strings == null) {
                strings =
                        KnownStrings.of(file, () -> readPart(SHARED_STRINGS, SharedStrings::read, SharedStrings.NONE));
                formats = readPart(STYLES, CellFormats::read, CellFormats.NONE);
            }
            Merges merges = Merges.NONE;
            if (MergeScan.mayHaveMerges(part)) {
                try (InputStream in = part.getInputStream()) {
                    merges = Merges.read(where, in);
                }
            }
            PartXml xml = PartXml.open(where, part.getInputStream());
            return new SheetRows(xml, strings, formats, date1904, merges);
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            throw PartXml.failure(where, e);
        }
    }

    private <T> T readPart(String relationship, PartReader<T> reader, T none) {
        try {
            PackageRelationshipCollection relationships = workbookPart.getRelationshipsByType(relationship);
            PackagePart part = relationships.size() == 0 ? null : related(relationships.getRelationship(0));
            if (part == null) {
                return none;
            }
            return reader.read(part.getPartName().getName(), part.getInputStream());
        } catch (IOException | InvalidFormatException e) {
            throw PartXml.failure(relationship.substring(relationship.lastIndexOf('/') + 1), e);
        }
    }

    /** The part a relationship points to inside the file; null for an external one or a missing part. */
    private PackagePart related(PackageRelationship relationship) throws InvalidFormatException {
        if (relationship == null || relationship.getTargetMode() == TargetMode.EXTERNAL) {
            return null;
        }
        return pkg.getPart(PackagingURIHelper.createPartName(relationship.getTargetURI()));
    }

    @FunctionalInterface
    private interface PartReader<T> {
        T read(String part, InputStream in);
    }

    @Override
    public void close() {
        // opened read-only: revert() closes the file without the warning close() logs for a read-only package
        pkg.revert();
    }
}
