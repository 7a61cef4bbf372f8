package org.threatanalysis.normalisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threatanalysis.reference.ReferenceData;
import org.threatanalysis.reference.TextFolding;

/**
 * Case-level modus-operandi text is unique per row mostly by its case numbers, so the scored
 * match is kept per text with the stems that resemble nothing in the vocabulary counted but not
 * told apart (the shipped vocabulary has stems that start with a digit, "1990s" and "3d", so
 * numbers are compared like any word). These tests hold the matcher to giving every text what it
 * would give it first, before anything else was scored.
 */
class CaseNumbersInModusOperandiTextTest {

    private static final String CASE_1 = "Case 2019/1234: migrants concealed inside a lorry trailer";
    private static final String CASE_2 = "Case 2021/98765: migrants concealed inside a lorry trailer";
    private static final String MORE_NUMBERS = "Case 2019/1234/5678/91011: migrants concealed inside a lorry trailer";

    private static ReferenceData reference;

    @BeforeAll
    static void load() {
        reference = ReferenceData.loadDefaults();
    }

    private static ScoredModusOperandiMatcher freshMatcher() {
        return new ScoredModusOperandiMatcher(reference, MatchingThresholds.DEFAULT_THRESHOLD,
                MatchingThresholds.DEFAULT_MARGIN);
    }

    private static List<ModusOperandiMatch.Suggestion> scoreFirst(String text, String area) {
        return freshMatcher().score(TextFolding.fold(text), area);
    }

    @Test
    void shouldScoreTextsThatDifferOnlyInTheirCaseNumbersAlike() {
        ScoredModusOperandiMatcher matcher = freshMatcher();

        List<ModusOperandiMatch.Suggestion> first = matcher.score(TextFolding.fold(CASE_1), "MSM");
        List<ModusOperandiMatch.Suggestion> second = matcher.score(TextFolding.fold(CASE_2), "MSM");

        assertThat(first).isNotEmpty();
        assertThat(first.get(0).code()).isEqualTo("MS01");
        assertThat(second).isEqualTo(first).isEqualTo(scoreFirst(CASE_2, "MSM"));
    }

    @Test
    void shouldCountHowManyNumbersTheTextHolds() {
        ScoredModusOperandiMatcher matcher = freshMatcher();

        List<ModusOperandiMatch.Suggestion> fewer = matcher.score(TextFolding.fold(CASE_1), "MSM");
        List<ModusOperandiMatch.Suggestion> more = matcher.score(TextFolding.fold(MORE_NUMBERS), "MSM");

        // more words the vocabulary cannot explain: a lower share of the text explained
        assertThat(more).isEqualTo(scoreFirst(MORE_NUMBERS, "MSM"));
        assertThat(more.get(0).code()).isEqualTo(fewer.get(0).code());
        assertThat(more.get(0).score()).isLessThan(fewer.get(0).score());
    }

    @Test
    void shouldScoreTheSameTextAgainForAnotherCrimeArea() {
        ScoredModusOperandiMatcher matcher = freshMatcher();

        List<ModusOperandiMatch.Suggestion> smuggling = matcher.score(TextFolding.fold(CASE_1), "MSM");
        List<ModusOperandiMatch.Suggestion> trafficking = matcher.score(TextFolding.fold(CASE_2), "THB");
        List<ModusOperandiMatch.Suggestion> anyArea = matcher.score(TextFolding.fold(CASE_2), null);

        assertThat(trafficking).isEqualTo(scoreFirst(CASE_2, "THB")).isNotEqualTo(smuggling);
        assertThat(anyArea).isEqualTo(scoreFirst(CASE_2, null));
    }
}
