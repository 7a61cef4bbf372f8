package org.threatanalysis.normalisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threatanalysis.reference.ReferenceData;

/** Country and place names to ISO codes, without Spring. */
class CountryResolverTest {

    private final CountryResolver resolver = new CountryResolver(ReferenceData.loadDefaults());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Serbia | RS
            SRB | RS
            iz Srbije | RS
            Serbiei | RS
            Србија | RS
            EL | GR
            Ελλάδα | GR
            UK | GB
            FYROM | MK
            the former Yugoslav Republic of Macedonia | MK
            S. Makedonija | MK
            Северна Македонија | MK
            Kosovo* | XK
            Kosovë | XK
            Косово | XK
            BiH | BA
            БиХ | BA
            ROU | RO
            România | RO
            Mal i Zi | ME
            Албания | AL
            Durrës | AL
            Constanța | RO
            Constanta | RO
            Bihać | BA
            Guayaquil | EC
            """)
    void shouldResolveNamesCodesAndPlaces(String text, String code) {
        assertThat(resolver.country(text)).as(text).contains(code);
    }

    @Test
    void shouldKeepThePlaceWhenAPlaceWasNamed() {
        assertThat(resolver.resolve("Port of Bar")).hasValueSatisfying(r -> {
            assertThat(r.countryCode()).isEqualTo("ME");
            assertThat(r.place()).isEqualTo("Bar");
        });
    }

    @Test
    void shouldResolveBosnianEntitiesAsReportingEntities() {
        assertThat(resolver.entity("Republika Srpska")).contains("BA-SRP");
        assertThat(resolver.entity("Federation of BiH")).contains("BA-BIH");
    }

    @Test
    void shouldNotGuessUnknownNames() {
        assertThat(resolver.country("Atlantis")).isEmpty();
        assertThat(resolver.country("")).isEmpty();
    }
}
