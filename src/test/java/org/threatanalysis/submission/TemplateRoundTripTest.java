package org.threatanalysis.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.reference.ReferenceData;
import org.threatanalysis.reference.Vocabulary;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * The blank template from the {@code template} command, filled in programmatically with values
 * from its own drop-down lists, imports with zero data-quality issues.
 */
class TemplateRoundTripTest {

    @TempDir
    Path temp;

    @Test
    void shouldWriteTheCoverDataSheetsInstructionsAndDropDowns() throws Exception {
        Path file = temp.resolve("blank.xlsx");

        CliRun template = CliRun.of("template", "--output=" + file);

        assertThat(template.exitCode()).as(template.toString()).isEqualTo(ExitCodes.SUCCESS);
        // Readable by whoever may read any new file there (member states' desks, the analyst), not its writer alone.
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Files.getPosixFilePermissions(Files.createFile(temp.resolve("any-new-file"))));
        assertThat(temp).isDirectoryNotContaining("glob:**.tmp");
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheet("Submission")).isNotNull();
            assertThat(workbook.getSheet("Instructions")).isNotNull();
            assertThat(header(workbook.getSheet("Indicators")))
                    .containsExactly("Year", "Crime area", "Indicator", "Commodity", "Value", "Unit", "Notes");
            assertThat(header(workbook.getSheet("Modus operandi")))
                    .containsExactly("Year", "Crime area", "Modus operandi", "MO code", "Trend", "Notes");
            assertThat(header(workbook.getSheet("Routes")))
                    .containsExactly("Year", "Crime area", "Commodity", "Route", "Transport", "Trend", "Notes");
            assertThat(workbook.isSheetHidden(workbook.getSheetIndex(SubmissionTemplate.LISTS_SHEET))).isTrue();
            assertThat(workbook.getSheet("Indicators").getDataValidations()).hasSize(4);
            assertThat(workbook.getSheet("Modus operandi").getDataValidations()).hasSize(3);
            assertThat(workbook.getSheet("Routes").getDataValidations()).hasSize(4);
            assertThat(workbook.getName("MOCodes").getRefersToFormula()).startsWith("'Lists'!$");
        }
    }

    @Test
    void shouldImportAFilledInTemplateWithoutADataQualityIssue() throws Exception {
        Workspace workspace = Workspace.empty(temp.resolve("workspace"));
        Path file = workspace.input().resolve("HR_2020-2021.xlsx");
        assertThat(CliRun.of("template", "--output=" + file).exitCode()).isZero();
        fillIn(file);

        CliRun run = workspace.run();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.SUCCESS);
        WorkbookCells cells = WorkbookCells.read(workspace.workbook());
        assertThat(cells.records("Data quality")).isEmpty();
        assertThat(cells.records("Indicators")).hasSize(4);
        assertThat(cells.records("Modus operandi")).hasSize(2);
        assertThat(cells.records("Routes")).hasSize(2);
    }

    private static List<String> header(Sheet sheet) {
        Row row = sheet.getRow(0);
        return java.util.stream.IntStream.range(0, row.getLastCellNum())
                .mapToObj(c -> row.getCell(c).getStringCellValue()).toList();
    }

    /** Fills the template as a member state would, choosing every coded value from the template's own lists. */
    private static void fillIn(Path file) throws Exception {
        ReferenceData reference = ReferenceData.loadDefaults();
        Map<String, List<String>> lists = new SubmissionTemplate(reference).lists();
        Vocabulary.Entry mo = reference.modusOperandi().entries().stream()
                .filter(e -> reference.crimeAreas().contains(e.attribute("crime_area"))).findFirst().orElseThrow();
        String moArea = reference.crimeAreas().label(mo.attribute("crime_area"));
        assertThat(lists.get("MOCodes")).contains(mo.code());
        assertThat(lists.get("CrimeAreas")).contains(moArea);
        String heroin = reference.commodities().label("heroin");
        String drugs = reference.crimeAreas().label("DRG");
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet cover = workbook.getSheet("Submission");
            cover.getRow(0).getCell(1).setCellValue("Croatia");
            cover.getRow(2).getCell(1).setCellValue("2020-2021");
            cover.getRow(3).getCell(1).setCellValue(LocalDate.of(2022, 3, 14));
            cover.getRow(4).getCell(1).setCellValue(1);
            Sheet indicators = workbook.getSheet("Indicators");
            row(indicators, 1, 2020, drugs, "cases", null, 120, null, null);
            row(indicators, 2, 2021, drugs, "cases", null, 135, null, "police data");
            row(indicators, 3, 2020, drugs, "seizures", heroin, 42.5, "kg", null);
            row(indicators, 4, 2021, drugs, "seizures", heroin, 310, "g", null);
            Sheet modi = workbook.getSheet("Modus operandi");
            row(modi, 1, 2020, moArea, mo.label(), mo.code(), "new", null);
            row(modi, 2, 2021, moArea, mo.label(), mo.code(), "increasing", null);
            Sheet routes = workbook.getSheet("Routes");
            row(routes, 1, 2020, drugs, heroin, "Turkey - Bulgaria - Serbia - Hungary - Austria", "road", "stable", null);
            row(routes, 2, 2021, drugs, heroin, "TR>BG>RS>HR>SI>AT", "road", "increasing", null);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    private static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value instanceof Number number) {
                row.createCell(c).setCellValue(number.doubleValue());
            } else if (value != null) {
                row.createCell(c).setCellValue(value.toString());
            }
        }
    }
}
