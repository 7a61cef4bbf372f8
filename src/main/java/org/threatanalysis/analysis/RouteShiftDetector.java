package org.threatanalysis.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds route shifts state by state: for each member state and each pair of consecutive years it
 * submitted, the routes it stopped reporting are paired with the routes it started reporting (same
 * crime area and commodity) by {@link RouteShiftMatcher}, best pair first, each route at most once.
 * Identical shifts reported by several states are merged into one, with the states listed.
 */
public final class RouteShiftDetector {

    private RouteShiftDetector() {
    }

    private record Group(String crimeArea, String commodity) {
    }

    private record ShiftKey(String crimeArea, String commodity, int fromYear, int toYear, String before, String after) {
    }

    public static List<RouteShift> detect(List<Sighting> routes, Map<String, Set<Integer>> coverage) {
        Map<String, Map<Integer, Map<String, Sighting>>> byStateYear = new TreeMap<>();
        for (Sighting route : routes) {
            byStateYear.computeIfAbsent(route.submitter(), k -> new TreeMap<>())
                    .computeIfAbsent(route.year(), k -> new TreeMap<>())
                    .putIfAbsent(route.crimeArea() + "|" + Objects.requireNonNullElse(route.commodity(), "") + "|"
                            + route.key(), route);
        }
        Map<ShiftKey, List<String>> statesByShift = new LinkedHashMap<>();
        Map<ShiftKey, String[]> transports = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Integer, Map<String, Sighting>>> state : byStateYear.entrySet()) {
            Set<Integer> years = new TreeSet<>(coverage.getOrDefault(state.getKey(), Set.of()));
            years.addAll(state.getValue().keySet());
            for (int year : years) {
                if (!years.contains(year + 1)) {
                    continue;
                }
                Map<String, Sighting> before = state.getValue().getOrDefault(year, Map.of());
                Map<String, Sighting> after = state.getValue().getOrDefault(year + 1, Map.of());
                for (Pair pair : pairs(before, after)) {
                    ShiftKey key = new ShiftKey(pair.before.crimeArea(), pair.before.commodity(), year, year + 1,
                            pair.before.key(), pair.after.key());
                    statesByShift.computeIfAbsent(key, k -> new ArrayList<>()).add(state.getKey());
                    transports.putIfAbsent(key, new String[] {pair.before.transport(), pair.after.transport()});
                }
            }
        }
        List<RouteShift> shifts = new ArrayList<>();
        for (Map.Entry<ShiftKey, List<String>> entry : statesByShift.entrySet()) {
            ShiftKey key = entry.getKey();
            String[] transport = transports.get(key);
            shifts.add(RouteShiftMatcher.shift(key.crimeArea(), key.commodity(), key.fromYear(), key.toYear(),
                    sequence(key.before()), sequence(key.after()), transport[0], transport[1], entry.getValue()));
        }
        shifts.sort(Comparator.comparing(RouteShift::crimeArea).thenComparingInt(RouteShift::fromYear)
                .thenComparing(s -> -s.states().size()).thenComparing(RouteShift::beforeSequence)
                .thenComparing(RouteShift::afterSequence));
        return shifts;
    }

    private record Pair(Sighting before, Sighting after, double score) {
    }

    private static List<Pair> pairs(Map<String, Sighting> before, Map<String, Sighting> after) {
        List<Pair> candidates = new ArrayList<>();
        for (Map.Entry<String, Sighting> ended : before.entrySet()) {
            if (after.containsKey(ended.getKey())) {
                continue;
            }
            for (Map.Entry<String, Sighting> started : after.entrySet()) {
                if (before.containsKey(started.getKey())) {
                    continue;
                }
                Sighting a = ended.getValue();
                Sighting b = started.getValue();
                if (!a.crimeArea().equals(b.crimeArea()) || !Objects.equals(a.commodity(), b.commodity())) {
                    continue;
                }
                double score = RouteShiftMatcher.score(sequence(a.key()), sequence(b.key()));
                if (score > 0) {
                    candidates.add(new Pair(a, b, score));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Pair::score).reversed()
                .thenComparing(p -> p.before().key()).thenComparing(p -> p.after().key()));
        Set<Sighting> used = new HashSet<>();
        List<Pair> chosen = new ArrayList<>();
        for (Pair pair : candidates) {
            if (!used.contains(pair.before()) && !used.contains(pair.after())) {
                used.add(pair.before());
                used.add(pair.after());
                chosen.add(pair);
            }
        }
        return chosen;
    }

    static List<String> sequence(String countries) {
        return countries == null || countries.isEmpty() ? List.of() : Arrays.asList(countries.split(">"));
    }
}
