package org.threatanalysis.normalisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.threatanalysis.reference.ReferenceData;
import org.threatanalysis.reference.TextFolding;

/**
 * Splits route text on the separators people use (arrows, dashes, slashes, commas, brackets)
 * and on connecting words in the region's languages ({@code via}, {@code preko}, {@code prin},
 * {@code from ... to ...}), then resolves each part to a country. Transport mode comes from the
 * Transport column, else from phrases in the text ({@code by boat}).
 */
public final class SeparatorRouteParser implements RouteParser {

    private static final Pattern STRONG_SEPARATORS =
            Pattern.compile("\\s*(?:->|=>|→|⇒|➔|⟶|>|–|—|―|\\s-\\s|/|\\\\|,|;|\\+|\\(|\\)|\\[|\\]|\\|)\\s*");
    private static final Pattern HYPHEN = Pattern.compile("-");
    private static final Pattern BRACKETS = Pattern.compile("[(\\[]([^)\\]]*)[)\\]]");

    // Cover loads named in route text that are not seized commodities.
    private static final Set<String> COMMODITY_WORDS = Set.of("banana", "bananas", "banane", "bananama", "fruit",
            "goods", "cargo", "marfa", "roba", "migrants", "migranti", "victims", "victime", "zrtve");

    private final org.threatanalysis.reference.BoundedCache<String, ParsedRoute> cache =
            new org.threatanalysis.reference.BoundedCache<>(20_000);
    private final CountryResolver countries;
    private final ReferenceData reference;
    private final Set<String> connectors;
    private final Set<String> fillers;
    private final List<String> modePhrases;

