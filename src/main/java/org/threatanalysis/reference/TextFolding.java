package org.threatanalysis.reference;

import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.Transliterator;

/**
 * Folds text to the key every matcher compares: Unicode-normalised, Cyrillic and Greek
 * transliterated to Latin, diacritics removed (Romanian cedilla and comma-below alike), lower
 * case, and every run of characters that are not letters or digits turned into one space.
 * ICU's transliterators do the script and accent work, so there is no hand-kept letter table.
 *
 * <p>Thread-safe; results are cached per distinct text because submissions repeat the same
 * phrases thousands of times.
 */
public final class TextFolding {

    private static final int CACHE_LIMIT = 200_000;
    private static final ThreadLocal<Transliterator> TO_LATIN_ASCII = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private TextFolding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String cached = CACHE.get(text);
        if (cached != null) {
            return cached;
        }
        String folded = foldUncached(text);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(text, folded);
        }
        return folded;
    }

    private static String foldUncached(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String latin = TO_LATIN_ASCII.get().transliterate(normalised);
        StringBuilder out = new StringBuilder(latin.length());
        boolean pendingSpace = false;
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(Character.toLowerCase(c));
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }
}
