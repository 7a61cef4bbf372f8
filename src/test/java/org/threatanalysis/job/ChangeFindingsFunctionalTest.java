package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * The findings planted in the sample input (a route shift, a new and a re-emerged modus operandi,
 * one that continues and one that stops) are found with the right years and states, in the
 * overview and in the change sheets.
 */
class ChangeFindingsFunctionalTest {

    @TempDir
    static Path temp;

    static Workspace workspace;
    static WorkbookCells workbook;

    @BeforeAll
    static void runTheJob() throws IOException {
        workspace = Workspace.withSampleInput(temp);
        CliRun run = workspace.run();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.SUCCESS);
        workbook = WorkbookCells.read(workspace.workbook());
    }

    private static List<String> overviewColumnA() {
        return workbook.rows("Overview").stream().map(r -> r.isEmpty() || r.get(0) == null ? "" : r.get(0).toString())
                .toList();
    }

    private static Map<String, Object> regionRow(String sheet, String keyColumn, String key) {
        return workbook.records(sheet).stream()
                .filter(r -> key.equals(r.get(keyColumn)) && "Region".equals(r.get("Scope"))).findFirst()
                .orElseThrow(() -> new AssertionError("No region row for " + key + " on " + sheet));
    }

    @Test
    void shouldHeadlineTheRouteShiftWithTheCountriesAddedAndRemovedAndTheStates() {
        assertThat(overviewColumnA()).anySatisfy(line -> assertThat(line)
                .startsWith("route shift in migrant smuggling 2018\u21922019: \u2212HU +BA +HR +SI")
                .contains("reported by 3 states").contains("TR>BG>RS>HU>AT \u2192 TR>BG>RS>BA>HR>SI>AT"));
        Map<String, Object> shift = workbook.records("Route shifts").stream()
                .filter(r -> "TR>BG>RS>HU>AT".equals(r.get("Route before"))
                        && "TR>BG>RS>BA>HR>SI>AT".equals(r.get("Route after"))).findFirst().orElseThrow();
        assertThat(shift).containsEntry("Crime area", "MSM").containsEntry("Commodity", "migrants")
                .containsEntry("From year", 2018.0).containsEntry("To year", 2019.0)
                .containsEntry("Countries removed", "HU").containsEntry("Countries added", "BA, HR, SI")
                .containsEntry("States reporting", "BA-SRP, BG, RS").containsEntry("Number of states", 3.0);
    }

    @Test
    void shouldFindTheModusOperandiNewIn2021() {
        assertThat(overviewColumnA()).anySatisfy(line -> assertThat(line).contains("new in 2021 in migrant smuggling")
                .contains("air travel using visa-free entry (MS08, 5 states)"));
        Map<String, Object> visaFree = regionRow("MO changes", "MO code", "MS08");
        assertThat(visaFree).containsEntry("First year", 2021.0).containsEntry("2021", "new")
                .containsEntry("States 2021", 5.0).containsEntry("2020", null);
    }

    @Test
    void shouldFindTheModusOperandiThatReEmerged() {
        assertThat(overviewColumnA()).anySatisfy(line -> assertThat(line)
                .startsWith("forced begging (TH05) re-emerged in 2021 in trafficking in human beings, reported by 2 states"));
        Map<String, Object> begging = regionRow("MO changes", "MO code", "TH05");
        assertThat(begging).containsEntry("2017", "reported").containsEntry("2018", "continuing")
                .containsEntry("2019", "no longer reported").containsEntry("2020", null)
                .containsEntry("2021", "re-emerged").containsEntry("Years reported", "2017, 2018, 2021");
    }

    @Test
    void shouldShowAContinuingModusOperandiAndOneNoLongerReported() {
        Map<String, Object> lorries = regionRow("MO changes", "MO code", "MS01");
        assertThat(lorries).containsEntry("2017", "reported").containsEntry("2021", "continuing")
                .containsEntry("First year", 2017.0).containsEntry("Last year", 2021.0);
        Map<String, Object> couriers = regionRow("MO changes", "MO code", "DR03");
        assertThat(couriers).containsEntry("Last year", 2019.0).containsEntry("2020", "no longer reported");
    }

    @Test
    void shouldShowWhichStatesSubmittedWhichYears() {
        List<List<Object>> rows = workbook.rows("Overview");
        List<Object> kosovo = rows.stream().filter(r -> !r.isEmpty() && "XK".equals(r.get(0))).findFirst().orElseThrow();
        assertThat(kosovo.subList(1, 6)).containsExactly(null, null, "rev 1", "rev 1", "rev 1");
        List<Object> romania = rows.stream().filter(r -> !r.isEmpty() && "RO".equals(r.get(0))).findFirst().orElseThrow();
        assertThat(romania.subList(1, 6)).containsExactly("rev 1", "rev 1", "rev 1", "rev 2", "rev 2");
    }

    @Test
    void shouldMakeRegionalTotalsTheSumOfTheStandingFigures() {
        for (int year = 2017; year <= 2021; year++) {
            double expected = 0;
            for (Map<String, Object> row : workbook.records("Indicators")) {
                if ("MSM".equals(row.get("Crime area")) && "cases".equals(row.get("Indicator"))
                        && Double.valueOf(year).equals(row.get("Year")) && row.get("Value") != null) {
                    expected += (Double) row.get("Value");
                }
            }
            final int y = year;
            Map<String, Object> total = workbook.records("Regional totals").stream()
                    .filter(r -> "MSM".equals(r.get("Crime area")) && "cases".equals(r.get("Indicator"))
                            && Double.valueOf(y).equals(r.get("Year"))).findFirst().orElseThrow();
            assertThat((Double) total.get("Regional total")).as("MSM cases " + year).isEqualTo(expected);
        }
    }

    @Test
    void shouldComputeChangesOnComparableStatesAndSaySoForKosovo() {
        // Kosovo reported from 2019 on: the 2017-2021 change leaves it out instead of counting a rise from zero.
        Map<String, Object> period = workbook.records("Indicator trends").stream()
                .filter(r -> "MSM".equals(r.get("Crime area")) && "cases".equals(r.get("Indicator"))
                        && "whole period".equals(r.get("Comparison"))).findFirst().orElseThrow();
        assertThat((String) period.get("Comparable states")).doesNotContain("XK").contains("RS");
        assertThat((String) period.get("Coverage note")).contains("XK");
        BigDecimal from = BigDecimal.valueOf((Double) period.get("Comparable total from"));
        BigDecimal to = BigDecimal.valueOf((Double) period.get("Comparable total to"));
        assertThat((Double) period.get("Change %")).isCloseTo(
                to.subtract(from).multiply(BigDecimal.valueOf(100)).divide(from, 1, java.math.RoundingMode.HALF_UP)
                        .doubleValue(), org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void shouldLinkHeadlinesToTheirDetailRowsAndDrawNativeCharts() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(workspace.workbook().toFile())) {
            XSSFSheet overview = book.getSheet("Overview");
            Cell shiftHeadline = null;
            for (Row row : overview) {
                Cell cell = row.getCell(0);
                if (cell != null && cell.getStringCellValue().startsWith("route shift in migrant smuggling 2018")) {
                    shiftHeadline = cell;
                }
            }
            assertThat(shiftHeadline).isNotNull();
            String address = shiftHeadline.getHyperlink().getAddress();
            assertThat(address).startsWith("'Route shifts'!A");
            int linkedRow = Integer.parseInt(address.substring(address.indexOf("!A") + 2)) - 1;
            Row target = book.getSheet("Route shifts").getRow(linkedRow);
            assertThat(target.getCell(5).getStringCellValue()).isEqualTo("TR>BG>RS>HU>AT");
            assertThat(target.getCell(6).getStringCellValue()).isEqualTo("TR>BG>RS>BA>HR>SI>AT");

            XSSFDrawing drawing = overview.getDrawingPatriarch();
            assertThat(drawing.getCharts()).hasSize(2);
            assertThat(book.getProperties().getCoreProperties().getTitle())
                    .isEqualTo("Threat analysis consolidation 2017-2021");
            assertThat(book.getProperties().getCustomProperties().getProperty("Run id")).isNotNull();
            assertThat(book.getSheet("MO changes").getPaneInformation().isFreezePane()).isTrue();
        }
    }
}
