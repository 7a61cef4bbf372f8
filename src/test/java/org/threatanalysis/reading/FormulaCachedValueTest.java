package org.threatanalysis.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threatanalysis.reading.FixtureWorkbooks.INDICATOR_HEADER;
import static org.threatanalysis.reading.FixtureWorkbooks.formula;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.importing.ImportFixtures;
import org.threatanalysis.importing.ImportResult;
import org.threatanalysis.staging.StagedRows;

/** Formulas count by their cached value, never by their formula text. */
class FormulaCachedValueTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void writeWorkbookWithFormulas() {
        file = FixtureWorkbooks.workbook()
                .sheet("Indicators")
                .row(INDICATOR_HEADER)
                .row(2019, "Migrant smuggling", "cases", null, 10)
                .row(2020, "Migrant smuggling", "cases", null, 20)
                .row(2021, "Migrant smuggling", "cases", null, formula("SUM(E2:E3)"), null,
                        formula("CONCATENATE(\"sum of \",\"2019-2020\")"))
                .row(2021, "Migrant smuggling", "suspects", null, formula("ROUND(E4/3,2)"))
                .saveAs(dir.resolve("MK_2021.xlsx"));
    }

    @Test
    void shouldYieldTheCachedNumberOfASumFormula() {
        CellValue sum = FixtureWorkbooks.row(FixtureWorkbooks.readSheet(file, "Indicators"), 4).cell(4);

        assertThat(sum.kind()).isEqualTo(CellValue.Kind.NUMBER);
        assertThat(sum.number()).isEqualTo(30.0);
        assertThat(sum.text()).isEqualTo("30").doesNotContain("SUM");
        assertThat(sum.isDate()).isFalse();
    }

    @Test
    void shouldYieldTheCachedTextOfATextFormula() {
        CellValue notes = FixtureWorkbooks.row(FixtureWorkbooks.readSheet(file, "Indicators"), 4).cell(6);

        assertThat(notes).isEqualTo(CellValue.text(6, "sum of 2019-2020"));
    }

    @Test
    void shouldStageTheCachedValueOfAFormula() {
        List<StagedRows.Indicator> staged = ImportFixtures.normaliseAll(file, ImportFixtures.cover(2017, 2021)).stream()
                .map(ImportResult::staged).filter(Objects::nonNull).map(StagedRows.Indicator.class::cast).toList();

        assertThat(staged).extracting(StagedRows.Indicator::sheetRow).containsExactly(2, 3, 4, 5);
        assertThat(staged.get(2).value()).isEqualByComparingTo("30");
        assertThat(staged.get(2).valueRaw()).isEqualTo("30");
        assertThat(staged.get(2).notes()).isEqualTo("sum of 2019-2020");
        assertThat(staged.get(3).value()).isEqualByComparingTo("10");
    }
}
