package org.threatanalysis.staging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text fitted to a staging column: unchanged when it fits, else its start and end around an ellipsis. */
class ColumnFitTest {

    @Test
    void shouldLeaveTextThatFitsAsItIs() {
        assertThat(StagingRepository.fit(null, 40)).isNull();
        assertThat(StagingRepository.fit("x".repeat(40), 40)).isEqualTo("x".repeat(40));
    }

    @Test
    void shouldKeepTheStartAndTheEnd() {
        String fitted = StagingRepository.fit("a".repeat(100) + "b".repeat(100), 40);

        assertThat(fitted).isEqualTo("a".repeat(29) + "…" + "b".repeat(10));
    }

    @Test
    void shouldNeverSplitACharacterOutsideTheBasicPlane() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
        for (int shift = 0; shift < 2; shift++) {
            String text = "x".repeat(shift) + emoji.repeat(100);

            String fitted = StagingRepository.fit(text, 40);

            assertThat(fitted.length()).isLessThanOrEqualTo(40);
            assertThat(fitted.codePoints().filter(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE).count())
                    .as("lone surrogates").isZero();
            assertThat(fitted).contains("…").endsWith(emoji);
        }
    }
}
