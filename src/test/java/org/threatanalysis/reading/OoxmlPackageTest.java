package org.threatanalysis.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.support.HostileFiles;

/**
 * The reader's own view of an Office Open XML package: parts found as other writers name them,
 * and the zip checks of the reading budget applied to every part it reads.
 */
class OoxmlPackageTest {

    @TempDir
    Path folder;

    @Test
    void shouldReadAWorkbookWhosePartsAreNamedAsOtherWritersNameThem() throws Exception {
        Path plain = HostileFiles.goodWorkbook().saveAs(folder.resolve("plain.xlsx"));
        Path renamed = folder.resolve("renamed.xlsx");
        // a sheet part with a space in its name, reached by a relative, percent-encoded target with
        // a detour; the styles and the cover sheet stored under other letter cases than named
        copy(plain, renamed, Map.of(
                "xl/worksheets/sheet2.xml", "xl/worksheets/Indicator sheet.xml",
                "xl/styles.xml", "xl/Styles.XML",
                "xl/worksheets/sheet1.xml", "XL/worksheets/SHEET1.xml"), Map.of(
                "xl/_rels/workbook.xml.rels", rels -> rels.replaceAll("Target=\"[^\"]*sheet2\\.xml\"",
                        "Target=\"./charts/../worksheets/Indicator%20sheet.xml\"")));

        for (String sheet : List.of("Submission", "Indicators")) {
            assertThat(FixtureWorkbooks.readSheet(renamed, sheet)).as(sheet)
                    .isEqualTo(FixtureWorkbooks.readSheet(plain, sheet))
                    .isNotEmpty();
        }
        CellValue submissionDate = FixtureWorkbooks.row(FixtureWorkbooks.readSheet(renamed, "Submission"), 3).cell(1);
        assertThat(submissionDate.isDate()).as("the styles were found: a date cell reads as a date").isTrue();
        assertThat(submissionDate.date().toLocalDate()).isEqualTo(LocalDate.of(2022, 3, 14));
    }

    @Test
    void shouldResolveATargetAgainstItsSourcePartsFolder() {
        assertThat(OoxmlPackage.resolve("/xl/", "worksheets/sheet1.xml")).isEqualTo("/xl/worksheets/sheet1.xml");
        assertThat(OoxmlPackage.resolve("/xl/", "/xl/worksheets/sheet1.xml")).isEqualTo("/xl/worksheets/sheet1.xml");
        assertThat(OoxmlPackage.resolve("/xl/", "../customXml/item1.xml")).isEqualTo("/customXml/item1.xml");
        assertThat(OoxmlPackage.resolve("/", "xl/workbook.xml")).isEqualTo("/xl/workbook.xml");
        assertThat(OoxmlPackage.resolve("/xl/", "worksheets/Sheet%20%C3%A9.xml")).isEqualTo("/xl/worksheets/Sheet é.xml");
        assertThat(OoxmlPackage.resolve("/xl/", "worksheets\\sheet1.xml")).isEqualTo("/xl/worksheets/sheet1.xml");
        assertThat(OoxmlPackage.resolve("/xl/", "worksheets/50%.xml")).as("a malformed escape is kept").isEqualTo("/xl/worksheets/50%.xml");
    }

