package org.threatanalysis.submission;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.util.CellReference;
import org.threatanalysis.normalisation.CountryResolver;
import org.threatanalysis.reading.CellValue;
import org.threatanalysis.reading.SheetReader;
import org.threatanalysis.reading.SheetRow;
import org.threatanalysis.reading.SubmissionWorkbook;
import org.threatanalysis.reference.ReferenceData;

/**
 * Reads and validates the {@code Submission} cover sheet: labels in one column, values in the
 * next, in any order, blank rows allowed.
 */
public final class CoverSheetReader {

    static final String SHEET = "Submission";
    private static final List<String> SHEET_NAMES = List.of(SHEET, "Cover", "Cover sheet", "Submission details");
    private static final int MAX_ROWS = 100;
    private static final Pattern PERIOD = Pattern.compile(
            "^\\s*((?:19|20)\\d{2})\\s*(?:(?:-|–|—|/|to|until|do|до|până la)\\s*((?:19|20)\\d{2}))?\\s*\\.?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REVISION = Pattern.compile("(\\d+)");
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("d.M.uuuu"),
            DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"),
            DateTimeFormatter.ofPattern("d.M.uuuu."));

    private final ReferenceData reference;
    private final CountryResolver countries;

    public CoverSheetReader(ReferenceData reference, CountryResolver countries) {
        this.reference = reference;
        this.countries = countries;
    }

    public CoverSheet read(SubmissionWorkbook workbook) throws IOException, InvalidCoverSheetException {
        String sheet = SHEET_NAMES.stream().map(workbook::findSheet).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new InvalidCoverSheetException(
                        "The workbook has no cover sheet named 'Submission' (sheets found: "
                                + String.join(", ", workbook.sheetNames()) + ")."));
        Map<String, CellValue> values = new HashMap<>();
        Map<String, String> cells = new HashMap<>();
        try (SheetReader rows = workbook.openSheet(sheet)) {
            while (rows.hasNext()) {
                SheetRow row = rows.next();
                if (row.rowNumber() > MAX_ROWS) {
                    break;
                }
                List<CellValue> nonBlank = row.cells().stream().filter(c -> !c.isBlank()).toList();
                if (nonBlank.size() < 2 || nonBlank.get(0).kind() != CellValue.Kind.TEXT) {
                    continue;
                }
                Optional<String> field = reference.headerAliases().field(SHEET, nonBlank.get(0).text());
                if (field.isPresent() && !values.containsKey(field.get())) {
                    CellValue value = nonBlank.get(1);
                    values.put(field.get(), value);
                    cells.put(field.get(), new CellReference(row.rowNumber() - 1, value.column()).formatAsString());
                }
            }
        }
        return validate(sheet, values, cells);
    }

    private CoverSheet validate(String sheet, Map<String, CellValue> values, Map<String, String> cells)
            throws InvalidCoverSheetException {
        CellValue stateCell = values.get("member_state");
        if (stateCell == null) {
            throw new InvalidCoverSheetException("The cover sheet '" + sheet + "' does not give the Member state.");
        }
        String stateRaw = stateCell.text().strip();
        CellValue entityCell = values.get("reporting_entity");
        String entityRaw = entityCell == null ? null : entityCell.text().strip();
        String entity = null;
        if (entityRaw != null && !entityRaw.isEmpty()) {
            entity = countries.entity(entityRaw).orElseThrow(() -> new InvalidCoverSheetException(
                    "The Reporting entity '" + entityRaw + "' (" + sheet + "!" + cells.get("reporting_entity")
                            + ") is not a known reporting entity."));
        }
        String state = countries.country(stateRaw).orElse(null);
        if (state == null) {
            // A sub-national entity sometimes writes its own name as the member state.
            Optional<String> asEntity = countries.entity(stateRaw);
            if (asEntity.isPresent()) {
                entity = entity == null ? asEntity.get() : entity;
                state = reference.reportingEntities().entry(asEntity.get()).map(e -> e.attribute("country")).orElse(null);
            }
        }
        if (state == null) {
            throw new InvalidCoverSheetException("The Member state '" + stateRaw + "' (" + sheet + "!"
                    + cells.get("member_state") + ") is not a known country.");
        }
        int[] period = period(sheet, values.get("reporting_period"), cells.get("reporting_period"));
        LocalDate submitted = submissionDate(sheet, values.get("submission_date"), cells.get("submission_date"));
        int revision = revision(sheet, values.get("revision"), cells.get("revision"));
        CellValue templateCell = values.get("template_version");
        String template = templateCell == null ? "1" : templateCell.text().strip();
        return new CoverSheet(state, entity, entity != null ? entity : state, stateRaw, entityRaw, period[0],
                period[1], submitted, revision, template);
    }

    private static int[] period(String sheet, CellValue cell, String ref) throws InvalidCoverSheetException {
        if (cell == null || cell.isBlank()) {
            throw new InvalidCoverSheetException("The cover sheet '" + sheet + "' does not give the Reporting period.");
        }
        Matcher m = PERIOD.matcher(cell.text());
        if (!m.matches()) {
            throw new InvalidCoverSheetException("The Reporting period '" + cell.text() + "' (" + sheet + "!" + ref
                    + ") is not a year or a range of years such as 2017-2021.");
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (to < from) {
            throw new InvalidCoverSheetException("The Reporting period '" + cell.text() + "' (" + sheet + "!" + ref
                    + ") ends before it starts.");
        }
        return new int[] {from, to};
    }

    private static LocalDate submissionDate(String sheet, CellValue cell, String ref) throws InvalidCoverSheetException {
        if (cell == null || cell.isBlank()) {
            throw new InvalidCoverSheetException("The cover sheet '" + sheet + "' does not give the Submission date.");
        }
        if (cell.isDate()) {
            return cell.date().toLocalDate();
        }
        String text = cell.text().strip();
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new InvalidCoverSheetException("The Submission date '" + text + "' (" + sheet + "!" + ref
                + ") is not a date (write it as 2022-03-14 or 14.03.2022).");
    }

    private static int revision(String sheet, CellValue cell, String ref) throws InvalidCoverSheetException {
        if (cell == null || cell.isBlank()) {
            return 1;
        }
        Matcher m = REVISION.matcher(cell.text());
        if (!m.find()) {
            throw new InvalidCoverSheetException("The Revision '" + cell.text() + "' (" + sheet + "!" + ref
                    + ") is not a number.");
        }
        return Integer.parseInt(m.group(1));
    }
}
