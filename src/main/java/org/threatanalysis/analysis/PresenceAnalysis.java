package org.threatanalysis.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the year-by-year history of each modus operandi or route, region-wide and per member
 * state, from who reported what in which year and which years each state submitted.
 */
public final class PresenceAnalysis {

    private PresenceAnalysis() {
    }

    private record Key(String crimeArea, String key, String commodity) {
    }

    /**
     * @param coverage submitter to the years it submitted
     * @return region rows first, then one row per reporting state, sorted by crime area, key, commodity
     */
    public static List<PresenceRow> build(List<Sighting> sightings, Map<String, Set<Integer>> coverage, int from, int to) {
        Set<Integer> regionCovered = new HashSet<>();
        coverage.values().forEach(regionCovered::addAll);
        Map<Key, List<Sighting>> byKey = new TreeMap<>(Comparator.comparing(Key::crimeArea)
                .thenComparing(Key::key).thenComparing(k -> Objects.requireNonNullElse(k.commodity(), "")));
        for (Sighting sighting : sightings) {
            if (sighting.year() >= from && sighting.year() <= to) {
                byKey.computeIfAbsent(new Key(sighting.crimeArea(), sighting.key(), sighting.commodity()),
                        k -> new ArrayList<>()).add(sighting);
            }
        }
        List<PresenceRow> rows = new ArrayList<>();
        for (Map.Entry<Key, List<Sighting>> entry : byKey.entrySet()) {
            Key key = entry.getKey();
            rows.add(row(key, PresenceRow.REGION, entry.getValue(), regionCovered, from, to));
            Map<String, List<Sighting>> byState = new TreeMap<>();
            for (Sighting sighting : entry.getValue()) {
                byState.computeIfAbsent(sighting.submitter(), k -> new ArrayList<>()).add(sighting);
            }
            for (Map.Entry<String, List<Sighting>> state : byState.entrySet()) {
                rows.add(row(key, state.getKey(), state.getValue(),
                        coverage.getOrDefault(state.getKey(), Set.of()), from, to));
            }
        }
        return rows;
    }

    private static PresenceRow row(Key key, String scope, List<Sighting> sightings, Set<Integer> covered, int from, int to) {
        Map<Integer, Set<String>> states = new TreeMap<>();
        Map<String, Integer> trends = new HashMap<>();
        Set<Integer> reported = new TreeSet<>();
        for (Sighting sighting : sightings) {
            reported.add(sighting.year());
            states.computeIfAbsent(sighting.year(), y -> new HashSet<>()).add(sighting.submitter());
            if (sighting.trend() != null) {
                trends.merge(sighting.trend(), sighting.rows(), Integer::sum);
            }
        }
        Map<Integer, Integer> statesPerYear = new TreeMap<>();
        for (int year = from; year <= to; year++) {
            statesPerYear.put(year, states.getOrDefault(year, Set.of()).size());
        }
        return new PresenceRow(key.crimeArea(), key.key(), key.commodity(), scope,
                PresenceTimeline.statuses(reported, covered, from, to), statesPerYear, trends);
    }
}
