package org.threatanalysis.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threatanalysis.reading.FixtureWorkbooks.INDICATOR_HEADER;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.reading.FixtureWorkbooks;
import org.threatanalysis.staging.StagedRows;
import org.threatanalysis.submission.CoverSheet;

/**
 * Blank rows, rows of whitespace and total rows are passed over (accounted for as BLANK or
 * TOTAL), never staged as data and never reported as faults.
 */
class BlankAndTotalRowsTest {

    private static final CoverSheet COVER = ImportFixtures.cover(2017, 2021);

    @TempDir
    Path dir;

    private Map<Integer, ImportResult> resultsByRow;

    @BeforeEach
    void readSubmission() {
        Path file = FixtureWorkbooks.workbook()
                .sheet("Indicators")
                .row(INDICATOR_HEADER)                                                   // 1
                .row(2019, "Migrant smuggling", "cases", null, 12)                       // 2 data
                .emptyRow()                                                              // 3 blank
                .row("   ", "\t", null, null, " ")                                      // 4 whitespace
                .row(2020, "Migrant smuggling", "cases", null, 15)                       // 5 data
                .row(null, "Total", null, null, 27)                                      // 6
                .row(null, "Ukupno", null, null, 27)                                     // 7 Serbian/Croatian
                .row(null, "Укупно", null, null, 27)                                     // 8 Serbian Cyrillic
                .row(null, "Общо", null, null, 27)                                       // 9 Bulgarian
                .row("Total", null, null, null, 27)                                      // 10 in the Year column
                .row(null, "TOTAL GENERAL", null, null, 27)                              // 11
                .row(2021, "Trafficking in human beings", "victims", null, 3)            // 12 data
                .saveAs(dir.resolve("RS_2021.xlsx"));
        resultsByRow = resultsByRow(file);
    }

    private static Map<Integer, ImportResult> resultsByRow(Path file) {
        List<ImportItem.RawRow> rows = ImportFixtures.rawRows(ImportFixtures.readAll(file));
        return rows.stream().collect(Collectors.toMap(ImportItem.RawRow::rowNumber,
                row -> ImportFixtures.normaliser().normalise(row, COVER), (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void shouldPassBlankRowsAsBlank() {
        assertPassed(3, "BLANK");
    }

    @Test
    void shouldPassWhitespaceOnlyRowAsBlank() {
        assertPassed(4, "BLANK");
    }

    @Test
    void shouldPassTotalRowsInLocalLanguagesAsTotal() {
        for (int row = 7; row <= 9; row++) {
            assertPassed(row, "TOTAL");
        }
    }

    @Test
    void shouldPassTotalGeneralRowAsTotal() {
        assertPassed(11, "TOTAL");
    }

    @Test
    void shouldPassRowsLabelledTotalAsTotal() {
        assertPassed(6, "TOTAL");
        assertPassed(10, "TOTAL");
    }

    @Test
    void shouldStageOnlyTheDataRows() {
        Map<Integer, StagedRows.Staged> staged = resultsByRow.entrySet().stream()
                .filter(e -> e.getValue().staged() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().staged()));

        assertThat(staged).containsOnlyKeys(2, 5, 12);
        assertThat(staged.values()).allSatisfy(s -> assertThat(s).isInstanceOf(StagedRows.Indicator.class));
        assertThat(List.of(2, 5, 12)).allSatisfy(row -> assertThat(resultsByRow.get(row).issues()).isEmpty());
    }

    @Test
    void shouldPassRowOfNonBreakingSpacesAsBlank() {
        Path file = FixtureWorkbooks.workbook()
                .sheet("Indicators")
                .row(INDICATOR_HEADER)
                .row("\u00A0", "\u00A0\u00A0", null, null, "\u2007")
                .saveAs(dir.resolve("BG_2021.xlsx"));

        ImportResult result = resultsByRow(file).get(2);

        assertThat(result.staged()).isNull();
        assertThat(result.issues()).isEmpty();
        assertThat(result.passed()).extracting(StagedRows.PassedRow::kind).isEqualTo("BLANK");
    }

    private void assertPassed(int rowNumber, String kind) {
        ImportResult result = resultsByRow.get(rowNumber);
        assertThat(result).as("row %d", rowNumber).isNotNull();
        assertThat(result.staged()).as("row %d staged", rowNumber).isNull();
        assertThat(result.issues()).as("row %d issues", rowNumber).isEmpty();
        assertThat(result.passed()).as("row %d passed", rowNumber).isNotNull();
        assertThat(result.passed().kind()).as("row %d kind", rowNumber).isEqualTo(kind);
        assertThat(result.passed().sheetRow()).isEqualTo(rowNumber);
        assertThat(result.passed().sheet()).isEqualTo("Indicators");
        assertThat(result.passed().submissionId()).isEqualTo(ImportFixtures.SUBMISSION_ID);
    }
}
