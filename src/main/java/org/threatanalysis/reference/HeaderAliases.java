package org.threatanalysis.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.util.function.SingletonSupplier;

/**
 * The header labels that name each field of each sheet, from {@code header-aliases.tsv}: the
 * labels vary by language, case and punctuation, so they are configuration rather than code.
 */
public final class HeaderAliases {

    private final Map<String, Set<String>> fieldsPerSheet = new LinkedHashMap<>();
    /** Each sheet's aliases (the field itself first), folded on first use like the vocabularies. */
    private final Map<String, List<String[]>> aliasesPerSheet = new HashMap<>();
    private final SingletonSupplier<Map<String, Map<String, String>>> fieldByAliasPerSheet = SingletonSupplier.of(this::fold);

    /** Only while the reference data is built, before it is shared and looked up. */
    void add(String sheet, String field, Iterable<String> aliases) {
        String sheetKey = sheet.toLowerCase(Locale.ROOT);
        fieldsPerSheet.computeIfAbsent(sheetKey, key -> new LinkedHashSet<>()).add(field);
        List<String[]> sheetAliases = aliasesPerSheet.computeIfAbsent(sheetKey, key -> new ArrayList<>());
        sheetAliases.add(new String[] {field, field});
        for (String alias : aliases) {
            sheetAliases.add(new String[] {alias, field});
        }
    }

    private Map<String, Map<String, String>> fold() {
        Map<String, Map<String, String>> folded = new HashMap<>();
        aliasesPerSheet.forEach((sheet, aliases) -> {
            Map<String, String> byAlias = folded.computeIfAbsent(sheet, key -> new HashMap<>());
            for (String[] alias : aliases) {
                String key = TextFolding.fold(alias[0]);
                if (!key.isEmpty() || alias[0].equals(alias[1])) {
                    byAlias.put(key, alias[1]);
                }
            }
        });
        return folded;
    }

    /** The field a header label names on the given sheet, if it is a known alias. */
    public Optional<String> field(String sheet, String headerLabel) {
        Map<String, String> byAlias = fieldByAliasPerSheet.obtain().get(sheet.toLowerCase(Locale.ROOT));
        return byAlias == null ? Optional.empty() : Optional.ofNullable(byAlias.get(TextFolding.fold(headerLabel)));
    }

    public Set<String> fields(String sheet) {
        return fieldsPerSheet.getOrDefault(sheet.toLowerCase(Locale.ROOT), Set.of());
    }
}
