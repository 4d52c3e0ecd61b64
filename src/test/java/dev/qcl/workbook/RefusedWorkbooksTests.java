package dev.qcl.workbook;

import static dev.qcl.HandMadeWorkbook.sheet;
import static dev.qcl.HandMadeWorkbook.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.HandMadeWorkbook;
import dev.qcl.TestWorkbook;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spreadsheets qcl does not read, refused with one line that names the fix (contract section 11). */
class RefusedWorkbooksTests {
    @TempDir
    Path dir;

    @Nested
    class OtherFormats {
        @Test
        void should_refuse_an_xls_workbook_by_its_content_whatever_its_name() throws IOException {
            Path file = dir.resolve("renamed.xlsx");
            try (HSSFWorkbook xls = new HSSFWorkbook();
                    OutputStream out = Files.newOutputStream(file)) {
                xls.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("qName");
                xls.write(out);
            }

            assertThatThrownBy(() -> Workbooks.isWorkbook(file))
                    .isInstanceOf(WorkbookException.class)
                    .hasMessageContaining("Excel 97-2003 workbook (.xls)")
                    .hasMessageContaining("save it as .xlsx");
        }

        @Test
        void should_refuse_an_encrypted_workbook() throws IOException {
            // an encrypted .xlsx is an OLE2 container holding the package as EncryptedPackage
            Path file = dir.resolve("secret.xlsx");
            try (POIFSFileSystem container = new POIFSFileSystem();
                    OutputStream out = Files.newOutputStream(file)) {
                container.createDocument(new ByteArrayInputStream(new byte[64]), "EncryptionInfo");
                container.createDocument(new ByteArrayInputStream(new byte[4096]), "EncryptedPackage");
                container.writeFilesystem(out);
            }

            assertThatThrownBy(() -> Workbooks.isWorkbook(file))
                    .isInstanceOf(WorkbookException.class)
                    .hasMessageStartingWith("the workbook is encrypted");
        }

        @Test
        void should_refuse_an_opendocument_spreadsheet_by_its_content() throws IOException {
            Path file = dir.resolve("sheet.xlsx");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                zip.putNextEntry(new ZipEntry("mimetype"));
                zip.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
                zip.putNextEntry(new ZipEntry("content.xml"));
                zip.write("<office:document-content/>".getBytes(StandardCharsets.US_ASCII));
            }

            assertThatThrownBy(() -> Workbooks.isWorkbook(file))
                    .isInstanceOf(WorkbookException.class)
                    .hasMessageContaining("OpenDocument spreadsheet (.ods)")
                    .hasMessageContaining("save it as .xlsx");
        }

        @Test
        void should_refuse_xls_and_ods_names_that_hold_text_and_an_xlsx_name_that_is_no_zip() throws IOException {
            Path xls = Files.writeString(dir.resolve("old.xls"), "qName,dataSourceId\n");
            Path ods = Files.writeString(dir.resolve("calc.ods"), "qName,dataSourceId\n");
            Path xlsx = Files.writeString(dir.resolve("text.xlsx"), "qName,dataSourceId\n");

            assertThatThrownBy(() -> Workbooks.isWorkbook(xls)).hasMessageContaining("save it as .xlsx");
            assertThatThrownBy(() -> Workbooks.isWorkbook(ods)).hasMessageContaining("(.ods)");
            assertThatThrownBy(() -> Workbooks.isWorkbook(xlsx)).hasMessageContaining("not a zip file");
        }

        @Test
        void should_take_a_csv_for_text_and_an_xlsx_for_a_workbook_whatever_their_names() {
            Path csv = dev.qcl.Sheets.with(java.util.List.of("qName", "dataSourceId"))
                    .row("a", "b")
                    .write(dir.resolve("sheet.csv"));
            Path workbook = TestWorkbook.sheet("s").row("qName").write(dir.resolve("book.csv"));

            assertThat(Workbooks.isWorkbook(csv)).isFalse();
            assertThat(Workbooks.isWorkbook(workbook)).isTrue();
        }
    }

    @Nested
    class HostileXml {
        @Test
        void should_refuse_a_doctype_and_never_read_the_file_its_entity_names() throws IOException {
            Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t-from-outside");
            Path file = HandMadeWorkbook.create()
                    .sheetXml("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \""
                            + secret.toUri() + "\">]><worksheet xmlns=\"" + HandMadeWorkbook.MAIN
                            + "\"><sheetData><row r=\"1\">" + text("A1", "&xxe;") + "</row></sheetData></worksheet>")
                    .write(dir.resolve("xxe.xlsx"));

            assertThatThrownBy(() -> SheetRowsTests.rows(file, null))
                    .isInstanceOf(WorkbookException.class)
                    .hasMessageContaining("/xl/worksheets/sheet1.xml")
                    .hasMessageContaining("DOCTYPE")
                    .message()
                    .doesNotContain("s3cr3t");
        }

        @Test
        void should_refuse_a_doctype_in_the_parts_that_poi_reads() {
            Path file = HandMadeWorkbook.create()
                    .workbookXml("<?xml version=\"1.0\"?><!DOCTYPE workbook [<!ENTITY a \"aaaa\">]><workbook xmlns=\""
                            + HandMadeWorkbook.MAIN + "\"><sheets/></workbook>")
                    .write(dir.resolve("doctype.xlsx"));

            assertThatThrownBy(() -> Workbook.open(file))
                    .isInstanceOf(WorkbookException.class)
                    .hasMessageContaining("DOCTYPE");
        }

        @Test
        void should_refuse_a_part_that_expands_more_than_a_hundredfold() {
            // 20 MB of spaces between two rows zip to about 20 KB: a thousandfold
            String rows = "<row r=\"1\">" + text("A1", "qName") + "</row>" + " ".repeat(20_000_000) + "<row r=\"2\">"
                    + text("A2", "a") + "</row>";
            Path file = HandMadeWorkbook.create().sheetXml(sheet(rows)).write(dir.resolve("bomb.xlsx"));

            assertThatThrownBy(() -> SheetRowsTests.rows(file, null))
                    .isInstanceOf(WorkbookException.class)
                    .hasMessageContaining("/xl/worksheets/sheet1.xml")
                    .hasMessageContaining("expands more than 100-fold");
        }

        @Test
        void should_read_a_part_that_expands_less_than_a_hundredfold() {
            StringBuilder rows = new StringBuilder();
            for (int r = 1; r <= 5_000; r++) {
                rows.append("<row r=\"").append(r).append("\">").append(text("A" + r, "conn-" + r * 7919));
                rows.append("</row>");
            }
            Path file =
                    HandMadeWorkbook.create().sheetXml(sheet(rows.toString())).write(dir.resolve("fine.xlsx"));

            assertThat(SheetRowsTests.rows(file, null)).hasSize(5_000);
        }
    }
}
