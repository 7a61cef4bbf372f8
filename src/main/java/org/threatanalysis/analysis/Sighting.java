package org.threatanalysis.analysis;

/**
 * One member state reporting a modus operandi or a route in one year.
 *
 * @param key MO code, or the route's country sequence
 * @param commodity for routes: what moves on it; {@code null} for modus operandi
 * @param trend the trend the state gave, or {@code null}
 * @param transport for routes: the transport mode, or {@code null}
 * @param rows how many staged rows say the same (they are read grouped, not one by one)
 */
public record Sighting(String crimeArea, String key, String commodity, String submitter, int year, String trend,
        String transport, int rows) {

    public Sighting(String crimeArea, String key, String commodity, String submitter, int year, String trend,
            String transport) {
        this(crimeArea, key, commodity, submitter, year, trend, transport, 1);
    }
}
