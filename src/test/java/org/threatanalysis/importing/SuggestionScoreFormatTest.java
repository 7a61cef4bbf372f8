package org.threatanalysis.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The suggestion scores staged and shown read exactly as {@code %.2f} printed them before. */
class SuggestionScoreFormatTest {

    @Test
    void shouldPrintEveryScoreAsPercentPointTwoF() {
        for (int hundredths = -250; hundredths <= 250; hundredths++) {
            double score = Math.round(hundredths) / 100.0; // as the matcher keeps them
            assertThat(RowNormaliser.twoDecimals(score)).as("%d", hundredths)
                    .isEqualTo(String.format(Locale.ROOT, "%.2f", score));
        }
    }
}
