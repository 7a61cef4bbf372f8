package org.threatanalysis.normalisation;

/**
 * Maps free-text modus operandi to the controlled vocabulary. The seam where the full
 * multilingual engine plugs in; implementations must be thread-safe.
 */
public interface ModusOperandiMatcher {

    /**
     * @param text the modus operandi as submitted
     * @param explicitCode the MO code column as submitted, or {@code null}
     * @param crimeArea the row's crime-area code, or {@code null} when unknown
     */
    ModusOperandiMatch match(String text, String explicitCode, String crimeArea);
}
