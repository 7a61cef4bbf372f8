package org.threatanalysis.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.threatanalysis.reference.ReferenceData;
import org.threatanalysis.reference.Vocabulary;
import org.threatanalysis.workbook.DurableReplacement;

/**
 * The blank submission workbook that member states fill in (template version 1, see
 * docs/submission-workbook.md): instructions, the cover sheet {@code Submission}, the data sheets
 * {@code Indicators}, {@code Modus operandi} and {@code Routes} with their headers, and drop-down
 * lists for crime areas, indicators, commodities, units, MO codes, transport modes and trends.
 * The lists come from the same reference data the job reads submissions with, so every value
 * offered is one the job understands; they live on the hidden sheet {@code Lists}.
 *
 * <p>Written to a temporary file and moved into place, so a failure leaves no half-written file.
 */
public final class SubmissionTemplate {

    public static final String TEMPLATE_VERSION = "1";
    public static final String LISTS_SHEET = "Lists";
    /** Rows of each data sheet that carry the drop-down lists. */
    static final int DATA_ROWS = 2000;

    private static final List<String> COVER_LABELS = List.of("Member state", "Reporting entity", "Reporting period",
            "Submission date", "Revision", "Template version");
    private static final List<String> INDICATOR_HEADERS = List.of("Year", "Crime area", "Indicator", "Commodity",
            "Value", "Unit", "Notes");
    private static final List<String> MO_HEADERS = List.of("Year", "Crime area", "Modus operandi", "MO code", "Trend",
            "Notes");
    private static final List<String> ROUTE_HEADERS = List.of("Year", "Crime area", "Commodity", "Route", "Transport",
            "Trend", "Notes");

    private final ReferenceData reference;

    public SubmissionTemplate(ReferenceData reference) {
        this.reference = reference;
    }

    /** The lists offered in the drop-downs, by name, in the order of the reference files. */
    public Map<String, List<String>> lists() {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("CrimeAreas", labels(reference.crimeAreas()));
        lists.put("Indicators", codes(reference.indicators()));
        lists.put("Commodities", labels(reference.commodities()));
        lists.put("Units", codes(reference.units()));
        lists.put("MOCodes", codes(reference.modusOperandi()));
        lists.put("TransportModes", codes(reference.transportModes()));
        lists.put("Trends", codes(reference.trends()));
        return lists;
    }

    private static List<String> codes(Vocabulary vocabulary) {
        return vocabulary.entries().stream().map(Vocabulary.Entry::code).toList();
    }

    private static List<String> labels(Vocabulary vocabulary) {
        return vocabulary.entries().stream().map(e -> e.label().isBlank() ? e.code() : e.label()).toList();
    }

