package org.threatanalysis.normalisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threatanalysis.reading.FixtureWorkbooks.INDICATOR_HEADER;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.threatanalysis.importing.ImportFixtures;
import org.threatanalysis.importing.ImportResult;
import org.threatanalysis.reading.CellValue;
import org.threatanalysis.reading.FixtureWorkbooks;
import org.threatanalysis.staging.StagedRows;

/**
 * Figures arrive as text with either decimal separator and with thousands separators;
 * suppressed and missing figures are recorded as such, never as zero.
 */
class NumbersAsTextTest {

    @TempDir
    Path dir;

    private final NumberParser parser = new NumberParser(ImportFixtures.reference().markers("suppressed"));

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            1.234,5   | 1234.5
            1,234.5   | 1234.5
            1 234     | 1234
            12,5      | 12.5
            0,250     | 0.25
            1.234     | 1234
            245       | 245
            1.234.567 | 1234567
            1,234,567 | 1234567
            0.5       | 0.5
            "  245 "  | 245
            """)
    void shouldReadNumbersWrittenAsText(String text, BigDecimal expected) {
        ParsedNumber parsed = parser.parse(text);

        assertThat(parsed.status()).isEqualTo(ParsedNumber.Status.NUMBER);
        assertThat(parsed.value()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1\u00A0234", "1\u202F234"})
    void shouldReadThousandsSeparatedByNonBreakingSpace(String text) {
        ParsedNumber parsed = parser.parse(text);

        assertThat(parsed.status()).isEqualTo(ParsedNumber.Status.NUMBER);
        assertThat(parsed.value()).isEqualByComparingTo("1234");
    }

    @ParameterizedTest
    @ValueSource(strings = {"n/a", "N/A", "-", "<5", "< 5"})
    void shouldRecordSuppressedFiguresAsSuppressed(String text) {
        ParsedNumber parsed = parser.parse(text);

        assertThat(parsed.status()).isEqualTo(ParsedNumber.Status.SUPPRESSED);
        assertThat(parsed.value()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void shouldRecordEmptyFiguresAsMissingNotZero(String text) {
        ParsedNumber parsed = parser.parse(text);

        assertThat(parsed.status()).isEqualTo(ParsedNumber.Status.MISSING);
        assertThat(parsed.value()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0", " \u00A0 ", "\u202F"})
    void shouldRecordAFigureOfNonBreakingSpacesAsMissing(String text) {
        assertThat(parser.parse(text).status()).isEqualTo(ParsedNumber.Status.MISSING);
    }

    @Test
    void shouldRecordAnAbsentCellAsMissing() {
        assertThat(parser.parse((CellValue) null).status()).isEqualTo(ParsedNumber.Status.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"approx. 120", "76*", "twelve", "1.2.3,4,5"})
    void shouldRecordTextThatIsNotANumberAsInvalid(String text) {
        ParsedNumber parsed = parser.parse(text);

        assertThat(parsed.status()).isEqualTo(ParsedNumber.Status.INVALID);
        assertThat(parsed.value()).isNull();
    }

    @Test
    void shouldStageANumericCellAndATextCellWithTheSameFigureAlike() {
        Path file = FixtureWorkbooks.workbook()
                .sheet("Indicators")
                .row(INDICATOR_HEADER)
                .row(2019, "Migrant smuggling", "cases", null, 1234.5)
                .row(2020, "Migrant smuggling", "cases", null, "1.234,5")
                .saveAs(dir.resolve("HR_2021.xlsx"));

        List<StagedRows.Indicator> staged = ImportFixtures.normaliseAll(file, ImportFixtures.cover(2017, 2021)).stream()
                .map(ImportResult::staged).filter(Objects::nonNull).map(StagedRows.Indicator.class::cast).toList();

        assertThat(staged).hasSize(2).allSatisfy(indicator -> {
            assertThat(indicator.valueStatus()).isEqualTo("NUMBER");
            assertThat(indicator.value()).isEqualByComparingTo("1234.5");
            assertThat(indicator.normalisedValue()).isEqualByComparingTo("1234.5");
        });
        assertThat(staged.get(1).valueRaw()).isEqualTo("1.234,5");
    }

    @Test
    void shouldStageSuppressedAndMissingFiguresWithoutAValue() {
        Path file = FixtureWorkbooks.workbook()
                .sheet("Indicators")
                .row(INDICATOR_HEADER)
                .row(2019, "Migrant smuggling", "cases", null, "<5")
                .row(2020, "Migrant smuggling", "cases", null, null, null, "not collected")
                .saveAs(dir.resolve("HR_2021.xlsx"));

        List<ImportResult> results = ImportFixtures.normaliseAll(file, ImportFixtures.cover(2017, 2021));

        assertThat(results).extracting(r -> (StagedRows.Indicator) r.staged())
                .extracting(StagedRows.Indicator::valueStatus, StagedRows.Indicator::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SUPPRESSED", null),
                        org.assertj.core.groups.Tuple.tuple("MISSING", null));
    }
}
