package org.threatanalysis.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.threatanalysis.reading.FixtureWorkbooks;
import org.threatanalysis.reading.ReadingBudget;
import org.threatanalysis.submission.SubmissionRegistrar;

/**
 * A restarted reader continues exactly after the last item saved in the execution context, and
 * refuses to continue on a file that changed since it was registered.
 */
class SubmissionRowReaderRestartTest {

    /** 1 notice + 5 indicator rows + 3 modus-operandi rows + 4 route rows. */
    private static final int TOTAL_ITEMS = 13;

    @TempDir
    Path dir;

    private Path file;
    private List<String> uninterrupted;

    @BeforeEach
    void writeSubmission() {
        file = FixtureWorkbooks.workbook()
                .sheet("Indicators")
                .row("Indicators")
                .row("Year", "Crime area", "Indicator", "Value", "Remarks by officer")
                .row(2017, "Migrant smuggling", "cases", 1)
                .row(2018, "Migrant smuggling", "cases", 2)
                .row(2019, "Migrant smuggling", "cases", 3)
                .emptyRow()
                .row(2020, "Migrant smuggling", "cases", 4)
                .sheet("Modus operandi")
                .row("Year", "Crime area", "Modus operandi")
                .row(2019, "Migrant smuggling", "hidden in lorries")
                .row(2020, "Migrant smuggling", "hidden in lorries")
                .row(2021, "Migrant smuggling", "visa-free flights")
                .sheet("Routes")
                .row("Year", "Crime area", "Route")
                .row(2018, "Migrant smuggling", "TR>BG>RS>HU")
                .row(2019, "Migrant smuggling", "TR>BG>RS>BA>HR")
                .skipRow()
                .row(2020, "Migrant smuggling", "GR - MK - RS - HU")
                .row(2021, "Migrant smuggling", "Turkey - Bulgaria - Serbia")
                .saveAs(dir.resolve("RO_2021.xlsx"));
        uninterrupted = ImportFixtures.readAll(file).stream().map(SubmissionRowReaderRestartTest::describe).toList();
    }

    @Test
    void shouldReadEveryItemOnceWithoutInterruption() {
        assertThat(uninterrupted).hasSize(TOTAL_ITEMS).doesNotHaveDuplicates().startsWith("notice Indicators!E2",
                "Indicators!3");
        assertThat(uninterrupted).endsWith("Routes!6");
    }

    @Test
    void shouldContinueAfterTheSeventhItemWhenRestarted() {
        ExecutionContext context = readThenStop(7);

        List<String> resumed = resume(context);

        assertThat(resumed).containsExactlyElementsOf(uninterrupted.subList(7, TOTAL_ITEMS));
        assertThat(resumed.get(0)).isEqualTo("Modus operandi!3");
    }

    static IntStream stopPoints() {
        return IntStream.rangeClosed(0, TOTAL_ITEMS);
    }

    @ParameterizedTest(name = "after {0} items")
    @MethodSource("stopPoints")
    void shouldContinueWithTheNextItemWhereverItStopped(int itemsRead) {
        ExecutionContext context = readThenStop(itemsRead);

        assertThat(resume(context)).containsExactlyElementsOf(uninterrupted.subList(itemsRead, TOTAL_ITEMS));
    }

    @Test
    void shouldStillHandOnTheRejectionWhenTheBudgetBreaksWhileSkipping() throws Exception {
        ExecutionContext context = readThenStop(5); // the notice and four rows of the Indicators sheet
        // The operator lowered the rows budget before the restart: the rows skipped break it.
        SubmissionRowReader restarted = new SubmissionRowReader(ImportFixtures.SUBMISSION_ID, file,
                file.getFileName().toString(), SubmissionRegistrar.sha256(file),
                ImportFixtures.reference().headerAliases(),
                new ReadingBudget(0, 0, 3, 0, 0, 0, 0, 0, null, 0, 0, 0));
        restarted.open(context);
        try {
            List<ImportItem> rest = ImportFixtures.drain(restarted);
            assertThat(rest).singleElement().isInstanceOfSatisfying(ImportItem.FileRejected.class,
                    rejected -> assertThat(rejected.reason()).contains("'Indicators' has more than 3 rows"));
        } finally {
            restarted.close();
        }
    }

    /** Each row's imported cells hold at most 47 characters; two indicator rows hold 54. */
    private static final ReadingBudget FIFTY_CHARACTERS_PER_CHUNK =
            new ReadingBudget(0, 0, 0, 0, 0, 0, 50, 0, null, 0, 0, 0);

