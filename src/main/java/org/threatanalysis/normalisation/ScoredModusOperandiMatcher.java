package org.threatanalysis.normalisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.threatanalysis.reference.BoundedCache;
import org.threatanalysis.reference.ReferenceData;
import org.threatanalysis.reference.TextFolding;
import org.threatanalysis.reference.TextStems;
import org.threatanalysis.reference.Vocabulary;

/**
 * Maps modus-operandi text to the vocabulary in four tiers: an explicit, known MO code wins; then
 * an analyst's decision on the same text (from the review sheet of an earlier run); then an
 * exact match of the folded text on a known phrasing; then a scored match on word stems.
 *
 * <p>The scored match compares the text's stems (see {@link TextStems}) with the stems of every
 * phrasing of the codes of the row's crime area (and the cross-cutting ones). Each stem weighs by
 * how specific it is (inverse document frequency over codes: "hidden" belongs to several codes,
 * "pallet" to one). A code's score is {@code 0.65 x} the share of its best phrasing found in the
 * text {@code + 0.35 x} the share of the text explained by all its phrasings. Words with a typo
 * count when Jaro-Winkler similarity reaches {@value #TYPO_SIMILARITY}. The best code is taken
 * only when its score reaches the threshold and leads the next code by the margin: a wrong code
 * is worse than a review entry, so close calls go to review with the three best suggestions.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScoredModusOperandiMatcher implements ModusOperandiMatcher {

    static final double TYPO_SIMILARITY = 0.94;
    private static final double UNKNOWN_WORD_WEIGHT = 1.0;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private record Phrase(String code, List<String> stems, double weight) {
    }

    private final Vocabulary vocabulary;
    private final ReferenceData reference;
    private final double threshold;
    private final double margin;
    private final Map<String, List<Phrase>> phrasesByCode = new HashMap<>();
    private final Map<String, Double> stemWeights = new HashMap<>();
    private final Set<String> knownStems;
    /** Vocabulary stems long enough for a typo match, by their first character (a typo never changes it). */
    private final Map<Character, List<String>> typoCandidates = new HashMap<>();
    private final boolean digitStems;
    private final Map<String, Set<String>> codesByStem = new HashMap<>();
    private final Map<String, String> areaByCode = new HashMap<>();
    private final BoundedCache<String, List<StemHit>> unknownWordHits = new BoundedCache<>(20_000);
    private final BoundedCache<String, ModusOperandiMatch> cache = new BoundedCache<>(20_000);
    /** Scores by the text's stems; those that resemble no vocabulary stem counted, not told apart (see {@link #score}). */
    private final BoundedCache<String, List<ModusOperandiMatch.Suggestion>> scoresByStems = new BoundedCache<>(20_000);

    /**
     * @param threshold the lowest score accepted as a match (0..1)
     * @param margin how far the best code must lead the second
     */
    public ScoredModusOperandiMatcher(ReferenceData reference, double threshold, double margin) {
        this.reference = reference;
        this.vocabulary = reference.modusOperandi();
        this.threshold = threshold;
        this.margin = margin;
        Map<String, List<List<String>>> stemsByCode = new HashMap<>();
        for (Map.Entry<String, String> phrase : vocabulary.foldedPhrases().entrySet()) {
            String code = phrase.getValue();
            if (phrase.getKey().equals(TextFolding.fold(code))) {
                continue; // the code itself is not a phrasing
            }
            List<String> stems = List.copyOf(new LinkedHashSet<>(TextStems.stemsOfFolded(phrase.getKey())));
            if (stems.isEmpty()) {
                continue;
            }
            stemsByCode.computeIfAbsent(code, c -> new ArrayList<>()).add(stems);
            for (String stem : stems) {
                codesByStem.computeIfAbsent(stem, s -> new LinkedHashSet<>()).add(code);
            }
        }
        int codes = Math.max(1, stemsByCode.size());
        codesByStem.forEach((stem, set) -> stemWeights.put(stem, Math.log(1.0 + (double) codes / set.size())));
        this.knownStems = Set.copyOf(codesByStem.keySet());
        List<String> knownStemsInOrder = List.copyOf(new java.util.TreeSet<>(codesByStem.keySet()));
        for (String stem : knownStemsInOrder) {
            if (stem.length() >= 5) {
                typoCandidates.computeIfAbsent(stem.charAt(0), c -> new ArrayList<>()).add(stem);
            }
        }
        this.digitStems = knownStemsInOrder.stream().anyMatch(stem -> Character.isDigit(stem.charAt(0)));
        for (String code : stemsByCode.keySet()) {
            areaByCode.put(code, vocabulary.entry(code).map(e -> e.attribute("crime_area")).orElse(""));
        }
        stemsByCode.forEach((code, list) -> {
            List<Phrase> phrases = new ArrayList<>();
            for (List<String> stems : list) {
                phrases.add(new Phrase(code, stems, stems.stream().mapToDouble(stemWeights::get).sum()));
            }
            phrasesByCode.put(code, phrases);
        });
    }

    @Override
    public ModusOperandiMatch match(String text, String explicitCode, String crimeArea) {
        // Submissions repeat the same phrasings thousands of times: score each distinct one once.
        String key = text + '\u0000' + explicitCode + '\u0000' + crimeArea;
        return cache.get(key, k -> matchUncached(text, explicitCode, crimeArea));
    }

    private ModusOperandiMatch matchUncached(String text, String explicitCode, String crimeArea) {
        if (explicitCode != null && !explicitCode.isBlank()) {
            String code = explicitCode.strip().toUpperCase(Locale.ROOT);
            if (vocabulary.contains(code)) {
                return new ModusOperandiMatch(code, ModusOperandiMatch.Method.CODE, 1.0, List.of());
            }
        }
        String folded = TextFolding.fold(text);
        Optional<String> decided = reference.decisions().modusOperandi(crimeArea, folded);
        if (decided.isPresent()) {
            String code = decided.get();
            return new ModusOperandiMatch(vocabulary.contains(code) ? code : null, ModusOperandiMatch.Method.DECISION,
                    1.0, List.of());
        }
        Optional<String> exact = vocabulary.lookupFolded(folded);
        if (exact.isPresent() && !folded.isEmpty()) {
            return new ModusOperandiMatch(exact.get(), ModusOperandiMatch.Method.EXACT, 1.0, List.of());
        }
        List<ModusOperandiMatch.Suggestion> ranked = score(folded, crimeArea);
        List<ModusOperandiMatch.Suggestion> top = ranked.subList(0, Math.min(3, ranked.size()));
        if (!ranked.isEmpty()) {
            double best = ranked.get(0).score();
            double second = ranked.size() > 1 ? ranked.get(1).score() : 0.0;
            if (best >= threshold && best - second >= margin) {
                return new ModusOperandiMatch(ranked.get(0).code(), ModusOperandiMatch.Method.SCORED, best, top);
            }
        }
        return new ModusOperandiMatch(null, ModusOperandiMatch.Method.UNMATCHED, 0.0, top);
    }

    /** Every code of the crime area with a score above zero, best first. */
    List<ModusOperandiMatch.Suggestion> score(String folded, String crimeArea) {
        List<String> textStems = List.copyOf(new LinkedHashSet<>(TextStems.stemsOfFolded(folded)));
        if (textStems.isEmpty()) {
            return List.of();
        }
        // A stem that resembles no vocabulary stem (a case number, a name, a word the vocabulary
        // does not know) only counts, with the weight of an unknown word, in the text's total: the
        // score depends on how many there are, not on what they say. Case-level text is unique per
        // row mostly by such stems, so texts that differ only there are scored once.
        List<String> matching = new ArrayList<>(textStems.size());
        List<List<StemHit>> hitsOfMatching = new ArrayList<>(textStems.size());
        int inert = 0;
        StringBuilder key = new StringBuilder(crimeArea == null ? "\u0001" : crimeArea + '\u0000');
        for (String stem : textStems) {
            List<StemHit> similar = similarStems(stem);
            if (similar.isEmpty()) {
                inert++;
            } else {
                matching.add(stem);
                hitsOfMatching.add(similar);
                key.append(stem).append(' ');
            }
        }
        int inertStems = inert;
        key.append('\u0000').append(inert);
        return scoresByStems.get(key.toString(), k -> score(matching, hitsOfMatching, inertStems, crimeArea));
    }

    /**
     * @param textStems the text's distinct stems that resemble a vocabulary stem, in order
     * @param similar what each of them resembles
     * @param inertStems how many other distinct stems the text has
     */
    private List<ModusOperandiMatch.Suggestion> score(List<String> textStems, List<List<StemHit>> similar,
            int inertStems, String crimeArea) {
        Map<String, Double> textWeights = new HashMap<>();
        double textWeight = 0;
        for (String stem : textStems) {
            double w = stemWeights.getOrDefault(stem, UNKNOWN_WORD_WEIGHT);
            textWeights.put(stem, w);
            textWeight += w;
        }
        textWeight += inertStems * UNKNOWN_WORD_WEIGHT; // never known stems: they would match themselves
        // For each vocabulary stem, the best similarity a word of the text reaches (the first word
        // that reaches it). Only codes with at least one such stem can score above zero.
        Map<String, StemHit> hits = new HashMap<>();
        for (List<StemHit> candidates : similar) {
            for (StemHit candidate : candidates) {
                StemHit best = hits.get(candidate.phraseStem());
                if (best == null || candidate.similarity() > best.similarity()) {
                    hits.put(candidate.phraseStem(), candidate);
                }
            }
        }
        Set<String> candidateCodes = new java.util.TreeSet<>();
        for (String stem : hits.keySet()) {
            candidateCodes.addAll(codesByStem.getOrDefault(stem, Set.of()));
        }
        List<ModusOperandiMatch.Suggestion> scores = new ArrayList<>();
        for (String code : candidateCodes) {
            if (!inArea(code, crimeArea)) {
                continue;
            }
            double bestPhrase = 0;
            Map<String, Double> explained = new HashMap<>();
            for (Phrase phrase : phrasesByCode.get(code)) {
                double found = 0;
                for (String stem : phrase.stems()) {
                    StemHit hit = hits.get(stem);
                    if (hit != null) {
                        found += hit.similarity() * stemWeights.get(stem);
                        explained.merge(hit.textStem(), hit.similarity(), Math::max);
                    }
                }
                bestPhrase = Math.max(bestPhrase, found / phrase.weight());
            }
            double textShare = 0;
            for (Map.Entry<String, Double> e : explained.entrySet()) {
                textShare += e.getValue() * textWeights.get(e.getKey());
            }
            double score = 0.65 * bestPhrase + 0.35 * (textShare / textWeight);
            if (score > 0) {
                scores.add(new ModusOperandiMatch.Suggestion(code, Math.round(score * 100) / 100.0));
            }
        }
        scores.sort(Comparator.comparingDouble(ModusOperandiMatch.Suggestion::score).reversed()
                .thenComparing(ModusOperandiMatch.Suggestion::code));
        return List.copyOf(scores);
    }

    /** A vocabulary stem that a word of the text resembles, and how much. */
    private record StemHit(String phraseStem, String textStem, double similarity) {
    }

    /**
     * The vocabulary stems a word of the text resembles with a similarity above zero. A known stem
     * matches only itself; an unknown word is compared with every vocabulary stem once and the
     * result kept, since case-level text repeats the same unknown words.
     */
    private List<StemHit> similarStems(String textStem) {
        if (knownStems.contains(textStem)) {
            return List.of(new StemHit(textStem, textStem, 1.0));
        }
        if (Character.isDigit(textStem.charAt(0))) {
            // A case number or a figure. Not cached: case numbers are unique and would crowd the
            // words that repeat out of the cache (and only a few vocabulary stems start with a digit).
            return digitStems ? compareWithVocabulary(textStem) : List.of();
        }
        return unknownWordHits.get(textStem, this::compareWithVocabulary);
    }

    /**
     * Looks only where {@link #similarity} can be above zero: the text stem's own prefixes of four
     * letters or more, and the stems that start with its first letter. Same result, in the same
     * (alphabetical) order, as comparing it with every vocabulary stem.
     */
    private List<StemHit> compareWithVocabulary(String textStem) {
        Set<String> similar = new java.util.TreeSet<>();
        for (int end = 4; end <= textStem.length(); end++) {
            String prefix = textStem.substring(0, end);
            if (knownStems.contains(prefix)) {
                similar.add(prefix);
            }
        }
        if (textStem.length() >= 5) {
            for (String phraseStem : typoCandidates.getOrDefault(textStem.charAt(0), List.of())) {
                if (!similar.contains(phraseStem) && similarity(textStem, phraseStem) > 0) {
                    similar.add(phraseStem);
                }
            }
        }
        List<StemHit> found = new ArrayList<>(similar.size());
        for (String phraseStem : similar) {
            found.add(new StemHit(phraseStem, textStem, similarity(textStem, phraseStem)));
        }
        return List.copyOf(found);
    }

    private boolean inArea(String code, String crimeArea) {
        if (crimeArea == null) {
            return true;
        }
        String area = areaByCode.getOrDefault(code, "");
        return area.equals(crimeArea) || area.equalsIgnoreCase("ANY");
    }

    /**
     * How much a word that is not a vocabulary stem resembles one (only such words are compared:
     * a known stem matches only itself, see {@link #similarStems}).
     */
    private double similarity(String textStem, String phraseStem) {
        if (phraseStem.length() >= 4 && textStem.startsWith(phraseStem)) {
            return 0.8; // a short word inflected: "taxi" in "taxiuri", "kombi" in "kombijima"
        }
        if (textStem.length() < 5 || phraseStem.length() < 5 || textStem.charAt(0) != phraseStem.charAt(0)) {
            return 0.0;
        }
        return JARO_WINKLER.apply(textStem, phraseStem) >= TYPO_SIMILARITY ? 0.8 : 0.0;
    }
}
