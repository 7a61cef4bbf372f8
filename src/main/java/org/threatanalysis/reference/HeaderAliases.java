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

    private final Map<String, Map<String, String>> fieldByAliasPerSheet = new HashMap<>();
    private final Map<String, Set<String>> fieldsPerSheet = new LinkedHashMap<>();

    void add(String sheet, String field, Iterable<String> aliases) {
        String sheetKey = sheet.toLowerCase(Locale.ROOT);
        Map<String, String> byAlias = fieldByAliasPerSheet.computeIfAbsent(sheetKey, key -> new HashMap<>());
        fieldsPerSheet.computeIfAbsent(sheetKey, key -> new LinkedHashSet<>()).add(field);
        byAlias.put(TextFolding.fold(field), field);
        for (String alias : aliases) {
            String folded = TextFolding.fold(alias);
            if (!folded.isEmpty()) {
                byAlias.put(folded, field);
            }
        }
    }

    /** The field a header label names on the given sheet, if it is a known alias. */
    public Optional<String> field(String sheet, String headerLabel) {
        Map<String, String> byAlias = fieldByAliasPerSheet.get(sheet.toLowerCase(Locale.ROOT));
        return byAlias == null ? Optional.empty() : Optional.ofNullable(byAlias.get(TextFolding.fold(headerLabel)));
    }

    public Set<String> fields(String sheet) {
        return fieldsPerSheet.getOrDefault(sheet.toLowerCase(Locale.ROOT), Set.of());
    }
}
