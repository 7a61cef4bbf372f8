package org.threatanalysis.reference;

import java.text.Normalizer;

import com.ibm.icu.text.Transliterator;

import org.springframework.util.function.SingletonSupplier;

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

    private static final BoundedCache<String, String> CACHE = new BoundedCache<>(20_000);
    /** Transliterated words: case-level text is mostly unique as a whole, but not word by word. */
    private static final BoundedCache<String, String> WORDS = new BoundedCache<>(50_000);
    /**
     * One transliterator for every thread, used under its lock: building one costs tens of
     * milliseconds and the import and registration start new threads, while transliterating is
     * rare (each distinct non-ASCII word once, see WORDS).
     */
    private static final SingletonSupplier<Transliterator> TO_LATIN_ASCII =
            SingletonSupplier.of(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    private TextFolding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        return CACHE.get(text, TextFolding::foldUncached);
    }

    private static String foldUncached(String text) {
        // Plain ASCII is already what normalisation and transliteration would make of it (and
        // most case-level text is), so it skips ICU, the costly part.
        String latin = isAscii(text) ? text : toLatin(text);
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

    /**
     * Normalises and transliterates word by word (words split at white space, which folding
     * turns into a single space anyway), each distinct word once: ICU costs far more than the
     * lookup.
     */
    private static String toLatin(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int length = text.length();
        int i = 0;
        while (i < length) {
            int start = i;
            while (i < length && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                String word = text.substring(start, i);
                out.append(isAscii(word) ? word : WORDS.get(word, TextFolding::transliterate));
            }
            if (i < length) {
                out.append(' ');
                while (i < length && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            }
        }
        return out.toString();
    }

    private static String transliterate(String word) {
        String normalised = Normalizer.normalize(word, Normalizer.Form.NFKC);
        Transliterator toLatinAscii = TO_LATIN_ASCII.obtain();
        synchronized (toLatinAscii) {
            return toLatinAscii.transliterate(normalised);
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
