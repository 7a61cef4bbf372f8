package org.threatanalysis.normalisation;

import java.util.List;

/**
 * How a modus-operandi text was mapped to the vocabulary: the code (none when unmatched), the
 * method, a confidence between 0 and 1, and the best suggestions for the analyst's review.
 */
public record ModusOperandiMatch(String code, Method method, double confidence, List<Suggestion> suggestions) {

    public enum Method { CODE, DECISION, EXACT, SCORED, UNMATCHED }

    public record Suggestion(String code, double score) {
    }

    public ModusOperandiMatch {
        suggestions = List.copyOf(suggestions);
    }

    public boolean matched() {
        return code != null;
    }
}
