package org.threatanalysis.normalisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.threatanalysis.reading.CellValue;
import org.threatanalysis.reference.ReferenceData;

/** Units to common units (mass to kg, cigarettes to sticks), and suppressed figures kept as such. */
class UnitConversionTest {

    private static final ReferenceData REFERENCE = ReferenceData.loadDefaults();
    private final UnitConversion units = new UnitConversion(REFERENCE);

    @ParameterizedTest(name = "{0} {1} of {2} -> {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            2.5    | t        | heroin     | 2500   | kg
            750    | g        | cocaine    | 0.75   | kg
            12     | kg       | cannabis   | 12     | kg
            100    | packs    | cigarettes | 2000   | sticks
            3      | cartons  | cigarettes | 600    | sticks
            40     | paketa   | cigarettes | 800    | sticks
            5000   | pieces   | cigarettes | 5000   | sticks
            14     | kom      | firearms   | 14     | pieces
            300    | litres   | alcohol    | 300    | litres
            """)
    void shouldConvertToTheCommonUnit(String value, String unit, String commodity, String expected, String expectedUnit) {
        String commodityCode = REFERENCE.commodities().lookup(commodity).orElse(commodity);
        String kind = REFERENCE.commodities().entry(commodityCode).map(e -> e.attribute("kind")).orElse(null);
        String unitCode = units.unitCode(unit).orElseThrow();
        UnitConversion.Converted converted = units.convert(new BigDecimal(value), unitCode, commodityCode, kind);
        assertThat(converted.problem()).isNull();
        assertThat(converted.value()).isEqualByComparingTo(expected);
        assertThat(converted.unit()).isEqualTo(expectedUnit);
    }

    @Test
    void shouldRefuseCigarettePacksForAnythingButTobacco() {
        assertThat(units.convert(BigDecimal.TEN, "pack", "heroin", "drug").problem()).contains("only used for cigarettes");
    }

    @ParameterizedTest
    @CsvSource({"<5", "n/a", "-"})
    void shouldKeepSuppressedFiguresAsSuppressedNotZero(String text) {
        ParsedNumber parsed = new NumberParser(REFERENCE.markers("suppressed")).parse(CellValue.text(0, text));
        assertThat(parsed.status()).isEqualTo(ParsedNumber.Status.SUPPRESSED);
        assertThat(parsed.value()).isNull();
    }
}
