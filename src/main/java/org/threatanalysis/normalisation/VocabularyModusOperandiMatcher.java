package org.threatanalysis.normalisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.threatanalysis.reference.ReferenceData;
import org.threatanalysis.reference.TextFolding;
import org.threatanalysis.reference.Vocabulary;

/**
 * First-generation matcher: an explicit MO code wins, then an exact match of the folded text on
 * a known phrasing. Anything else is unmatched and carries the three phrasings that share the
 * most words with it (restricted to the row's crime area) as suggestions for review, never as
 * a guess.
 */
public final class VocabularyModusOperandiMatcher implements ModusOperandiMatcher {

    private final Vocabulary vocabulary;

    public VocabularyModusOperandiMatcher(ReferenceData reference) {
        this.vocabulary = reference.modusOperandi();
    }

    @Override
    public ModusOperandiMatch match(String text, String explicitCode, String crimeArea) {
        if (explicitCode != null && !explicitCode.isBlank()) {
            String code = explicitCode.strip().toUpperCase(java.util.Locale.ROOT);
            if (vocabulary.contains(code)) {
                return new ModusOperandiMatch(code, ModusOperandiMatch.Method.CODE, 1.0, List.of());
            }
        }
        Optional<String> exact = vocabulary.lookup(text == null ? "" : text);
        if (exact.isPresent()) {
            return new ModusOperandiMatch(exact.get(), ModusOperandiMatch.Method.EXACT, 1.0, List.of());
        }
        return new ModusOperandiMatch(null, ModusOperandiMatch.Method.UNMATCHED, 0.0, suggest(text, crimeArea));
    }

    private List<ModusOperandiMatch.Suggestion> suggest(String text, String crimeArea) {
        Set<String> words = words(TextFolding.fold(text));
        if (words.isEmpty()) {
            return List.of();
        }
        Map<String, Double> best = new HashMap<>();
        for (Map.Entry<String, String> phrase : vocabulary.foldedPhrases().entrySet()) {
            String code = phrase.getValue();
            String area = vocabulary.entry(code).map(e -> e.attribute("crime_area")).orElse("");
            if (crimeArea != null && !area.equals(crimeArea) && !area.equals("ANY")) {
                continue;
            }
            Set<String> other = words(phrase.getKey());
            Set<String> common = new HashSet<>(words);
            common.retainAll(other);
            if (common.isEmpty()) {
                continue;
            }
            Set<String> union = new HashSet<>(words);
            union.addAll(other);
            double score = (double) common.size() / union.size();
            best.merge(code, score, Math::max);
        }
        List<ModusOperandiMatch.Suggestion> suggestions = new ArrayList<>();
        best.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .forEach(e -> suggestions.add(new ModusOperandiMatch.Suggestion(e.getKey(),
                        Math.round(e.getValue() * 100) / 100.0)));
        suggestions.sort(Comparator.comparingDouble(ModusOperandiMatch.Suggestion::score).reversed());
        return suggestions;
    }

    private static Set<String> words(String folded) {
        Set<String> words = new HashSet<>();
        for (String word : folded.split(" ")) {
            if (word.length() > 2) {
                words.add(word);
            }
        }
        return words;
    }
}
