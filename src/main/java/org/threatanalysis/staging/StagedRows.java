package org.threatanalysis.staging;

import java.math.BigDecimal;

/**
 * The row types kept in the staging tables. Raw text stays beside every normalised value, and
 * every row keeps its source cell ({@code RO_2021.xlsx!Routes!D17}).
 */
public final class StagedRows {

    private StagedRows() {
    }

    /** A row of the {@code Indicators} sheet. */
    public record Indicator(int submissionId, int sheetRow, String source, int year, String crimeArea,
            String crimeAreaRaw, String indicator, String indicatorRaw, String commodity, String commodityRaw,
            String valueStatus, String valueRaw, BigDecimal value, String unit, String unitRaw,
            BigDecimal normalisedValue, String normalisedUnit, String notes) implements Staged {
    }

    /** A row of the {@code Modus operandi} sheet. */
    public record ModusOperandi(int submissionId, int sheetRow, String source, int year, String crimeArea,
            String crimeAreaRaw, String text, String codeRaw, String code, String method, double confidence,
            String suggestions, String trend, String trendRaw, String notes) implements Staged {
    }

    /** A row of the {@code Routes} sheet. */
    public record Route(int submissionId, int sheetRow, String source, int year, String crimeArea,
            String crimeAreaRaw, String commodity, String commodityRaw, String text, String countries, String places,
            String transport, String transportRaw, String trend, String trendRaw, String problem, String notes)
            implements Staged {
    }

    /** A blank or total row: not data, but accounted for. */
    public record PassedRow(int submissionId, String sheet, int sheetRow, String kind) {
    }

    /**
     * A data-quality finding: where ({@code file!sheet!cell}), the bad value, why, and whether the
     * row was kept out of the data because of it.
     */
    public record DataQualityIssue(Integer submissionId, String file, String sheet, String cell, Integer sheetRow,
            String value, String reason, boolean rowRejected) {

        public String location() {
            StringBuilder s = new StringBuilder(file);
            if (sheet != null) {
                s.append('!').append(sheet);
            }
            if (cell != null) {
                s.append('!').append(cell);
            }
            return s.toString();
        }
    }

    /** Marker of the three data-row types. */
    public sealed interface Staged permits Indicator, ModusOperandi, Route {
    }
}
