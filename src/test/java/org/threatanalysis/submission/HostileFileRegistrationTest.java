package org.threatanalysis.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.threatanalysis.importing.ImportFixtures;
import org.threatanalysis.normalisation.CountryResolver;
import org.threatanalysis.reading.ReadingBudget;
import org.threatanalysis.reading.WorkbookOpener;
import org.threatanalysis.support.HostileFiles;

/**
 * Each file of the generated bad-input corpus is registered as rejected, with a reason in plain
 * words; a fuzzed file never escapes registration with an exception.
 */
class HostileFileRegistrationTest {

    @TempDir
    Path temp;

    static List<HostileFiles.Case> corpus() {
        return HostileFiles.corpus();
    }

    static SubmissionRegistrar registrar(ReadingBudget budget) {
        return new SubmissionRegistrar(new CoverSheetReader(ImportFixtures.reference(),
                new CountryResolver(ImportFixtures.reference())), budget);
    }

    /**
     * Files whose damage is in a data sheet, which registration does not read: the import reads
     * the data sheets once and rejects these (HostileInputAmongGoodSubmissionsTest checks it).
     */
    private static final Set<String> DAMAGED_IN_A_DATA_SHEET = Set.of("zip-bomb.xlsx", "doctype-sheet.xlsx",
            "malformed-xml.xlsx", "missing-sheet-part.xlsx", "dangling-sheet.xlsx");

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldRejectEachCorpusFileWithAReasonAClerkUnderstands(HostileFiles.Case hostile) throws IOException {
        Path input = temp.resolve("input");
        hostile.writeTo(input);

        List<SubmissionRegistrar.Registered> registered = registrar(ReadingBudget.defaults()).register(input, Set.of());

        if (DAMAGED_IN_A_DATA_SHEET.contains(hostile.fileName())) {
            assertThat(registered).singleElement()
                    .satisfies(file -> assertThat(file.record().status()).isEqualTo("ACCEPTED"));
            return;
        }
        assertThat(registered).singleElement().satisfies(file -> {
            assertThat(file.record().status()).as(file.record().reason()).isEqualTo("REJECTED");
            assertThat(file.record().reason()).containsIgnoringCase(hostile.expectedReason());
            assertThat(file.record().reason()).doesNotContain("\n").hasSizeLessThan(500);
        });
    }

    @Test
    void shouldRegisterTheCorpusBaseFileAsAccepted() throws IOException {
        Path input = temp.resolve("input");
        HostileFiles.goodWorkbook().saveAs(input.resolve("ME_2019-2020.xlsx"));

        assertThat(registrar(ReadingBudget.defaults()).register(input, Set.of()))
                .singleElement().satisfies(file -> assertThat(file.record().status()).isEqualTo("ACCEPTED"));
    }

    @Test
    void shouldNeverLetAFuzzedFileEscapeRegistration() throws IOException {
        Path input = temp.resolve("input");
        HostileFiles.fuzzed(input, 40);

        List<SubmissionRegistrar.Registered> registered = registrar(ReadingBudget.defaults()).register(input, Set.of());

        assertThat(registered).hasSize(40).allSatisfy(file -> {
            assertThat(file.record().status()).isIn("ACCEPTED", "REJECTED");
            if ("REJECTED".equals(file.record().status())) {
                assertThat(file.record().reason()).isNotBlank();
            }
        });
    }

    @Test
    void shouldNameAStackOverflowInWordsAClerkUnderstands() {
        assertThat(WorkbookOpener.reasonFor(new StackOverflowError())).contains("damaged").doesNotContain("Error");
    }
}
