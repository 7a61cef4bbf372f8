package org.threatanalysis.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RomanianStemmer;
import org.tartarus.snowball.ext.SerbianStemmer;

/**
 * Light stemming of folded text for the scored matchers: stop words dropped, each remaining word
 * reduced to a stem that the inflected forms of the region's languages share ({@code kamionima},
 * {@code kamionu} and {@code kamion}; {@code Serbiei} and {@code Serbia}).
 *
 * <p>The language of a phrase is not known (submissions mix them within a sheet), so each word
 * goes through the Snowball stemmers for Serbian (which also serves Croatian and Bosnian),
 * Romanian and English, all shipped with Lucene, and the shortest result is kept, cut to
 * {@value #STEM_LENGTH} characters. Truncation is what makes Albanian, Bulgarian, Macedonian
 * and Greek (transliterated) words, for which no ASCII stemmer fits, meet their inflected forms.
 * Stop words come from Lucene's lists (English, Romanian, Bulgarian, Greek), folded, plus
 * {@code reference/stop-words.txt} for Serbian, Croatian, Bosnian, Albanian and Macedonian.
 *
 * <p>Thread-safe: the Snowball stemmers are stateful, so each thread has its own; results are cached.
 */
public final class TextStems {

    static final int STEM_LENGTH = 6;

    private static final Set<String> STOP_WORDS = loadStopWords();
    private static final BoundedCache<String, String> CACHE = new BoundedCache<>(50_000);
    private static final ThreadLocal<List<SnowballStemmer>> STEMMERS = ThreadLocal.withInitial(
            () -> List.of(new SerbianStemmer(), new RomanianStemmer(), new EnglishStemmer()));

    private TextStems() {
    }

    /** The stems of a text's words in order, stop words and one-letter words left out. */
    public static List<String> stems(String text) {
        return stemsOfFolded(TextFolding.fold(text));
    }

    public static List<String> stemsOfFolded(String folded) {
        List<String> stems = new ArrayList<>();
        if (folded.isEmpty()) {
            return stems;
        }
        for (String word : folded.split(" ")) {
            if (word.length() < 2 || STOP_WORDS.contains(word)) {
                continue;
            }
            stems.add(stem(word));
        }
        return stems;
    }

    public static boolean isStopWord(String foldedWord) {
        return STOP_WORDS.contains(foldedWord);
    }

    /** The stem of one folded word. */
    public static String stem(String word) {
        if (word.length() <= 4 || Character.isDigit(word.charAt(0))) {
            return word;
        }
        return CACHE.get(word, TextStems::stemUncached);
    }

    private static String stemUncached(String word) {
        String shortest = word;
        for (SnowballStemmer stemmer : STEMMERS.get()) {
            stemmer.setCurrent(word);
            stemmer.stem();
            String stem = stemmer.getCurrent();
            if (stem.length() >= 3 && stem.length() < shortest.length()) {
                shortest = stem;
            }
        }
        return shortest.length() > STEM_LENGTH ? shortest.substring(0, STEM_LENGTH) : shortest;
    }

    private static Set<String> loadStopWords() {
        Set<String> words = new HashSet<>();
        for (Supplier<CharArraySet> set : List.<Supplier<CharArraySet>>of(EnglishAnalyzer::getDefaultStopSet,
                RomanianAnalyzer::getDefaultStopSet, BulgarianAnalyzer::getDefaultStopSet, GreekAnalyzer::getDefaultStopSet)) {
            for (Object word : set.get()) {
                addFolded(words, word instanceof char[] chars ? new String(chars) : word.toString());
            }
        }
        try (InputStream in = TextStems.class.getClassLoader().getResourceAsStream("reference/stop-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("reference/stop-words.txt is missing from the classpath");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    for (String word : line.trim().split("\\s+")) {
                        addFolded(words, word);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }

    private static void addFolded(Set<String> words, String word) {
        String folded = TextFolding.fold(word);
        if (!folded.isEmpty() && !folded.contains(" ")) {
            words.add(folded);
        }
    }
}
