package org.threatanalysis.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The reference vocabularies the job normalises with: crime areas, indicators, commodities,
 * units, countries, reporting entities, places, the modus-operandi vocabulary, header aliases,
 * trends, transport modes, row markers and route words. Each is a tab-separated file under
 * {@code reference/} on the classpath; the fingerprint identifies exactly which data a run used.
 *
 * <p>Immutable once loaded and safe to share between threads.
 */
public final class ReferenceData {

    static final List<String> FILES = List.of("crime-areas.tsv", "indicators.tsv", "commodities.tsv",
            "units.tsv", "countries.tsv", "reporting-entities.tsv", "places.tsv", "modus-operandi.tsv",
            "header-aliases.tsv", "trends.tsv", "transport-modes.tsv", "row-markers.tsv", "route-words.tsv");

    private final Vocabulary crimeAreas = new Vocabulary("crime areas");
    private final Vocabulary indicators = new Vocabulary("indicators");
    private final Vocabulary commodities = new Vocabulary("commodities");
    private final Vocabulary units = new Vocabulary("units");
    private final Vocabulary countries = new Vocabulary("countries");
    private final Vocabulary reportingEntities = new Vocabulary("reporting entities");
    private final Vocabulary places = new Vocabulary("places");
    private final Vocabulary modusOperandi = new Vocabulary("modus operandi");
    private final Vocabulary trends = new Vocabulary("trends");
    private final Vocabulary transportModes = new Vocabulary("transport modes");
    private final HeaderAliases headerAliases = new HeaderAliases();
    private final Map<String, Set<String>> markers = new HashMap<>();
    private final Map<String, Set<String>> routeWords = new LinkedHashMap<>();
    private final String fingerprint;

    private ReferenceData(Map<String, TsvTable> tables) {
        load(crimeAreas, tables.get("crime-areas.tsv"), "code", "label");
        load(indicators, tables.get("indicators.tsv"), "code", "label");
        load(commodities, tables.get("commodities.tsv"), "code", "label");
        load(units, tables.get("units.tsv"), "code", "code");
        load(countries, tables.get("countries.tsv"), "code", "name");
        load(reportingEntities, tables.get("reporting-entities.tsv"), "code", "name");
        load(places, tables.get("places.tsv"), "place", "place");
        load(modusOperandi, tables.get("modus-operandi.tsv"), "code", "label");
        load(trends, tables.get("trends.tsv"), "code", "code");
        load(transportModes, tables.get("transport-modes.tsv"), "code", "code");
        for (Map<String, String> row : tables.get("header-aliases.tsv").rows()) {
            headerAliases.add(row.get("sheet"), row.get("field"), TsvTable.alternatives(row.get("aliases")));
        }
        for (Map<String, String> row : tables.get("row-markers.tsv").rows()) {
            Set<String> set = markers.computeIfAbsent(row.get("kind"), key -> new HashSet<>());
            for (String phrase : TsvTable.alternatives(row.get("phrasings"))) {
                set.add(phrase.toLowerCase(Locale.ROOT));
                String folded = TextFolding.fold(phrase);
                if (!folded.isEmpty()) {
                    set.add(folded);
                }
            }
        }
        for (Map<String, String> row : tables.get("route-words.tsv").rows()) {
            Set<String> set = routeWords.computeIfAbsent(row.get("kind"), key -> new HashSet<>());
            for (String phrase : TsvTable.alternatives(row.get("phrasings"))) {
                String folded = TextFolding.fold(phrase);
                if (!folded.isEmpty()) {
                    set.add(folded);
                }
            }
        }
        this.fingerprint = fingerprint(tables);
    }

    private static void load(Vocabulary vocabulary, TsvTable table, String codeColumn, String labelColumn) {
        for (Map<String, String> row : table.rows()) {
            String code = row.get(codeColumn);
            if (code == null || code.isBlank()) {
                continue;
            }
            vocabulary.add(new Vocabulary.Entry(code, row.getOrDefault(labelColumn, code), Map.copyOf(row)),
                    TsvTable.alternatives(row.get("phrasings")));
        }
    }

    /** Loads the defaults shipped on the classpath under {@code reference/}. */
    public static ReferenceData loadDefaults() {
        Map<String, TsvTable> tables = new LinkedHashMap<>();
        for (String file : FILES) {
            String resource = "reference/" + file;
            try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Reference file " + resource + " is missing from the classpath");
                }
                tables.put(file, TsvTable.read(file, in));
            } catch (IOException e) {
                throw new UncheckedIOException("Reference file " + resource + " cannot be read", e);
            }
        }
        return new ReferenceData(tables);
    }

    private static String fingerprint(Map<String, TsvTable> tables) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (TsvTable table : tables.values()) {
                digest.update(table.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(table.content());
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Vocabulary crimeAreas() { return crimeAreas; }

    public Vocabulary indicators() { return indicators; }

    public Vocabulary commodities() { return commodities; }

    public Vocabulary units() { return units; }

    public Vocabulary countries() { return countries; }

    public Vocabulary reportingEntities() { return reportingEntities; }

    public Vocabulary places() { return places; }

    public Vocabulary modusOperandi() { return modusOperandi; }

    public Vocabulary trends() { return trends; }

    public Vocabulary transportModes() { return transportModes; }

    public HeaderAliases headerAliases() { return headerAliases; }

    /** Row markers of a kind ({@code total}, {@code suppressed}), both raw lower-case and folded. */
    public Set<String> markers(String kind) {
        return markers.getOrDefault(kind, Set.of());
    }

    /** Folded route words of a kind ({@code via}, {@code from}, {@code to}, {@code filler}, {@code mode-sea} ...). */
    public Map<String, Set<String>> routeWords() {
        return routeWords;
    }

    /** A short hash of every reference file's content, shown in the workbook. */
    public String fingerprint() {
        return fingerprint;
    }
}
