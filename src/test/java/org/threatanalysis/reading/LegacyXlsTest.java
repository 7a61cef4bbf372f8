package org.threatanalysis.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threatanalysis.reading.FixtureWorkbooks.INDICATOR_HEADER;
import static org.threatanalysis.reading.FixtureWorkbooks.formula;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.importing.ImportFixtures;
import org.threatanalysis.importing.ImportItem;

/** A legacy .xls gives the same rows and values as an .xlsx with the same content. */
class LegacyXlsTest {

    @TempDir
    Path dir;

    private Path xlsx;
    private Path xls;

    @BeforeEach
    void writeBothFormats() {
        FixtureWorkbooks content = FixtureWorkbooks.workbook();
        content.sheet("Submission")
                .row("Member state", "Србија")
                .row("Reporting period", "2017-2021")
                .row("Submission date", LocalDate.of(2022, 3, 14))
                .row("Revision", 2);
        content.sheet("Indicators")
                .row("Indicators, fictional figures")                                     // 1 title
                .emptyRow()                                                               // 2
                .row(INDICATOR_HEADER)                                                    // 3
                .row(2019, "Krijumčarenje migranata", "slučajevi", null, 12, null, "ok")  // 4
                .row(null, "Кријумчарење миграната", "осумњичени", null, "1.234,5")      // 5 merged year
                .row(LocalDate.of(2020, 12, 31), "Drug trafficking", "seizures", "heroin", 0.125, "kg")  // 6
                .row(2021, "Drug trafficking", "seizures", "cocaine", formula("E6*8"), "kg", true)      // 7
                .row(null, "Total", null, null, formula("SUM(E4,E6:E7)"), null,
                        formula("\"sum of \"&COUNT(E4:E7)&\" rows\""))                  // 8
                .row(2021, "Migrant smuggling", "cases", null, -3, null, formula("1/0"))  // 9
                .merge("A1:G1")
                .merge("A4:A5");
        content.sheet("Routes")
                .row("Year", "Crime area", "Route")
                .row(2019, "Migrant smuggling", "TR>BG>RS>HU>AT");
        xlsx = content.saveAs(dir.resolve("RS_2021.xlsx"));
        xls = content.saveAs(dir.resolve("RS_2021.xls"));
    }

    @Test
    void shouldListTheSameSheets() throws Exception {
        try (SubmissionWorkbook modern = SubmissionWorkbook.open(xlsx);
                SubmissionWorkbook legacy = SubmissionWorkbook.open(xls)) {
            assertThat(legacy.sheetNames()).containsExactly("Submission", "Indicators", "Routes")
                    .isEqualTo(modern.sheetNames());
            assertThat(legacy.findSheet(" routes ")).contains("Routes");
        }
    }

    @Test
    void shouldGiveTheSameRowsAndValuesAsTheXlsx() {
        for (String sheet : List.of("Submission", "Indicators", "Routes")) {
            List<SheetRow> legacy = FixtureWorkbooks.readSheet(xls, sheet);
            List<SheetRow> modern = FixtureWorkbooks.readSheet(xlsx, sheet);

            assertThat(legacy).as("sheet %s", sheet).isEqualTo(modern);
        }
    }

    @Test
    void shouldReadTextNumbersDatesMergedCellsAndCachedFormulaValuesFromXls() {
        List<SheetRow> rows = FixtureWorkbooks.readSheet(xls, "Indicators");

        assertThat(FixtureWorkbooks.row(rows, 5).cell(1).text()).isEqualTo("Кријумчарење миграната");
        assertThat(FixtureWorkbooks.row(rows, 5).cell(4)).isEqualTo(CellValue.text(4, "1.234,5"));
        assertThat(FixtureWorkbooks.row(rows, 5).cell(0).number()).as("merged year").isEqualTo(2019.0);
        assertThat(FixtureWorkbooks.row(rows, 6).cell(0).date().toLocalDate()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(FixtureWorkbooks.row(rows, 6).cell(4).number()).isEqualTo(0.125);
        assertThat(FixtureWorkbooks.row(rows, 6).cell(4).text()).isEqualTo("0.125");
        assertThat(FixtureWorkbooks.row(rows, 7).cell(4).number()).isEqualTo(1.0);
        assertThat(FixtureWorkbooks.row(rows, 7).cell(6)).isEqualTo(CellValue.bool(6, true));
        assertThat(FixtureWorkbooks.row(rows, 8).cell(4).number()).isEqualTo(13.125);
        assertThat(FixtureWorkbooks.row(rows, 8).cell(6)).isEqualTo(CellValue.text(6, "sum of 3 rows"));
        assertThat(FixtureWorkbooks.row(rows, 9).cell(4).number()).isEqualTo(-3.0);
        assertThat(FixtureWorkbooks.row(rows, 9).cell(6)).isEqualTo(CellValue.error(6, "#DIV/0!"));
        assertThat(FixtureWorkbooks.row(rows, 1).cells()).extracting(CellValue::text).containsOnly("Indicators, fictional figures");
    }

    @Test
    void shouldHandOnTheSameItemsAsTheXlsx() {
        List<ImportItem> legacy = ImportFixtures.readAll(xls);
        List<ImportItem> modern = ImportFixtures.readAll(xlsx);

        assertThat(ImportFixtures.rawRows(legacy)).extracting(ImportItem.RawRow::sheetName, ImportItem.RawRow::rowNumber,
                ImportItem.RawRow::values, ImportItem.RawRow::columns, ImportItem.RawRow::blank)
                .isEqualTo(ImportFixtures.rawRows(modern).stream()
                        .map(r -> org.assertj.core.groups.Tuple.tuple(r.sheetName(), r.rowNumber(), r.values(),
                                r.columns(), r.blank()))
                        .toList());
        assertThat(ImportFixtures.rawRows(legacy)).extracting(r -> r.sheetName() + "!" + r.rowNumber())
                .containsExactly("Indicators!4", "Indicators!5", "Indicators!6", "Indicators!7", "Indicators!8",
                        "Indicators!9", "Routes!2");
    }
}
