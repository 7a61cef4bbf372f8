package org.threatanalysis.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import org.threatanalysis.normalisation.ModusOperandiMatch;
import org.threatanalysis.normalisation.ModusOperandiMatcher;
import org.threatanalysis.normalisation.NumberParser;
import org.threatanalysis.normalisation.ParsedNumber;
import org.threatanalysis.normalisation.ParsedRoute;
import org.threatanalysis.normalisation.RouteParser;
import org.threatanalysis.normalisation.UnitConversion;
import org.threatanalysis.normalisation.YearParser;
import org.threatanalysis.reading.CellValue;
import org.threatanalysis.reference.ReferenceData;
import org.threatanalysis.reference.TextFolding;
import org.threatanalysis.staging.StagedRows;
import org.threatanalysis.staging.StagedRows.DataQualityIssue;
import org.threatanalysis.submission.CoverSheet;

/**
 * Turns a raw row into a staged row: checks the year against the cover sheet's period, maps
 * crime areas, indicators, commodities, units, trends and transport to codes, parses figures,
 * matches modus operandi and parses routes. A fault that makes the row meaningless rejects it;
 * a lesser one is staged with a warning. Either way it is reported with file, sheet and cell.
 *
 * <p>Thread-safe: holds only immutable reference data and thread-safe matchers.
 */
public final class RowNormaliser {

    private final ReferenceData reference;
    private final NumberParser numbers;
    private final UnitConversion units;
    private final ModusOperandiMatcher modusOperandi;
    private final RouteParser routes;
    private final Set<String> totalMarkers;

    public RowNormaliser(ReferenceData reference, ModusOperandiMatcher modusOperandi, RouteParser routes) {
        this.reference = reference;
        this.numbers = new NumberParser(reference.markers("suppressed"));
        this.units = new UnitConversion(reference);
        this.modusOperandi = modusOperandi;
        this.routes = routes;
        this.totalMarkers = reference.markers("total");
    }

    public ImportResult normalise(ImportItem item, CoverSheet cover) {
        if (item instanceof ImportItem.SheetNotice notice) {
            return new ImportResult(null, null, List.of(notice.issue()));
        }
        if (item instanceof ImportItem.FileRejected rejected) {
            return ImportResult.fileRejected(rejected.reason());
        }
        ImportItem.RawRow row = (ImportItem.RawRow) item;
        if (row.blank()) {
            return passed(row, "BLANK");
        }
        if (isTotalRow(row)) {
            return passed(row, "TOTAL");
        }
        List<DataQualityIssue> issues = new ArrayList<>();
        controlCharacters(row, issues);
        Integer year = year(row, cover, issues);
        String crimeArea = crimeArea(row, issues);
        StagedRows.Staged staged = switch (row.kind()) {
            case INDICATORS -> indicator(row, year, crimeArea, issues);
            case MODUS_OPERANDI -> modusOperandi(row, year, crimeArea, issues);
            case ROUTES -> route(row, year, crimeArea, issues, cover);
        };
        return new ImportResult(staged, null, issues);
    }

    private static ImportResult passed(ImportItem.RawRow row, String kind) {
        return new ImportResult(null, new StagedRows.PassedRow(row.submissionId(), row.sheetName(), row.rowNumber(), kind),
                List.of());
    }

    private static final List<String> TOTAL_FIELDS = List.of("year", "crime_area", "indicator", "commodity");

    private boolean isTotalRow(ImportItem.RawRow row) {
        for (String field : TOTAL_FIELDS) {
            CellValue cell = row.value(field);
            if (cell == null || cell.kind() == CellValue.Kind.NUMBER) {
                continue; // a number is never a total marker (most years are numbers)
            }
            String text = row.text(field);
            if (text == null) {
                continue;
            }
            String folded = TextFolding.fold(text);
            if (totalMarkers.contains(folded) || folded.equals("total") || folded.startsWith("total ")
                    || folded.startsWith("subtotal")) {
                return true;
            }
        }
        return false;
    }

    private Integer year(ImportItem.RawRow row, CoverSheet cover, List<DataQualityIssue> issues) {
        CellValue cell = row.value("year");
        if (cell == null || cell.isBlank()) {
            issues.add(reject(row, "year", null, "The Year is missing."));
            return null;
        }
        OptionalInt year = YearParser.parse(cell);
        if (year.isEmpty()) {
            issues.add(reject(row, "year", cell.text(), "'" + cell.text().strip() + "' is not a year."));
            return null;
        }
        if (!cover.covers(year.getAsInt())) {
            issues.add(reject(row, "year", cell.text(), "The year " + year.getAsInt()
                    + " is outside the reporting period " + cover.period() + " given on the cover sheet."));
            return null;
        }
        return year.getAsInt();
    }

    private String crimeArea(ImportItem.RawRow row, List<DataQualityIssue> issues) {
        String text = row.text("crime_area");
        if (text == null) {
            issues.add(reject(row, "crime_area", null, "The Crime area is missing."));
            return null;
        }
        return reference.crimeAreas().lookup(text).orElseGet(() -> {
            issues.add(reject(row, "crime_area", text, "Unknown crime area '" + text + "'."));
            return null;
        });
    }

