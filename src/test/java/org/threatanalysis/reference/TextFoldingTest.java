package org.threatanalysis.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Folding and stemming without Spring: the keys every matcher compares. */
class TextFoldingTest {

    @Test
    void shouldFoldRomanianCedillaAndCommaBelowAlike() {
        assertThat(TextFolding.fold("ascunşi în camioane (ţigări)")).isEqualTo(TextFolding.fold("ascunși în camioane (țigări)"))
                .isEqualTo("ascunsi in camioane tigari");
    }

    @Test
    void shouldTransliterateSerbianAndMacedonianCyrillicToTheLatinSpelling() {
        assertThat(TextFolding.fold("Скривени у камионима")).isEqualTo(TextFolding.fold("Skriveni u kamionima"));
        assertThat(TextFolding.fold("Северна Македонија")).isEqualTo("severna makedonija");
        assertThat(TextFolding.fold("Čačak")).isEqualTo("cacak");
    }

    @Test
    void shouldTransliterateGreekToLatin() {
        assertThat(TextFolding.fold("Ελλάδα")).isEqualTo("ellada");
    }

    @Test
    void shouldTurnPunctuationAndSpacingIntoSingleSpaces() {
        assertThat(TextFolding.fold("  Hidden-in   TRUCKS!! (TIR)\u00a0")).isEqualTo("hidden in trucks tir");
    }

    @Test
    void shouldGiveInflectedFormsTheSameStem() {
        assertThat(TextStems.stem("kamionima")).isEqualTo(TextStems.stem("kamionu")).isEqualTo(TextStems.stem("kamion"));
        assertThat(TextStems.stem("srbije")).isEqualTo(TextStems.stem("srbija"));
        assertThat(TextStems.stem("serbiei")).isEqualTo(TextStems.stem("serbia"));
        assertThat(TextStems.stem("trucks")).isEqualTo(TextStems.stem("truck"));
    }

    @Test
    void shouldDropStopWordsOfTheRegionsLanguages() {
        assertThat(TextStems.stems("hidden in the trucks")).hasSize(2);
        assertThat(TextStems.stems("skriveni u kamionu")).hasSize(2);
        assertThat(TextStems.stems("të fshehur në kamion")).hasSize(2);
    }
}
