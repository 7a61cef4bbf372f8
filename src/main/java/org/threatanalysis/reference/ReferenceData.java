package org.threatanalysis.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.util.function.SingletonSupplier;

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
    /** Row markers and route words, folded on first use like the vocabularies' phrases. */
    private final TsvTable markerRows;
    private final TsvTable routeWordRows;
    private final List<String> fillerDecisions = new ArrayList<>();
    private final SingletonSupplier<Folded> folded = SingletonSupplier.of(this::fold);
    private final String fingerprint;
    private final String importFingerprint;
    private final String description;
    private final Decisions decisions;

    private ReferenceData(Map<String, TsvTable> tables, List<Decisions.Decision> decisionList, String description) {
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
        this.markerRows = tables.get("row-markers.tsv");
        this.routeWordRows = tables.get("route-words.tsv");
        // Analyst's decisions on unknown places: a country code adds the place to the gazetteer,
        // "none" makes the word a filler that route parsing drops.
        for (Decisions.Decision decision : decisionList) {
            if (!Decisions.PLACE.equals(decision.kind())) {
                continue;
            }
            if (Decisions.NONE.equals(decision.value())) {
                fillerDecisions.add(decision.foldedText());
            } else {
                String country = countries.lookup(decision.value()).orElse(null);
                if (country != null) {
                    places.add(new Vocabulary.Entry(decision.foldedText(), decision.foldedText(),
                            Map.of("place", decision.foldedText(), "country", country, "kind", "analyst decision")),
                            List.of(decision.foldedText()));
                }
            }
        }
        this.decisions = new Decisions(decisionList);
        this.fingerprint = fingerprint(tables, decisionList);
        this.importFingerprint = importFingerprint(tables, modusOperandi);
        this.description = description + " (reference data " + fingerprint + ")";
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

    /**
     * The defaults shipped on the classpath under {@code reference/}, loaded once per process:
     * they never change while it runs, and their multilingual phrasings, folded (ICU) on first
     * lookup, are then folded once.
     */
    public static ReferenceData loadDefaults() {
        return ShippedDefaults.REFERENCE;
    }

    /** Loaded on first use; immutable once built, so shared by every run and thread. */
    private static final class ShippedDefaults {
        static final ReferenceData REFERENCE = new ReferenceData(defaultTables(), List.of(), "shipped defaults");
    }

    /**
     * Loads the defaults and applies the analyst's reference workbooks over them, in order: their
     * rows are added after the shipped ones (a phrasing given again for another code moves to it,
     * a code given again gets the new label and attributes), and their Review decisions apply.
     */
    public static ReferenceData load(List<ReferenceWorkbook> workbooks) {
        if (workbooks.isEmpty()) {
            return loadDefaults();
        }
        Map<String, TsvTable> tables = new LinkedHashMap<>(defaultTables());
        List<Decisions.Decision> decisions = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (ReferenceWorkbook workbook : workbooks) {
            List<String> added = new ArrayList<>();
            for (Map.Entry<String, List<Map<String, String>>> table : workbook.tables().entrySet()) {
                tables.put(table.getKey(), tables.get(table.getKey()).plus(table.getValue(), workbook.name()));
                added.add(table.getKey().replace(".tsv", "") + " +" + table.getValue().size());
            }
            if (!workbook.decisions().isEmpty()) {
                added.add(workbook.decisions().size() + " review decisions");
            }
            decisions.addAll(workbook.decisions());
            parts.add(workbook.name() + (added.isEmpty() ? " (nothing to apply)" : " (" + String.join(", ", added) + ")"));
        }
        return new ReferenceData(tables, decisions, "shipped defaults + " + String.join(" + ", parts));
    }

    /** The column names of each reference file, first the key column, for reference workbooks. */
    public static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        defaultTables().forEach((file, table) -> columns.put(file, table.columns()));
        return columns;
    }

    private static volatile Map<String, TsvTable> defaults;

    private static Map<String, TsvTable> defaultTables() {
        Map<String, TsvTable> loaded = defaults;
        if (loaded == null) {
            loaded = readDefaultTables();
            defaults = loaded;
        }
        return loaded;
    }

    private static Map<String, TsvTable> readDefaultTables() {
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
        // Keeps the file order: Map.copyOf's iteration order differs from one JVM to the next, and
        // the fingerprint is computed in this order.
        return java.util.Collections.unmodifiableMap(tables);
    }

    /** Tables whose effect on staged rows the normaliseStaged step recomputes in full (see {@link #importFingerprint()}). */
    private static final Set<String> RENORMALISED_TABLES = Set.of("countries.tsv", "places.tsv", "route-words.tsv",
            "reporting-entities.tsv", "modus-operandi.tsv");

    private static String importFingerprint(Map<String, TsvTable> tables, Vocabulary modusOperandi) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, TsvTable> table : tables.entrySet()) {
                if (!RENORMALISED_TABLES.contains(table.getKey())) {
                    digest.update(table.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest.update(table.getValue().content());
                }
            }
            // Of the MO list only the codes decide at import ("Unknown MO code" findings); phrases are re-matched.
            digest.update(modusOperandi.entries().stream().map(Vocabulary.Entry::code).sorted()
                    .collect(java.util.stream.Collectors.joining("\t")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprint(Map<String, TsvTable> tables, List<Decisions.Decision> decisions) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (TsvTable table : tables.values()) {
                digest.update(table.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(table.content());
            }
            for (Decisions.Decision d : decisions) {
                digest.update(String.join("\t", d.kind(), String.valueOf(d.crimeArea()), d.foldedText(), d.value(), "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
        return folded.obtain().markers().getOrDefault(kind, Set.of());
    }

    /** Folded route words of a kind ({@code via}, {@code from}, {@code to}, {@code filler}, {@code mode-sea} ...). */
    public Map<String, Set<String>> routeWords() {
        return folded.obtain().routeWords();
    }

    private record Folded(Map<String, Set<String>> markers, Map<String, Set<String>> routeWords) {
    }

    private Folded fold() {
        Map<String, Set<String>> markers = new HashMap<>();
        for (Map<String, String> row : markerRows.rows()) {
            Set<String> set = markers.computeIfAbsent(row.get("kind"), key -> new HashSet<>());
            for (String phrase : TsvTable.alternatives(row.get("phrasings"))) {
                set.add(phrase.toLowerCase(Locale.ROOT));
                String folded = TextFolding.fold(phrase);
                if (!folded.isEmpty()) {
                    set.add(folded);
                }
            }
        }
        Map<String, Set<String>> routeWords = new LinkedHashMap<>();
        for (Map<String, String> row : routeWordRows.rows()) {
            Set<String> set = routeWords.computeIfAbsent(row.get("kind"), key -> new HashSet<>());
            for (String phrase : TsvTable.alternatives(row.get("phrasings"))) {
                String folded = TextFolding.fold(phrase);
                if (!folded.isEmpty()) {
                    set.add(folded);
                }
            }
        }
        // Analyst's decisions: "none" for an unknown place makes the word a filler that route parsing drops.
        if (!fillerDecisions.isEmpty()) {
            routeWords.computeIfAbsent("filler", key -> new HashSet<>()).addAll(fillerDecisions);
        }
        return new Folded(markers, routeWords);
    }

    /**
     * A short hash of the reference data this run used: every shipped file's content, the rows
     * of the analyst's reference workbooks and the review decisions. Shown in the workbook.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * A short hash of the part of the reference data whose effect on the staged rows the
     * {@code normaliseStaged} step cannot recompute from staging: what decides, while a workbook
     * is read, which columns are read, which rows are rejected or passed over, and which findings
     * are made (crime areas, indicators, commodities, units, trends, transport modes, header
     * aliases, row markers, the MO codes). Countries, places, route words, MO phrases and the
     * analyst's decisions are not in it: staged rows are re-normalised with them. Staged rows of
     * an unchanged file can be reused by a later run only when this fingerprint is unchanged.
     */
    public String importFingerprint() {
        return importFingerprint;
    }

    /** One line for people: where the reference data came from, with the fingerprint. */
    public String description() {
        return description;
    }

    /** The analyst's decisions from Review sheets put back into the input folder. */
    public Decisions decisions() {
        return decisions;
    }
}