    public SeparatorRouteParser(ReferenceData reference, CountryResolver countries) {
        this.reference = reference;
        this.countries = countries;
        Map<String, Set<String>> words = reference.routeWords();
        this.connectors = new java.util.HashSet<>();
        for (String kind : List.of("via", "from", "to", "and")) {
            connectors.addAll(words.getOrDefault(kind, Set.of()));
        }
        this.fillers = words.getOrDefault("filler", Set.of());
        // Longest first, so that "by speedboat" goes before "by".
        this.modePhrases = words.entrySet().stream().filter(e -> e.getKey().startsWith("mode-"))
                .flatMap(e -> e.getValue().stream())
                .sorted(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
                .toList();
    }

    private static final Pattern BARE_RS = Pattern.compile("(?<![\\p{L}])RS(?![\\p{L}])");

    /**
     * In a Republika Srpska ({@code BA-SRP}) submission a bare {@code RS} may mean the entity
     * rather than Serbia. It is read as Serbia when the route also names Bosnia and Herzegovina
     * (the entity lies inside it, so a route through it would say BA), otherwise as the entity,
     * i.e. {@code BA}; either way the reading is recorded among the places.
     */
    @Override
    public ParsedRoute parse(String text, String transportColumn, String submitter) {
        ParsedRoute parsed = parse(text, transportColumn);
        if (!"BA-SRP".equals(submitter) || text == null || !BARE_RS.matcher(text).find()
                || !parsed.countries().contains("RS")) {
            return parsed;
        }
        List<String> places = new ArrayList<>(parsed.places());
        if (parsed.countries().contains("BA")) {
            places.add("RS read as Serbia (BA-SRP submission; the route names BA)");
            return new ParsedRoute(parsed.countries(), places, parsed.transport(), parsed.unknownParts());
        }
        List<String> countries = new ArrayList<>();
        for (String code : parsed.countries()) {
            String mapped = code.equals("RS") ? "BA" : code;
            if (countries.isEmpty() || !countries.get(countries.size() - 1).equals(mapped)) {
                countries.add(mapped);
            }
        }
        places.add("RS read as Republika Srpska, BA (BA-SRP submission)");
        return new ParsedRoute(countries, places, parsed.transport(), parsed.unknownParts());
    }

    @Override
    public ParsedRoute parse(String text, String transportColumn) {
        // The same route text recurs in every year and every file: parse each distinct one once.
        String key = text + '\u0000' + transportColumn;
        return cache.get(key, k -> parseUncached(text, transportColumn));
    }

    private ParsedRoute parseUncached(String text, String transportColumn) {
        String transport = transportColumn == null || transportColumn.isBlank() ? null
                : reference.transportModes().lookup(transportColumn).orElse(null);
        String remaining = text == null ? "" : text;
        String folded = " " + TextFolding.fold(remaining) + " ";
        for (Map.Entry<String, Set<String>> kind : reference.routeWords().entrySet()) {
            if (!kind.getKey().startsWith("mode-")) {
                continue;
            }
            for (String phrase : kind.getValue()) {
                if (folded.contains(" " + phrase + " ")) {
                    if (transport == null) {
                        transport = modeCode(kind.getKey());
                    }
                }
            }
        }
        List<String> codes = new ArrayList<>();
        List<String> places = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        // Text in brackets qualifies what precedes it ("BiH (Bihać, V. Kladuša)", "Mađarska (Horgoš)",
        // "Bar (ME)"): its places are kept, but it adds no country to the sequence unless nothing precedes.
        java.util.regex.Matcher bracket = BRACKETS.matcher(remaining);
        int position = 0;
        while (bracket.find()) {
            resolveText(remaining.substring(position, bracket.start()), codes, places, unknown);
            List<String> qualifierCodes = new ArrayList<>();
            resolveText(bracket.group(1), qualifierCodes, places, unknown);
            if (codes.isEmpty()) {
                codes.addAll(qualifierCodes);
            }
            position = bracket.end();
        }
        resolveText(remaining.substring(position), codes, places, unknown);
        List<String> collapsed = new ArrayList<>();
        for (String code : codes) {
            if (collapsed.isEmpty() || !collapsed.get(collapsed.size() - 1).equals(code)) {
                collapsed.add(code);
            }
        }
        return new ParsedRoute(collapsed, places, transport, unknown);
    }

    private void resolveText(String text, List<String> codes, List<String> places, List<String> unknown) {
        for (String segment : STRONG_SEPARATORS.split(text)) {
            if (!segment.isBlank()) {
                resolveSegment(segment.strip(), codes, places, unknown);
            }
        }
    }

    private static String modeCode(String kind) {
        return switch (kind) {
            case "mode-sea" -> "sea";
            case "mode-air" -> "air";
            case "mode-rail" -> "rail";
            case "mode-foot" -> "on-foot";
            case "mode-road" -> "road";
            case "mode-river" -> "river";
            default -> null;
        };
    }

    private void resolveSegment(String segment, List<String> codes, List<String> places, List<String> unknown) {
        if (resolveInto(segment, codes, places)) {
            return;
        }
        // A hyphen without spaces joins names ("Bosnia-Herzegovina") as often as it separates them.
        String[] hyphenParts = HYPHEN.split(segment);
        if (hyphenParts.length > 1) {
            List<String> partCodes = new ArrayList<>();
            List<String> partPlaces = new ArrayList<>();
            boolean all = true;
            for (String part : hyphenParts) {
                all &= !part.isBlank() && resolveInto(part, partCodes, partPlaces);
            }
            if (all) {
                codes.addAll(partCodes);
                places.addAll(partPlaces);
                return;
            }
        }
        // Split on connecting words, then drop filler and transport words, and resolve each group.
        String[] words = TextFolding.fold(segment).split(" ");
        List<String> group = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        for (String word : words) {
            if (connectors.contains(word)) {
                groups.add(group);
                group = new ArrayList<>();
            } else {
                group.add(word);
            }
        }
        groups.add(group);
        for (List<String> g : groups) {
            resolveWords(g, codes, places, unknown);
        }
    }

    private void resolveWords(List<String> words, List<String> codes, List<String> places, List<String> unknown) {
        String joined = " " + String.join(" ", words) + " ";
        for (String phrase : modePhrases) {
            joined = joined.replace(" " + phrase + " ", " ");
        }
        List<String> kept = new ArrayList<>();
        for (String word : joined.trim().split(" ")) {
            if (!word.isEmpty() && !fillers.contains(word)) {
                kept.add(word);
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        String phrase = String.join(" ", kept);
        if (resolveInto(phrase, codes, places)) {
            return;
        }
        // Longest known name first, left to right: "north macedonia serbia" -> MK, RS.
        int start = 0;
        while (start < kept.size()) {
            int end = kept.size();
            boolean found = false;
            for (; end > start; end--) {
                if (resolveInto(String.join(" ", kept.subList(start, end)), codes, places)) {
                    found = true;
                    break;
                }
            }
            if (found) {
                start = end;
            } else {
                // What moves on the route ("bananas", "cocaine") is not a place: passed over.
                String word = kept.get(start);
                if (reference.commodities().lookupFolded(word).isEmpty() && !COMMODITY_WORDS.contains(word)) {
                    unknown.add(word);
                }
                start++;
            }
        }
    }

    private boolean resolveInto(String text, List<String> codes, List<String> places) {
        Optional<CountryResolver.Resolution> resolution = countries.resolve(text);
        if (resolution.isEmpty()) {
            return false;
        }
        codes.add(resolution.get().countryCode());
        if (resolution.get().place() != null) {
            places.add(resolution.get().place());
        }
        return true;
    }
}
