package dev.qcl.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Tells a workbook from a text file by its first bytes, not only by its name: an .xlsx is a zip file;
 * an .xls (and an encrypted .xlsx) an OLE2 container; an .ods a zip file of another kind.
 */
public final class Workbooks {
    /** The entry of an OLE2 container that holds an encrypted OOXML package (an .xlsx with a password). */
    private static final String ENCRYPTED_PACKAGE = "EncryptedPackage";

    private static final int MIMETYPE_BYTES = 100;

    private Workbooks() {}

    /**
     * Whether {@code file} is an Excel workbook (.xlsx, .xlsm) to read as one; false for a text file.
     *
     * @throws WorkbookException for a spreadsheet qcl does not read: .xls, .ods, .xlsb, encrypted, or a
     *     file named like a workbook that is none
     */
    public static boolean isWorkbook(Path file) {
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(file.toFile());
        } catch (IOException | RuntimeException e) {
            return false; // reading it as text reports why it cannot be read
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (magic == FileMagic.OLE2) {
            throw encryptedOrXls(file);
        }
        if (magic == FileMagic.OOXML) {
            return zipOfWorkbook(file);
        }
        if (name.endsWith(".xls")) {
            throw WorkbookException.xls();
        }
        if (name.endsWith(".ods")) {
            throw WorkbookException.ods();
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xlsb")) {
            throw WorkbookException.notAWorkbook("not a zip file (an .xlsx is one)");
        }
        return false;
    }

    /** Whether {@code name} is that of a workbook qcl writes (.xlsx), for {@code export --output}. */
    public static boolean isWorkbookName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xlsm");
    }

    private static WorkbookException encryptedOrXls(Path file) {
        try (POIFSFileSystem container = new POIFSFileSystem(file.toFile(), true)) {
            return container.getRoot().hasEntryCaseInsensitive(ENCRYPTED_PACKAGE)
                    ? WorkbookException.encrypted()
                    : WorkbookException.xls();
        } catch (IOException | RuntimeException e) {
            return WorkbookException.xls();
        }
    }

    /** A zip file: an OOXML package, or an OpenDocument file (its first entry names its media type). */
    private static boolean zipOfWorkbook(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String type = new String(in.readNBytes(MIMETYPE_BYTES), StandardCharsets.US_ASCII);
                    if (type.startsWith("application/vnd.oasis.opendocument")) {
                        throw WorkbookException.ods();
                    }
                }
            }
            if (zip.getEntry("[Content_Types].xml") == null) {
                throw WorkbookException.notAWorkbook("a zip file without a workbook in it");
            }
            return true;
        } catch (IOException e) {
            throw WorkbookException.damagedZip(e.getMessage());
        }
    }
}
