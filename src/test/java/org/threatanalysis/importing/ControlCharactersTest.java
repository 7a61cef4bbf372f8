package org.threatanalysis.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.reading.FixtureWorkbooks;
import org.threatanalysis.support.HostileFiles;

/**
 * Control characters that a workbook cannot hold (Excel stores them as {@code _x0007_}) are read,
 * the row is imported, and the change the writer will make is reported.
 */
class ControlCharactersTest {

    @TempDir
    Path dir;

    @Test
    void shouldImportTheRowAndReportControlCharacters() throws Exception {
        Path plain = FixtureWorkbooks.workbook()
                .sheet("Indicators").row(FixtureWorkbooks.INDICATOR_HEADER)
                .row(2019, "Migrant smuggling", "cases", null, 3, null, "PLACEHOLDER")
                .saveAs(dir.resolve("plain.xlsx"));
        // as Excel stores them (POI's writer would turn them into '?')
        Path file = dir.resolve("ME_2019.xlsx");
        HostileFiles.rewrite(plain, file, Map.of("xl/sharedStrings.xml", old -> new String(old, StandardCharsets.UTF_8)
                .replace("PLACEHOLDER", "bell_x0007_ and_x0001_ start").getBytes(StandardCharsets.UTF_8)));

        List<ImportItem> items = ImportFixtures.readAll(file);
        ImportItem.RawRow row = ImportFixtures.rawRow(items, "Indicators", 2);
        ImportResult result = ImportFixtures.normaliser().normalise(row, ImportFixtures.cover(2017, 2021));

        assertThat(row.text("notes")).isEqualTo("bell\u0007 and\u0001 start");
        assertThat(result.staged()).isNotNull();
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.rowRejected()).isFalse();
            assertThat(issue.cell()).isEqualTo("G2");
            assertThat(issue.reason()).contains("U+0007, U+0001").contains("written as '?'");
        });
    }
}
