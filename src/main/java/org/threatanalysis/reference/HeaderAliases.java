package org.threatanalysis.reference;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The header labels that name each field of each sheet, from {@code header-aliases.tsv}: the
 * labels vary by language, case and punctuation, so they are configuration rather than code.
 */
public final class HeaderAliases {

    private final Map<String, Set<String>> fieldsPerSheet = new LinkedHashMap<>();
    /** Each sheet's aliases (the field itself first), folded on first use like the vocabularies. */
    private final Map<String, FoldedLookup> fieldByAliasPerSheet = new HashMap<>();

    /** Only while the reference data is built, before it is shared and looked up. */
    void add(String sheet, String field, Iterable<String> aliases) {
        String sheetKey = sheet.toLowerCase(Locale.ROOT);
        fieldsPerSheet.computeIfAbsent(sheetKey, key -> new LinkedHashSet<>()).add(field);
        FoldedLookup byAlias = fieldByAliasPerSheet.computeIfAbsent(sheetKey, key -> new FoldedLookup());
        byAlias.add(field, field);
        for (String alias : aliases) {
            byAlias.add(alias, field);
        }
    }

    /** The field a header label names on the given sheet, if it is a known alias. */
    public Optional<String> field(String sheet, String headerLabel) {
        FoldedLookup byAlias = fieldByAliasPerSheet.get(sheet.toLowerCase(Locale.ROOT));
        return byAlias == null ? Optional.empty() : Optional.ofNullable(byAlias.get(TextFolding.fold(headerLabel)));
    }

    public Set<String> fields(String sheet) {
        return fieldsPerSheet.getOrDefault(sheet.toLowerCase(Locale.ROOT), Set.of());
    }
}
