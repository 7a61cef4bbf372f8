package org.threatanalysis.normalisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threatanalysis.reference.ReferenceData;

/** Route text to country sequences, without Spring. */
class SeparatorRouteParserTest {

    private static final ReferenceData REFERENCE = ReferenceData.loadDefaults();
    private final RouteParser parser = new SeparatorRouteParser(REFERENCE, new CountryResolver(REFERENCE));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Turkey - Bulgaria - Serbia - Hungary - Austria | TR>BG>RS>HU>AT
            Turkey→Bulgaria→Serbia→Hungary→Austria | TR>BG>RS>HU>AT
            TR>BG>RS>HU>AT | TR>BG>RS>HU>AT
            Turska–Grčka–S. Makedonija–Srbija–Mađarska | TR>GR>MK>RS>HU
            Srbija–BiH (Bihać, V. Kladuša)–Hrvatska–Slovenija–Italija | RS>BA>HR>SI>IT
            FYROM–Kosovo*–Serbia | MK>XK>RS
            Албания→Гърция | AL>GR
            Guayaquil → Bar, bananas, for Albania | EC>ME>AL
            from Greece via North Macedonia and Serbia to Hungary | GR>MK>RS>HU
            iz Srbije preko BiH u Hrvatsku | RS>BA>HR
            din România prin Ungaria și Austria spre Germania | RO>HU>AT>DE
            nga Shqipëria në Greqi | AL>GR
            Turkey / Greece / Albania | TR>GR>AL
            Serbia — Hungary | RS>HU
            Serbia, Serbia, Hungary | RS>HU
            Srbija – Mađarska (Horgoš) | RS>HU
            """)
    void shouldParseSeparatorsAndPhrasings(String text, String countries) {
        assertThat(parser.parse(text, null).countrySequence()).isEqualTo(countries);
    }

    @Test
    void shouldTakeTheTransportModeFromTheTextWhenTheColumnIsEmpty() {
        assertThat(parser.parse("Turkey by boat to Constanța", null).transport()).isEqualTo("sea");
        assertThat(parser.parse("Tunis → Belgrade by air", null).transport()).isEqualTo("air");
        assertThat(parser.parse("Turkey by boat to Constanța", "road").transport()).isEqualTo("road");
    }

    @Test
    void shouldKeepThePlacesNamedOnTheWay() {
        assertThat(parser.parse("Vlorë → Puglia by speedboat", null).places()).isNotEmpty();
    }

    @Test
    void shouldReportARouteWithOneCountryOrAnUnknownPlace() {
        assertThat(parser.parse("Serbia", null).problem()).contains("at least two countries");
        ParsedRoute unknown = parser.parse("Serbia - Atlantis - Hungary", null);
        assertThat(unknown.problem()).contains("atlantis");
        assertThat(unknown.countrySequence()).isEqualTo("RS>HU");
    }

    @Test
    void shouldResolveABareRsInARepublikaSrpskaSubmissionByTheRouteAndRecordIt() {
        ParsedRoute entity = parser.parse("RS - HR - SI", null, "BA-SRP");
        assertThat(entity.countrySequence()).isEqualTo("BA>HR>SI");
        assertThat(entity.places()).anyMatch(p -> p.contains("Republika Srpska"));
        ParsedRoute serbia = parser.parse("TR>BG>RS>BA>HR", null, "BA-SRP");
        assertThat(serbia.countrySequence()).isEqualTo("TR>BG>RS>BA>HR");
        assertThat(serbia.places()).anyMatch(p -> p.contains("read as Serbia"));
        assertThat(parser.parse("RS - HR - SI", null, "RS").countrySequence()).isEqualTo("RS>HR>SI");
        assertThat(parser.parse("Republika Srpska – Hrvatska", null, null).countrySequence()).isEqualTo("BA>HR");
    }
}
