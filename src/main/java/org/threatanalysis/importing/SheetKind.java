package org.threatanalysis.importing;

import java.util.List;

/** The three data sheets of the submission template, with the fields each one requires. */
public enum SheetKind {
    INDICATORS("Indicators", List.of("year", "crime_area", "indicator", "value")),
    MODUS_OPERANDI("Modus operandi", List.of("year", "crime_area", "mo_text")),
    ROUTES("Routes", List.of("year", "crime_area", "route"));

    private final String sheetName;
    private final List<String> requiredFields;

    SheetKind(String sheetName, List<String> requiredFields) {
        this.sheetName = sheetName;
        this.requiredFields = requiredFields;
    }

    public String sheetName() {
        return sheetName;
    }

    public List<String> requiredFields() {
        return requiredFields;
    }
}
