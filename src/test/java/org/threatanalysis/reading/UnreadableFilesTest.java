package org.threatanalysis.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that is not a readable workbook is rejected with a reason in plain words that a
 * member state's clerk can act on.
 */
class UnreadableFilesTest {

    @TempDir
    Path dir;

    @Test
    void shouldRejectAnEmptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("RO_2021.xlsx"));

        assertThat(messageOf(file)).containsIgnoringCase("empty").contains("0 bytes");
    }

    @Test
    void shouldRejectCsvTextSavedWithAnXlsxName() throws IOException {
        Path file = Files.writeString(dir.resolve("RO_2021.xlsx"),
                "Year;Crime area;Indicator;Value\n2019;Migrant smuggling;cases;12\n", StandardCharsets.UTF_8);

        String message = messageOf(file);

        assertThat(message).contains("not an Excel workbook");
        assertThat(message).doesNotContain("Exception");
    }

    @Test
    void shouldRejectATruncatedXlsxAsDamaged() throws IOException {
        Path whole = FixtureWorkbooks.workbook()
                .sheet("Submission").row("Member state", "Romania").row("Reporting period", "2017-2021")
                .sheet("Indicators").row(FixtureWorkbooks.INDICATOR_HEADER)
                .row(2019, "Migrant smuggling", "cases", null, 12)
                .saveAs(dir.resolve("whole.xlsx"));
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("RO_2021.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(messageOf(file)).containsIgnoringCase("damaged");
    }

    @Test
    void shouldRejectAWebPageSavedWithAnXlsName() throws IOException {
        Path file = Files.writeString(dir.resolve("RO_2021.xls"), """
                <html><head><title>Report</title></head>
                <body><table><tr><td>Year</td><td>Value</td></tr><tr><td>2019</td><td>12</td></tr></table></body>
                </html>
                """, StandardCharsets.UTF_8);

        String message = messageOf(file);

        assertThat(message).contains("not an Excel workbook").containsIgnoringCase("HTML");
        assertThat(message).doesNotContain("Exception");
    }

    @Test
    void shouldRejectAPdfDocument() throws IOException {
        Path file = Files.writeString(dir.resolve("RO_2021.xlsx"),
                "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", StandardCharsets.ISO_8859_1);

        String message = messageOf(file);

        assertThat(message).contains("PDF").contains("not an Excel workbook");
        assertThat(message).doesNotContain("Exception");
    }

    @Test
    void shouldRejectAPasswordProtectedWorkbook() throws Exception {
        Path plain = FixtureWorkbooks.workbook().sheet("Submission").row("Member state", "Romania")
                .saveAs(dir.resolve("plain.xlsx"));
        Path file = dir.resolve("RO_2021.xlsx");
        try (POIFSFileSystem fileSystem = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fileSystem)) {
                Files.copy(plain, out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fileSystem.writeFilesystem(out);
            }
        }

        assertThat(messageOf(file)).contains("password").containsIgnoringCase("encrypted");
    }

    @Test
    void shouldRejectAnOpenDocumentSpreadsheetSavedWithAnXlsxName() throws IOException {
        Path file = zip(dir.resolve("RO_2021.xlsx"), Map.of(
                "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                "settings.xml", "<office:document-settings xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>",
                "content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"));

        assertThat(messageOf(file)).contains("OpenDocument").contains("not an Excel workbook");
    }

    @Test
    void shouldRejectAZipArchiveThatIsNoWorkbook() throws IOException {
        Path file = zip(dir.resolve("RO_2021.xlsx"), Map.of("indicators.csv", "Year;Value\n2019;12\n"));

        assertThat(messageOf(file)).contains("ZIP").contains("not an Excel workbook");
    }

    @Test
    void shouldRejectAWordDocumentSavedWithAnXlsName() throws IOException {
        Path file = dir.resolve("RO_2021.xls");
        try (POIFSFileSystem fileSystem = new POIFSFileSystem()) {
            fileSystem.createDocument(new ByteArrayInputStream(new byte[512]), "WordDocument");
            try (OutputStream out = Files.newOutputStream(file)) {
                fileSystem.writeFilesystem(out);
            }
        }

        assertThat(messageOf(file)).contains("not an Excel workbook").contains("Word");
    }

    private static Path zip(Path file, Map<String, String> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> entry : new TreeMap<>(entries).descendingMap().entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void shouldNotRejectAWorkbookForItsName() {
        Path file = FixtureWorkbooks.workbook().sheet("Submission").row("Member state", "Romania")
                .saveAs(dir.resolve("legacy.xls"));
        Path renamed = dir.resolve("RO_2021.xlsx");

        assertThatCode(() -> {
            Files.move(file, renamed);
            try (SubmissionWorkbook workbook = SubmissionWorkbook.open(renamed)) {
                assertThat(workbook.sheetNames()).containsExactly("Submission");
            }
        }).doesNotThrowAnyException();
    }

    private static String messageOf(Path file) {
        UnreadableWorkbookException e = catchThrowableOfType(UnreadableWorkbookException.class,
                () -> SubmissionWorkbook.open(file).close());
        assertThat(e).as("opening %s should fail", file.getFileName()).isNotNull();
        assertThat(e.getMessage()).isNotBlank();
        return e.getMessage();
    }
}
