package org.threatanalysis.reference;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The analyst's decisions from the Review sheet of an earlier consolidated workbook, put back
 * into the input folder: for a modus-operandi text (in a crime area) an MO code or "none", for
 * an unknown place in route text a country code or "none". Later decisions on the same text win.
 * Immutable once built and thread-safe.
 */
public final class Decisions {

    /** Kinds of review entries, as the Review sheet names them. */
    public static final String MODUS_OPERANDI = "modus operandi";
    public static final String PLACE = "place";
    /** What a decision that no code applies is stored as. */
    public static final String NONE = "none";

    /** One decision: the kind, the row's crime area (MO only), the folded text and the decided value. */
    public record Decision(String kind, String crimeArea, String foldedText, String value, String source) {
    }

    private final Map<String, Decision> byKey = new LinkedHashMap<>();

    Decisions(Collection<Decision> decisions) {
        for (Decision decision : decisions) {
            byKey.put(key(decision.kind(), decision.crimeArea(), decision.foldedText()), decision);
        }
    }

    static Decisions none() {
        return new Decisions(List.of());
    }

    private static String key(String kind, String crimeArea, String folded) {
        return kind + "|" + (MODUS_OPERANDI.equals(kind) && crimeArea != null ? crimeArea : "") + "|" + folded;
    }

    /** The decided MO code, or {@code "none"}, for a folded text in a crime area. */
    public Optional<String> modusOperandi(String crimeArea, String foldedText) {
        if (foldedText == null || foldedText.isEmpty()) {
            return Optional.empty();
        }
        Decision decision = byKey.get(key(MODUS_OPERANDI, crimeArea, foldedText));
        return Optional.ofNullable(decision).map(Decision::value);
    }

    public List<Decision> all() {
        return List.copyOf(byKey.values());
    }

    public int size() {
        return byKey.size();
    }

    /** Normalises what an analyst typed in the Decision column: a code in upper case, or "none". */
    static String decisionValue(String typed) {
        String folded = TextFolding.fold(typed);
        if (folded.isEmpty()) {
            return null;
        }
        if (List.of("none", "no code", "nothing", "ignore", "not applicable", "n a", "no", "unmatched", "-")
                .contains(folded)) {
            return NONE;
        }
        return typed.strip().toUpperCase(Locale.ROOT);
    }
}
