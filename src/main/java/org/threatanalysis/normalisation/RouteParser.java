package org.threatanalysis.normalisation;

/** Parses free-text routes; the seam for the full multilingual route engine. Thread-safe. */
public interface RouteParser {

    /**
     * @param text the route as submitted
     * @param transportColumn the Transport column as submitted, or {@code null}
     */
    ParsedRoute parse(String text, String transportColumn);

    /**
     * Parses a route of a known submitter (the ISO code of the member state or entity), for
     * codes whose meaning depends on who wrote them ({@code RS} in a Republika Srpska submission).
     */
    default ParsedRoute parse(String text, String transportColumn, String submitter) {
        return parse(text, transportColumn);
    }
}
