package org.threatanalysis.normalisation;

import java.util.List;

/**
 * A route as an ordered list of ISO country codes (consecutive duplicates collapsed), the places
 * named on the way, the transport mode, and the parts of the text that were not understood.
 */
public record ParsedRoute(List<String> countries, List<String> places, String transport, List<String> unknownParts) {

    public ParsedRoute {
        countries = List.copyOf(countries);
        places = List.copyOf(places);
        unknownParts = List.copyOf(unknownParts);
    }

    public String countrySequence() {
        return String.join(">", countries);
    }

    /** Why the route is a data-quality issue, or {@code null} when it is complete. */
    public String problem() {
        if (!unknownParts.isEmpty()) {
            return "unknown place" + (unknownParts.size() > 1 ? "s " : " ") + String.join(", ",
                    unknownParts.stream().map(p -> "'" + p + "'").toList());
        }
        if (countries.size() < 2) {
            return "a route needs at least two countries, found " + countries.size();
        }
        return null;
    }
}