    private StagedRows.Indicator indicator(ImportItem.RawRow row, Integer year, String crimeArea,
            List<DataQualityIssue> issues) {
        String indicatorText = row.text("indicator");
        String indicator = null;
        if (indicatorText == null) {
            issues.add(reject(row, "indicator", null, "The Indicator is missing."));
        } else {
            indicator = reference.indicators().lookup(indicatorText).orElse(null);
            if (indicator == null) {
                issues.add(reject(row, "indicator", indicatorText, "Unknown indicator '" + indicatorText + "'."));
            }
        }
        String commodityText = row.text("commodity");
        String commodity = null;
        String commodityKind = null;
        if (commodityText != null) {
            commodity = reference.commodities().lookup(commodityText).orElse(null);
            if (commodity == null) {
                issues.add(warn(row, "commodity", commodityText, "Unknown commodity '" + commodityText
                        + "'; the figure is kept without a commodity code."));
            } else {
                commodityKind = reference.commodities().entry(commodity).map(e -> e.attribute("kind")).orElse(null);
            }
        } else if ("seizures".equals(indicator)) {
            issues.add(warn(row, "commodity", null, "A seizure without a Commodity."));
        }
        CellValue valueCell = row.value("value");
        ParsedNumber parsed = numbers.parse(valueCell);
        String valueRaw = valueCell == null ? null : valueCell.text();
        if (parsed.status() == ParsedNumber.Status.INVALID) {
            issues.add(reject(row, "value", valueRaw, "'" + valueRaw.strip() + "' is not a number."));
        } else if (parsed.status() == ParsedNumber.Status.NUMBER && parsed.value().signum() < 0) {
            issues.add(reject(row, "value", valueRaw, "A negative figure (" + parsed.value().toPlainString()
                    + ") cannot be a count or a quantity."));
        }
        String unitText = row.text("unit");
        String unit = null;
        if (unitText != null) {
            unit = units.unitCode(unitText).orElse(null);
            if (unit == null) {
                issues.add(warn(row, "unit", unitText, "Unknown unit '" + unitText
                        + "'; the figure is kept as submitted and not converted."));
            }
        } else if ("seizures".equals(indicator) && parsed.status() == ParsedNumber.Status.NUMBER) {
            issues.add(warn(row, "unit", null, "A seizure without a Unit; the figure is kept as submitted."));
        }
        if (year == null || crimeArea == null || indicator == null || issues.stream().anyMatch(DataQualityIssue::rowRejected)) {
            return null;
        }
        BigDecimal normalised = null;
        String normalisedUnit = null;
        if (parsed.status() == ParsedNumber.Status.NUMBER) {
            if (unitText == null) {
                normalised = parsed.value();
            } else if (unit != null) {
                UnitConversion.Converted converted = units.convert(parsed.value(), unit, commodity, commodityKind);
                if (converted.problem() != null) {
                    issues.add(warn(row, "unit", unitText, "The unit cannot be converted: " + converted.problem() + "."));
                } else {
                    normalised = converted.value();
                    normalisedUnit = converted.unit();
                }
            }
        }
        return new StagedRows.Indicator(row.submissionId(), row.rowNumber(), row.source("value"), year, crimeArea,
                row.text("crime_area"), indicator, indicatorText, commodity, commodityText, parsed.status().name(),
                valueRaw, parsed.value(), unit, unitText, normalised, normalisedUnit, row.text("notes"));
    }

    private StagedRows.ModusOperandi modusOperandi(ImportItem.RawRow row, Integer year, String crimeArea,
            List<DataQualityIssue> issues) {
        String text = row.text("mo_text");
        String codeRaw = row.text("mo_code");
        if (text == null && codeRaw == null) {
            issues.add(reject(row, "mo_text", null, "The Modus operandi is missing."));
        }
        String trend = trend(row, issues);
        if (year == null || crimeArea == null || issues.stream().anyMatch(DataQualityIssue::rowRejected)) {
            return null;
        }
        ModusOperandiMatch match = modusOperandi.match(text, codeRaw, crimeArea);
        if (codeRaw != null && match.method() != ModusOperandiMatch.Method.CODE) {
            issues.add(warn(row, "mo_code", codeRaw, "Unknown MO code '" + codeRaw + "'; the text was matched instead."));
        }
        String suggestions = suggestions(match);
        return new StagedRows.ModusOperandi(row.submissionId(), row.rowNumber(),
                row.source(text != null ? "mo_text" : "mo_code"), year, crimeArea, row.text("crime_area"), text,
                codeRaw, match.code(), match.method().name(), match.confidence(), suggestions,
                trend, row.text("trend"), row.text("notes"));
    }

    /** The suggestions of a match as staged and shown: {@code "MS01 (0.72); MS02 (0.55)"}, or null. */
    public static String suggestions(ModusOperandiMatch match) {
        if (match.suggestions().isEmpty()) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (ModusOperandiMatch.Suggestion s : match.suggestions()) {
            if (!joined.isEmpty()) {
                joined.append("; ");
            }
            joined.append(s.code()).append(" (").append(twoDecimals(s.score())).append(')');
        }
        return joined.toString();
    }

