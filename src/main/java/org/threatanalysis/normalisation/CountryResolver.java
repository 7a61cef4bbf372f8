package org.threatanalysis.normalisation;

import java.util.Optional;
import java.util.regex.Pattern;

import org.threatanalysis.reference.ReferenceData;
import org.threatanalysis.reference.TextFolding;

/**
 * Resolves a country or place name, in any of the region's languages and scripts, to an
 * ISO 3166-1 alpha-2 code ({@code XK} for Kosovo). Places (ports, cities, border crossings)
 * resolve to the country they lie in.
 */
public final class CountryResolver {

    /** Where a name was found: a country name or code, or a place of the gazetteer. */
    public record Resolution(String countryCode, String place) {
    }

    private static final Pattern FOOTNOTE = Pattern.compile("[*†‡¹²³]+");
    private final ReferenceData reference;

    public CountryResolver(ReferenceData reference) {
        this.reference = reference;
    }

    public Optional<String> country(String text) {
        return resolve(text).map(Resolution::countryCode);
    }

    public Optional<Resolution> resolve(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String cleaned = FOOTNOTE.matcher(text).replaceAll(" ");
        String folded = TextFolding.fold(cleaned);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> country = reference.countries().lookupFolded(folded);
        if (country.isPresent()) {
            return Optional.of(new Resolution(country.get(), null));
        }
        Optional<String> place = reference.places().lookupFolded(folded);
        if (place.isPresent()) {
            String code = reference.places().entry(place.get()).map(e -> e.attribute("country")).orElse("");
            if (!code.isEmpty()) {
                return Optional.of(new Resolution(code, place.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Resolves a submitting member state and optional reporting entity to the code the workbook
     * uses for the submitter: the entity's ISO 3166-2 code ({@code BA-SRP}) when there is one.
     */
    public Optional<String> entity(String text) {
        return reference.reportingEntities().lookup(text);
    }
}
