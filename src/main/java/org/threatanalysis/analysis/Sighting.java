package org.threatanalysis.analysis;

/**
 * One member state reporting a modus operandi or a route in one year.
 *
 * @param key MO code, or the route's country sequence
 * @param commodity for routes: what moves on it; {@code null} for modus operandi
 * @param trend the trend the state gave, or {@code null}
 * @param transport for routes: the transport mode, or {@code null}
 */
public record Sighting(String crimeArea, String key, String commodity, String submitter, int year, String trend,
        String transport) {
}