    @Test
    void shouldRejectTheFileWhenTheRowsOfOneChunkHoldTooMuchText() throws Exception {
        SubmissionRowReader reader = new SubmissionRowReader(ImportFixtures.SUBMISSION_ID, file,
                file.getFileName().toString(), SubmissionRegistrar.sha256(file),
                ImportFixtures.reference().headerAliases(), FIFTY_CHARACTERS_PER_CHUNK);
        reader.open(new ExecutionContext());
        try {
            List<ImportItem> items = ImportFixtures.drain(reader); // one chunk: no commit in between
            assertThat(items).last().isInstanceOfSatisfying(ImportItem.FileRejected.class,
                    rejected -> assertThat(rejected.reason()).contains("sheet 'Indicators'", "up to row 4",
                            "more than 50 characters in their imported cells"));
        } finally {
            reader.close();
        }
    }

    @Test
    void shouldNotCountTheRowsSkippedOnRestartAsHeld() throws Exception {
        ExecutionContext context = readThenStop(5); // the notice and four rows, 108 characters
        SubmissionRowReader restarted = new SubmissionRowReader(ImportFixtures.SUBMISSION_ID, file,
                file.getFileName().toString(), SubmissionRegistrar.sha256(file),
                ImportFixtures.reference().headerAliases(), FIFTY_CHARACTERS_PER_CHUNK);
        restarted.open(context);
        List<String> rest = new ArrayList<>();
        try {
            for (ImportItem item = restarted.read(); item != null; item = restarted.read()) {
                rest.add(describe(item));
                restarted.update(context); // a chunk of one row each
            }
        } finally {
            restarted.close();
        }
        assertThat(rest).containsExactlyElementsOf(uninterrupted.subList(5, TOTAL_ITEMS));
    }

    @Test
    void shouldContinueCorrectlyAfterASecondRestart() {
        ExecutionContext context = readThenStop(4);
        SubmissionRowReader second = ImportFixtures.reader(file);
        second.open(context);
        List<String> read = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            read.add(describe(second.read()));
        }
        second.update(context);
        second.close();

        read.addAll(resume(context));

        assertThat(read).containsExactlyElementsOf(uninterrupted.subList(4, TOTAL_ITEMS));
    }

    @Test
    void shouldRefuseToOpenAFileThatChangedSinceItWasRegistered() throws Exception {
        String registered = SubmissionRegistrar.sha256(file);
        FixtureWorkbooks.workbook()
                .sheet("Indicators")
                .row("Year", "Crime area", "Indicator", "Value")
                .row(2017, "Migrant smuggling", "cases", 100)
                .saveAs(file);
        assertThat(SubmissionRegistrar.sha256(file)).isNotEqualTo(registered);
        SubmissionRowReader reader = new SubmissionRowReader(ImportFixtures.SUBMISSION_ID, file, "RO/RO_2021.xlsx",
                registered, ImportFixtures.reference().headerAliases());

        assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("RO/RO_2021.xlsx")
                .hasMessageContaining("changed");
        reader.close();
    }

    @Test
    void shouldRefuseToResumeOnAFileThatChangedSinceItWasRegistered() throws Exception {
        ExecutionContext context = readThenStop(7);
        String registered = SubmissionRegistrar.sha256(file);
        FixtureWorkbooks.workbook().sheet("Indicators").row("Year", "Crime area", "Indicator", "Value").saveAs(file);
        SubmissionRowReader reader = new SubmissionRowReader(ImportFixtures.SUBMISSION_ID, file, "RO_2021.xlsx",
                registered, ImportFixtures.reference().headerAliases());

        assertThatThrownBy(() -> reader.open(context))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("RO_2021.xlsx");
        reader.close();
    }

    private ExecutionContext readThenStop(int items) {
        ExecutionContext context = new ExecutionContext();
        SubmissionRowReader reader = ImportFixtures.reader(file);
        reader.open(context);
        for (int i = 0; i < items; i++) {
            assertThat(reader.read()).as("item %d", i + 1).isNotNull();
        }
        reader.update(context);
        reader.close();
        return context;
    }

    private List<String> resume(ExecutionContext context) {
        SubmissionRowReader reader = ImportFixtures.reader(file);
        reader.open(context);
        try {
            return ImportFixtures.drain(reader).stream().map(SubmissionRowReaderRestartTest::describe).toList();
        } finally {
            reader.close();
        }
    }

    private static String describe(ImportItem item) {
        if (item instanceof ImportItem.RawRow row) {
            return row.sheetName() + "!" + row.rowNumber();
        }
        ImportItem.SheetNotice notice = (ImportItem.SheetNotice) item;
        return "notice " + notice.issue().sheet() + "!" + notice.issue().cell();
    }
}