    @Test
    void shouldTellAPartsContentTypeByItsOwnEntryThenByItsExtension() throws Exception {
        Path file = folder.resolve("types.xlsx");
        HostileFiles.zip(file, Map.of(
                "[Content_Types].xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                        <Default Extension="XML" ContentType="application/xml"/>
                        <Override PartName="/xl/Workbook.xml" ContentType="workbook"/>
                        <Override PartName="/xl/styles.xml" ContentType="styles"/>
                        <Override PartName="/xl/styles2.xml" ContentType="styles"/>
                        </Types>""",
                "xl/workbook.xml", "<workbook/>",
                "xl/styles2.xml", "<styleSheet/>"));
        try (OoxmlPackage pkg = OoxmlPackage.open(file, ReadingBudget.defaults())) {
            assertThat(pkg.contentType("/xl/workbook.xml")).isEqualTo("workbook");
            assertThat(pkg.contentType("/xl/other.xml")).isEqualTo("application/xml");
            assertThat(pkg.contentType("/xl/media/image")).isNull();
            assertThat(pkg.firstPartOfType("styles")).as("the first listed part that is in the zip").isEqualTo("/xl/styles2.xml");
            assertThat(pkg.packageRelationships()).isEmpty();
        }
    }

    @Test
    void shouldKeepNoMoreContentTypesThanThePackageCanHaveParts() throws Exception {
        StringBuilder types = new StringBuilder(
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        for (int i = 0; i < 50; i++) {
            types.append("<Override PartName=\"/junk/part").append(i).append(".xml\" ContentType=\"junk\"/>");
        }
        types.append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"workbook\"/></Types>");
        Path file = folder.resolve("many-types.xlsx");
        HostileFiles.zip(file, Map.of("[Content_Types].xml", types.toString(), "xl/workbook.xml", "<workbook/>"));
        ReadingBudget tenEntries = new ReadingBudget(0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 10);

        try (OoxmlPackage pkg = OoxmlPackage.open(file, tenEntries)) {
            assertThat(pkg.contentType("/junk/part18.xml")).isEqualTo("junk");
            assertThat(pkg.contentType("/junk/part19.xml")).as("past twice the entries allowed").isEqualTo("application/xml");
            assertThat(pkg.contentType("/xl/workbook.xml")).isEqualTo("application/xml");
        }
        try (OoxmlPackage pkg = OoxmlPackage.open(file, ReadingBudget.defaults())) {
            assertThat(pkg.contentType("/xl/workbook.xml")).isEqualTo("workbook");
        }
    }

    @Test
    void shouldStopAPartThatUnpacksToAnImplausibleSize() throws Exception {
        Path file = folder.resolve("bomb.xlsx");
        HostileFiles.zip(file, Map.of(
                "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
                "xl/worksheets/sheet1.xml", "<worksheet>" + " ".repeat(5_000_000) + "</worksheet>",
                "xl/small.xml", "<small>" + " ".repeat(50_000) + "</small>"));

        try (OoxmlPackage pkg = OoxmlPackage.open(file, ReadingBudget.defaults());
                InputStream in = pkg.open("/xl/worksheets/sheet1.xml")) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("Zip bomb");
        }
        try (OoxmlPackage pkg = OoxmlPackage.open(file, ReadingBudget.defaults());
                InputStream in = pkg.open("/xl/small.xml")) {
            assertThat(in.readAllBytes()).as("below 100 KB the ratio is not judged").hasSize(50_015);
        }
        ReadingBudget smallEntries = new ReadingBudget(0, 0, 0, 0, 0, 0, 0, 0, null, 0.000_001, 40_000, 0);
        try (OoxmlPackage pkg = OoxmlPackage.open(file, smallEntries); InputStream in = pkg.open("/xl/small.xml")) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageContaining("Zip bomb").hasMessageContaining("40000 bytes");
        }
        assertThat(WorkbookOpener.reasonFor(new IOException("Zip bomb detected! The entry x unpacks to ...")))
                .contains("zip bomb");
    }

    @Test
    void shouldRefuseAZipWithoutContentTypesAndOneWithTooManyEntries() throws Exception {
        Path archive = folder.resolve("archive.xlsx");
        HostileFiles.zip(archive, Map.of("notes.txt", "minutes of the meeting"));
        assertThatThrownBy(() -> OoxmlPackage.open(archive, ReadingBudget.defaults()))
                .isInstanceOf(OoxmlPackage.NotAPackageException.class);

        Path crowded = folder.resolve("crowded.xlsx");
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<Types/>");
        for (int i = 0; i < 20; i++) {
            entries.put("xl/media/padding" + i + ".bin", "x");
        }
        HostileFiles.zip(crowded, entries);
        ReadingBudget fewEntries = new ReadingBudget(0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 10);
        assertThatThrownBy(() -> OoxmlPackage.open(crowded, fewEntries))
                .satisfies(e -> assertThat(WorkbookOpener.reasonFor(e)).contains("far more internal parts"));
    }

    /** Copies a zip, renaming entries and changing the text of others. */
    private static void copy(Path source, Path target, Map<String, String> renames,
            Map<String, UnaryOperator<String>> edits) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsKeys(renames.keySet().toArray(String[]::new))
                .containsKeys(edits.keySet().toArray(String[]::new));
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                byte[] content = entry.getValue();
                if (edits.containsKey(entry.getKey())) {
                    String edited = edits.get(entry.getKey()).apply(new String(content, StandardCharsets.UTF_8));
                    assertThat(edited).as("edited " + entry.getKey()).isNotEqualTo(new String(content, StandardCharsets.UTF_8));
                    content = edited.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(renames.getOrDefault(entry.getKey(), entry.getKey())));
                out.write(content);
                out.closeEntry();
            }
        }
    }
}
