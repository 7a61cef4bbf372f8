package org.threatanalysis.normalisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threatanalysis.reference.ReferenceData;

/**
 * Measures the matchers on the labelled evaluation sets in {@code src/test/resources/evaluation/}
 * (written from the domain, not from the matchers' output) and prints every miss. The thresholds
 * are the issue's: MO accuracy at least 95% on phrasings that have a code, wrong codes at most 2%
 * on phrasings outside the vocabulary, routes at least 98%.
 */
class NormalisationEvaluationTest {

    private static ReferenceData reference;
    private static ModusOperandiMatcher matcher;
    private static RouteParser routes;

    @BeforeAll
    static void load() {
        reference = ReferenceData.loadDefaults();
        matcher = new ScoredModusOperandiMatcher(reference, MatchingThresholds.DEFAULT_THRESHOLD,
                MatchingThresholds.DEFAULT_MARGIN);
        routes = new SeparatorRouteParser(reference, new CountryResolver(reference));
    }

    static List<String[]> rows(String resource) throws IOException {
        try (InputStream in = NormalisationEvaluationTest.class.getResourceAsStream("/evaluation/" + resource)) {
            List<String[]> rows = new ArrayList<>();
            boolean header = true;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split("\t"));
            }
            return rows;
        }
    }

    @Test
    void shouldMapModusOperandiPhrasingsAccuratelyAndRarelyGuessWrong() throws IOException {
        List<String[]> rows = rows("mo-phrasings.tsv");
        int inVocabulary = 0, correct = 0, unmatched = 0, wrongInVocabulary = 0;
        int outOfVocabulary = 0, wrongOutOfVocabulary = 0;
        List<String> misses = new ArrayList<>();
        for (String[] row : rows) {
            String area = row[0], expected = row[1], text = row[3];
            ModusOperandiMatch match = matcher.match(text, null, area);
            if (expected.equals("none")) {
                outOfVocabulary++;
                if (match.code() != null) {
                    wrongOutOfVocabulary++;
                    misses.add("WRONG (expected none) " + describe(row, match));
                }
            } else {
                inVocabulary++;
                if (expected.equals(match.code())) {
                    correct++;
                } else if (match.code() == null) {
                    unmatched++;
                    misses.add("UNMATCHED " + describe(row, match));
                } else {
                    wrongInVocabulary++;
                    misses.add("WRONG " + describe(row, match));
                }
            }
        }
        double accuracy = (double) correct / inVocabulary;
        double wrongRate = (double) wrongOutOfVocabulary / outOfVocabulary;
        System.out.printf(Locale.ROOT, "MO evaluation: %d phrasings with a code: %d correct (%.1f%%), %d unmatched, %d wrong"
                + " (%.1f%%); %d without a code: %d given a wrong code (%.1f%%)%n", inVocabulary, correct,
                100 * accuracy, unmatched, wrongInVocabulary, 100.0 * wrongInVocabulary / inVocabulary,
                outOfVocabulary, wrongOutOfVocabulary, 100 * wrongRate);
        misses.forEach(miss -> System.out.println("  " + miss));
        assertThat(rows.size()).isGreaterThanOrEqualTo(300);
        assertThat(accuracy).as("MO accuracy on phrasings with a code").isGreaterThanOrEqualTo(0.95);
        assertThat(wrongRate).as("wrong-code rate on phrasings without a code").isLessThanOrEqualTo(0.02);
    }

    private static String describe(String[] row, ModusOperandiMatch match) {
        return row[0] + " " + row[1] + " [" + row[2] + "] '" + row[3] + "' -> " + match.code() + " "
                + match.method() + " " + match.confidence() + " " + match.suggestions();
    }

    @Test
    void shouldParseRoutesIntoTheRightCountrySequence() throws IOException {
        List<String[]> rows = rows("routes.tsv");
        int correct = 0;
        List<String> misses = new ArrayList<>();
        for (String[] row : rows) {
            ParsedRoute parsed = routes.parse(row[1], null);
            if (parsed.countrySequence().equals(row[0])) {
                correct++;
            } else {
                misses.add("'" + row[1] + "' expected " + row[0] + " got " + parsed.countrySequence()
                        + " unknown " + parsed.unknownParts());
            }
        }
        double accuracy = (double) correct / rows.size();
        System.out.printf(Locale.ROOT, "Route evaluation: %d routes, %d correct (%.1f%%)%n", rows.size(), correct,
                100 * accuracy);
        misses.forEach(miss -> System.out.println("  MISS " + miss));
        assertThat(rows.size()).isGreaterThanOrEqualTo(100);
        assertThat(accuracy).as("route accuracy").isGreaterThanOrEqualTo(0.98);
    }
}
