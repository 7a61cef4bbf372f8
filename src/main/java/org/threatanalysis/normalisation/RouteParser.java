package org.threatanalysis.normalisation;

/** Parses free-text routes; the seam for the full multilingual route engine. Thread-safe. */
public interface RouteParser {

    /**
     * @param text the route as submitted
     * @param transportColumn the Transport column as submitted, or {@code null}
     */
    ParsedRoute parse(String text, String transportColumn);
}