    /**
     * Writes the template to the file.
     *
     * @throws IOException when the file cannot be written; the target is then left as it was
     */
    public Path write(Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        // Created as any new file there (the umask decides who may read it, as for the consolidated
        // workbook; Files.createTempFile would make it the owner's alone), one name per process. Not
        // the workbook writer's ".writing-" prefix: a run beside this command removes those.
        Path temporary = target.resolveSibling(".template-" + target.getFileName() + "."
                + ProcessHandle.current().pid() + ".tmp");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            instructions(workbook.createSheet("Instructions"), styles);
            cover(workbook.createSheet("Submission"), styles);
            Sheet indicators = dataSheet(workbook.createSheet("Indicators"), INDICATOR_HEADERS, styles);
            Sheet mo = dataSheet(workbook.createSheet("Modus operandi"), MO_HEADERS, styles);
            Sheet routes = dataSheet(workbook.createSheet("Routes"), ROUTE_HEADERS, styles);
            Sheet lists = workbook.createSheet(LISTS_SHEET);
            writeLists(workbook, lists);
            workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
            dropDown(indicators, 1, "CrimeAreas");
            dropDown(indicators, 2, "Indicators");
            dropDown(indicators, 3, "Commodities");
            dropDown(indicators, 5, "Units");
            dropDown(mo, 1, "CrimeAreas");
            dropDown(mo, 3, "MOCodes");
            dropDown(mo, 4, "Trends");
            dropDown(routes, 1, "CrimeAreas");
            dropDown(routes, 2, "Commodities");
            dropDown(routes, 4, "TransportModes");
            dropDown(routes, 5, "Trends");
            workbook.setActiveSheet(1);
            workbook.setSelectedTab(1);
            DurableReplacement.write(temporary, target, workbook::write);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    private void instructions(Sheet sheet, Styles styles) {
        List<String> lines = new ArrayList<>(List.of(
                "Threat-analysis submission workbook (template version " + TEMPLATE_VERSION + ")",
                "",
                "1. Fill in the sheet 'Submission': Member state (name or ISO code, e.g. Romania or RO), Reporting entity "
                        + "(only for a sub-national body that submits on its own, e.g. Republika Srpska), Reporting period "
                        + "(e.g. 2017-2021), Submission date (a date), Revision (1 for the first version; 2, 3... for a corrected one).",
                "2. 'Indicators': one row per year, crime area, indicator (and commodity for seizures). Value is a number; "
                        + "for suppressed figures write <5 or n/a, never 0. Seizures need a Commodity and a Unit.",
                "3. 'Modus operandi': one row per method observed in a year. Describe it in your own words; "
                        + "add the MO code from the list when one fits. Trend: new, increasing, stable or decreasing.",
                "4. 'Routes': one row per route observed in a year, as an ordered list of countries or places, "
                        + "e.g. Turkey - Bulgaria - Serbia - Hungary - Austria, or TR>BG>RS>HU>AT.",
                "5. Years must lie inside the reporting period. Use the drop-down lists where a column has one; "
                        + "leave optional columns empty rather than writing a placeholder.",
                "6. Keep the sheet names and the header rows as they are. You may delete a data sheet you do not use, "
                        + "but at least one of them must remain.",
                "7. Send a corrected file as a new revision: it replaces the earlier one for the years both cover."));
        for (int i = 0; i < lines.size(); i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue(lines.get(i));
            if (i == 0) {
                row.getCell(0).setCellStyle(styles.title);
            }
        }
        sheet.setColumnWidth(0, 150 * 256);
    }

    private static void cover(Sheet sheet, Styles styles) {
        for (int i = 0; i < COVER_LABELS.size(); i++) {
            Row row = sheet.createRow(i);
            var label = row.createCell(0);
            label.setCellValue(COVER_LABELS.get(i));
            label.setCellStyle(styles.header);
            var value = row.createCell(1);
            value.setCellStyle(COVER_LABELS.get(i).equals("Submission date") ? styles.date : styles.text);
            if (COVER_LABELS.get(i).equals("Template version")) {
                value.setCellValue(TEMPLATE_VERSION);
            }
        }
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 40 * 256);
    }

    private static Sheet dataSheet(Sheet sheet, List<String> headers, Styles styles) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            var cell = row.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(styles.header);
            String header = headers.get(c);
            int width = switch (header) {
                case "Year", "Value", "Unit", "MO code", "Trend", "Transport" -> 14;
                case "Modus operandi", "Route", "Notes" -> 50;
                default -> 30;
            };
            sheet.setColumnWidth(c, width * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private void writeLists(XSSFWorkbook workbook, Sheet sheet) {
        Map<String, List<String>> lists = lists();
        int column = 0;
        for (Map.Entry<String, List<String>> list : lists.entrySet()) {
            Row header = sheet.getRow(0) != null ? sheet.getRow(0) : sheet.createRow(0);
            header.createCell(column).setCellValue(list.getKey());
            List<String> values = list.getValue();
            for (int i = 0; i < values.size(); i++) {
                Row row = sheet.getRow(i + 1) != null ? sheet.getRow(i + 1) : sheet.createRow(i + 1);
                row.createCell(column).setCellValue(values.get(i));
            }
            String letter = CellReference.convertNumToColString(column);
            Name name = workbook.createName();
            name.setNameName(list.getKey());
            name.setRefersToFormula("'" + LISTS_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (values.size() + 1));
            column++;
        }
    }

    private static void dropDown(Sheet sheet, int column, String listName) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint = helper.createFormulaListConstraint(listName);
        DataValidation validation = helper.createValidation(constraint,
                new CellRangeAddressList(1, DATA_ROWS, column, column));
        validation.setSuppressDropDownArrow(true);
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        validation.createErrorBox("Not in the list", "This value is not in the list; the consolidation may not "
                + "recognise it. Choose from the list, or keep your text if none fits.");
        sheet.addValidationData(validation);
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle title;
        final CellStyle text;
        final CellStyle date;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        }
    }
}