    /**
     * A score as {@code %.2f} would print it, without a Formatter per row (unique case-level text
     * brings suggestions on most rows). Scores are kept to hundredths already.
     */
    static String twoDecimals(double score) {
        long hundredths = Math.round(score * 100);
        long fraction = Math.abs(hundredths % 100);
        return (hundredths < 0 && hundredths > -100 ? "-" : "") + hundredths / 100 + (fraction < 10 ? ".0" : ".")
                + fraction;
    }

    private StagedRows.Route route(ImportItem.RawRow row, Integer year, String crimeArea, List<DataQualityIssue> issues,
            CoverSheet cover) {
        String text = row.text("route");
        if (text == null) {
            issues.add(reject(row, "route", null, "The Route is missing."));
        }
        String commodityText = row.text("commodity");
        String commodity = null;
        if (commodityText != null) {
            commodity = reference.commodities().lookup(commodityText).orElse(null);
            if (commodity == null) {
                issues.add(warn(row, "commodity", commodityText, "Unknown commodity '" + commodityText + "'."));
            }
        }
        String transportText = row.text("transport");
        if (transportText != null && reference.transportModes().lookup(transportText).isEmpty()) {
            issues.add(warn(row, "transport", transportText, "Unknown transport mode '" + transportText + "'."));
        }
        String trend = trend(row, issues);
        if (year == null || crimeArea == null || issues.stream().anyMatch(DataQualityIssue::rowRejected)) {
            return null;
        }
        ParsedRoute parsed = routes.parse(text, transportText, cover.submitter());
        String problem = parsed.problem();
        if (problem != null) {
            issues.add(warn(row, "route", text, routeFinding(problem)));
        }
        return new StagedRows.Route(row.submissionId(), row.rowNumber(), row.source("route"), year, crimeArea,
                row.text("crime_area"), commodity, commodityText, text, parsed.countrySequence(),
                parsed.places().isEmpty() ? null : String.join("; ", parsed.places()), parsed.transport(),
                transportText, trend, row.text("trend"), problem, row.text("notes"));
    }

    /** How every finding about a route that was not fully understood starts. */
    public static final String ROUTE_FINDING_PREFIX = "Route not fully understood: ";

    /** The finding for a route that was not fully understood (also re-made by the normaliseStaged step). */
    public static String routeFinding(String problem) {
        return ROUTE_FINDING_PREFIX + problem + "; the raw text is kept.";
    }

    private String trend(ImportItem.RawRow row, List<DataQualityIssue> issues) {
        String text = row.text("trend");
        if (text == null) {
            return null;
        }
        return reference.trends().lookup(text).orElseGet(() -> {
            issues.add(warn(row, "trend", text, "Unknown trend '" + text + "' (expected new, increasing, stable or decreasing)."));
            return null;
        });
    }

    /**
     * Control characters (other than tab, line feed, carriage return) cannot be stored in a
     * workbook's XML: the writer replaces them with '?'. The value changes, so it is reported.
     */
    private static void controlCharacters(ImportItem.RawRow row, List<DataQualityIssue> issues) {
        boolean found = false;
        for (CellValue cell : row.values().values()) {
            if (hasControlCharacter(cell)) {
                found = true;
                break;
            }
        }
        if (!found) {
            return; // the common case, checked without building anything
        }
        for (var entry : new java.util.TreeMap<>(row.values()).entrySet()) {
            CellValue cell = entry.getValue();
            if (cell == null || cell.kind() != CellValue.Kind.TEXT || cell.text() == null) {
                continue;
            }
            String codes = cell.text().chars().filter(RowNormaliser::isControl).distinct()
                    .mapToObj(c -> String.format("U+%04X", c)).collect(Collectors.joining(", "));
            if (!codes.isEmpty()) {
                issues.add(warn(row, entry.getKey(), cell.text(), "The text contains control characters (" + codes
                        + ") that a workbook cannot hold; they are written as '?'."));
            }
        }
    }

    private static boolean hasControlCharacter(CellValue cell) {
        if (cell == null || cell.kind() != CellValue.Kind.TEXT || cell.text() == null) {
            return false;
        }
        String text = cell.text();
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF;
    }

    private static DataQualityIssue reject(ImportItem.RawRow row, String field, String value, String reason) {
        return issue(row, field, value, reason + " The row was not imported.", true);
    }

    private static DataQualityIssue warn(ImportItem.RawRow row, String field, String value, String reason) {
        return issue(row, field, value, reason, false);
    }

    private static DataQualityIssue issue(ImportItem.RawRow row, String field, String value, String reason,
            boolean rejected) {
        String cell = row.cell(field);
        return new DataQualityIssue(row.submissionId(), row.file(), row.sheetName(),
                cell != null ? cell : "A" + row.rowNumber(), row.rowNumber(), value, reason, rejected);
    }
}
