package org.threatanalysis.reference;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A controlled list of codes, each with a label and the phrasings that mean it, looked up by
 * folded text. Later entries override earlier ones, which is how an analyst's reference
 * workbook extends the shipped defaults.
 */
public final class Vocabulary {

    /** One code of the list with its attributes (the reference file's other columns). */
    public record Entry(String code, String label, Map<String, String> attributes) {

        public String attribute(String name) {
            return attributes.getOrDefault(name, "");
        }
    }

    private final String name;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final FoldedLookup codeByFoldedPhrase = new FoldedLookup();

    Vocabulary(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    void add(Entry entry, Collection<String> phrasings) {
        entries.put(entry.code(), entry);
        addPhrase(entry.code(), entry.code());
        if (!entry.label().isBlank()) {
            addPhrase(entry.label(), entry.code());
        }
        for (String phrasing : phrasings) {
            addPhrase(phrasing, entry.code());
        }
    }

    /** Only while the reference data is built, before it is shared and looked up. */
    void addPhrase(String phrase, String code) {
        codeByFoldedPhrase.add(phrase, code);
    }

    /** The code whose phrasing, label or code equals the text after folding. */
    public Optional<String> lookup(String text) {
        return Optional.ofNullable(codeByFoldedPhrase.get(TextFolding.fold(text)));
    }

    public Optional<String> lookupFolded(String folded) {
        return Optional.ofNullable(codeByFoldedPhrase.get(folded));
    }

    public Optional<Entry> entry(String code) {
        return Optional.ofNullable(entries.get(code));
    }

    public boolean contains(String code) {
        return entries.containsKey(code);
    }

    public String label(String code) {
        Entry entry = entries.get(code);
        return entry == null ? code : entry.label();
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Folded phrase to code, for scored matchers that compare against every known phrasing. */
    public Map<String, String> foldedPhrases() {
        return codeByFoldedPhrase.asMap();
    }
}
