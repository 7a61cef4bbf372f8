package org.threatanalysis.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.function.SingletonSupplier;

/**
 * Phrases and the value each means, folded into a lookup on first use: folding the multilingual
 * phrasings (ICU) took most of a second of every start, and a night with nothing new to read, or
 * a status command, looks nothing up. A later phrase overrides an earlier one; a phrase that
 * folds to nothing is left out.
 */
final class FoldedLookup {

    private final List<String[]> phrases = new ArrayList<>();
    private final SingletonSupplier<Map<String, String>> byFoldedPhrase = SingletonSupplier.of(this::fold);

    /** Only while the reference data is built, before it is shared and looked up. */
    void add(String phrase, String value) {
        phrases.add(new String[] {phrase, value});
    }

    /** The value of a folded phrase, or {@code null}. */
    String get(String folded) {
        return byFoldedPhrase.obtain().get(folded);
    }

    Map<String, String> asMap() {
        return Collections.unmodifiableMap(byFoldedPhrase.obtain());
    }

    private Map<String, String> fold() {
        Map<String, String> folded = new HashMap<>();
        for (String[] phrase : phrases) {
            String key = TextFolding.fold(phrase[0]);
            if (!key.isEmpty()) {
                folded.put(key, phrase[1]);
            }
        }
        return folded;
    }
}
