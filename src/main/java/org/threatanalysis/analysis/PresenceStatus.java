package org.threatanalysis.analysis;

/** What a modus operandi or route did in one year, compared with the years before it. */
public enum PresenceStatus {
    /** Reported in the first year with data: nothing earlier to compare with. */
    REPORTED("reported"),
    /** Reported for the first time, after at least one year with data in which it was not. */
    NEW("new"),
    /** Reported this year and in the previous year with data. */
    CONTINUING("continuing"),
    /** Reported, absent in the previous year with data, and reported some time before that. */
    RE_EMERGED("re-emerged"),
    /** Not reported this year, although reported in the previous year with data. */
    NO_LONGER_REPORTED("no longer reported"),
    /** Not reported, and not reported the year before either. */
    ABSENT(""),
    /** No submission covers this year for this scope: absence would mean nothing. */
    NO_DATA("no data");

    private final String label;

    PresenceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the status marks a change an analyst wants to hear about. */
    public boolean isChange() {
        return this == NEW || this == RE_EMERGED || this == NO_LONGER_REPORTED;
    }
}
