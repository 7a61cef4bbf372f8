package org.threatanalysis.normalisation;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.util.function.SingletonSupplier;
import org.threatanalysis.reference.ReferenceData;
import org.threatanalysis.reference.TextFolding;
import org.threatanalysis.reference.TextStems;

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
    // Stemmed key of every country and place phrasing, for inflected forms the tables lack
    // ("Hrvatskoj", "Bugarskoj"); keys that two codes share are left out rather than guessed.
    // Built on first use, as the vocabularies are folded: a night with nothing to read needs neither.
    private final SingletonSupplier<java.util.Map<String, String>> byStem;
    private final SingletonSupplier<java.util.Map<String, String>> placeByStem;

    public CountryResolver(ReferenceData reference) {
        this.reference = reference;
        this.byStem = SingletonSupplier.of(() -> index(reference.countries().foldedPhrases()));
        this.placeByStem = SingletonSupplier.of(() -> index(reference.places().foldedPhrases()));
    }

    private static java.util.Map<String, String> index(java.util.Map<String, String> phrases) {
        java.util.Map<String, String> target = new java.util.HashMap<>();
        java.util.Set<String> ambiguous = new java.util.HashSet<>();
        for (java.util.Map.Entry<String, String> phrase : phrases.entrySet()) {
            String key = stemKey(phrase.getKey());
            if (phrase.getKey().length() < 7 || key.length() < 5) {
                continue;
            }
            String previous = target.putIfAbsent(key, phrase.getValue());
            if (previous != null && !previous.equals(phrase.getValue())) {
                ambiguous.add(key);
            }
        }
        ambiguous.forEach(target::remove);
        return target;
    }

    private static String stemKey(String folded) {
        return String.join(" ", TextStems.stemsOfFolded(folded));
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
        // English plurals ("islands") are not inflected country names: no stem fallback for them.
        if (place.isEmpty() && !folded.endsWith("s")) {
            // Inflected or preceded by a preposition ("iz Srbije", "u Hrvatskoj"): compare stems.
            String key = stemKey(folded);
            String code = byStem.obtain().get(key);
            if (code != null) {
                return Optional.of(new Resolution(code, null));
            }
            place = Optional.ofNullable(placeByStem.obtain().get(key));
        }
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
