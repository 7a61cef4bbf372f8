package org.threatanalysis.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Computes the status of something reported (a modus operandi, a route) for each year of a
 * period, from the years it was reported and the years for which there is data at all. Years
 * without data are skipped when comparing with "the previous year", so that a member state that
 * did not submit a year never makes a method look as if it stopped and re-emerged.
 */
public final class PresenceTimeline {

    private PresenceTimeline() {
    }

    /**
     * @param reported years in which it was reported
     * @param covered years for which the scope (the region, or one member state) has data
     * @param from first year of the period
     * @param to last year of the period
     * @return the status of every year from {@code from} to {@code to}, in order
     */
    public static Map<Integer, PresenceStatus> statuses(Set<Integer> reported, Set<Integer> covered, int from, int to) {
        Map<Integer, PresenceStatus> statuses = new LinkedHashMap<>();
        boolean seenBefore = false;
        boolean anyCoveredBefore = false;
        boolean previousReported = false;
        for (int year = from; year <= to; year++) {
            boolean isCovered = covered.contains(year) || reported.contains(year);
            if (!isCovered) {
                statuses.put(year, PresenceStatus.NO_DATA);
                continue;
            }
            boolean isReported = reported.contains(year);
            PresenceStatus status;
            if (isReported) {
                if (!anyCoveredBefore) {
                    status = PresenceStatus.REPORTED;
                } else if (!seenBefore) {
                    status = PresenceStatus.NEW;
                } else if (previousReported) {
                    status = PresenceStatus.CONTINUING;
                } else {
                    status = PresenceStatus.RE_EMERGED;
                }
            } else {
                status = previousReported ? PresenceStatus.NO_LONGER_REPORTED : PresenceStatus.ABSENT;
            }
            statuses.put(year, status);
            seenBefore |= isReported;
            previousReported = isReported;
            anyCoveredBefore = true;
        }
        return statuses;
    }
}
