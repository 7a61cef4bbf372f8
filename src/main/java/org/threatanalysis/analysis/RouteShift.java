package org.threatanalysis.analysis;

import java.util.List;

/**
 * A route that changed from one year to the next: the countries dropped and added, entry and
 * exit points moved, transport changed, and which member states reported it.
 *
 * @param entryPoint "BG→RS" when the first transit country changed, otherwise {@code null}
 * @param exitPoint "HU→SI" when the last transit country changed, otherwise {@code null}
 */
public record RouteShift(String crimeArea, String commodity, int fromYear, int toYear, List<String> before,
        List<String> after, List<String> removed, List<String> added, String entryPoint, String exitPoint,
        String transportBefore, String transportAfter, List<String> states) {

    public RouteShift {
        before = List.copyOf(before);
        after = List.copyOf(after);
        removed = List.copyOf(removed);
        added = List.copyOf(added);
        states = List.copyOf(states);
    }

    /** The change in the analysts' shorthand: {@code −HU +BA +HR +SI}. */
    public String countryChange() {
        StringBuilder s = new StringBuilder();
        for (String country : removed) {
            s.append(s.length() == 0 ? "" : " ").append('\u2212').append(country);
        }
        for (String country : added) {
            s.append(s.length() == 0 ? "" : " ").append('+').append(country);
        }
        return s.toString();
    }

    public String describe() {
        StringBuilder s = new StringBuilder(countryChange());
        if (entryPoint != null) {
            s.append(s.length() == 0 ? "" : "; ").append("entry point moved ").append(entryPoint);
        }
        if (exitPoint != null) {
            s.append(s.length() == 0 ? "" : "; ").append("exit point moved ").append(exitPoint);
        }
        if (transportChanged()) {
            s.append(s.length() == 0 ? "" : "; ").append("transport ").append(transportBefore).append('\u2192')
                    .append(transportAfter);
        }
        return s.toString();
    }

    public boolean transportChanged() {
        return transportBefore != null && transportAfter != null && !transportBefore.equals(transportAfter);
    }

    public String beforeSequence() {
        return String.join(">", before);
    }

    public String afterSequence() {
        return String.join(">", after);
    }
}
