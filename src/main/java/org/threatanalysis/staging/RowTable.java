package org.threatanalysis.staging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.threatanalysis.staging.RowBlockCodec.Input;
import org.threatanalysis.staging.RowBlockCodec.Output;

/**
 * The three kinds of staged data rows, as kept in {@code ta_row_block}: the name in its
 * {@code row_table} column (and in {@code ta_row_count}), how a row is written to and read from
 * a block, which rows count as flagged, and the order rows are kept in within a block: the order
 * of the workbook's sheet (after submitter and year), so that the write step merges blocks instead
 * of sorting rows.
 */
public enum RowTable {

    INDICATOR("indicator") {
        @Override
        void write(StagedRows.Staged staged, Output out) {
            StagedRows.Indicator r = (StagedRows.Indicator) staged;
            common(out, r.sheetRow(), r.source(), r.year(), r.crimeArea(), r.crimeAreaRaw());
            out.text(r.indicator());
            out.text(r.indicatorRaw());
            out.text(r.commodity());
            out.text(r.commodityRaw());
            out.text(r.valueStatus());
            out.text(r.valueRaw());
            out.decimal(r.value());
            out.text(r.unit());
            out.text(r.unitRaw());
            out.decimal(r.normalisedValue());
            out.text(r.normalisedUnit());
            out.text(r.notes());
        }

        @Override
        StagedRows.Staged read(int submissionId, Input in) {
            return new StagedRows.Indicator(submissionId, in.integer(), in.text(), in.integer(), in.text(), in.text(),
                    in.text(), in.text(), in.text(), in.text(), in.text(), in.text(), in.decimal(), in.text(),
                    in.text(), in.decimal(), in.text(), in.text());
        }

        @Override
        public boolean flagged(StagedRows.Staged row) {
            return false;
        }
    },

    MODUS_OPERANDI("modus_operandi") {
        @Override
        void write(StagedRows.Staged staged, Output out) {
            StagedRows.ModusOperandi r = (StagedRows.ModusOperandi) staged;
            common(out, r.sheetRow(), r.source(), r.year(), r.crimeArea(), r.crimeAreaRaw());
            out.text(r.text());
            out.text(r.codeRaw());
            out.text(r.code());
            out.text(r.method());
            out.floating(r.confidence());
            out.text(r.suggestions());
            out.text(r.trend());
            out.text(r.trendRaw());
            out.text(r.notes());
        }

        @Override
        StagedRows.Staged read(int submissionId, Input in) {
            return new StagedRows.ModusOperandi(submissionId, in.integer(), in.text(), in.integer(), in.text(),
                    in.text(), in.text(), in.text(), in.text(), in.text(), in.floating(), in.text(), in.text(),
                    in.text(), in.text());
        }

        /** A modus operandi without a code. */
        @Override
        public boolean flagged(StagedRows.Staged row) {
            return ((StagedRows.ModusOperandi) row).code() == null;
        }
    },

    ROUTE("route") {
        @Override
        void write(StagedRows.Staged staged, Output out) {
            StagedRows.Route r = (StagedRows.Route) staged;
            common(out, r.sheetRow(), r.source(), r.year(), r.crimeArea(), r.crimeAreaRaw());
            out.text(r.commodity());
            out.text(r.commodityRaw());
            out.text(r.text());
            out.text(r.countries());
            out.text(r.places());
            out.text(r.transport());
            out.text(r.transportRaw());
            out.text(r.trend());
            out.text(r.trendRaw());
            out.text(r.problem());
            out.text(r.notes());
        }

        @Override
        StagedRows.Staged read(int submissionId, Input in) {
            return new StagedRows.Route(submissionId, in.integer(), in.text(), in.integer(), in.text(), in.text(),
                    in.text(), in.text(), in.text(), in.text(), in.text(), in.text(), in.text(), in.text(),
                    in.text(), in.text(), in.text());
        }

        /** A route the parser did not fully understand (left out of the route analysis). */
        @Override
        public boolean flagged(StagedRows.Staged row) {
            return ((StagedRows.Route) row).problem() != null;
        }
    };

    /** Nulls first, as the database's ORDER BY put them before. Written out: this runs per row. */
    private static int compareCodes(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    private static final Comparator<StagedRows.Indicator> INDICATOR_ORDER = (a, b) -> {
        int c = compareCodes(a.crimeArea(), b.crimeArea());
        c = c != 0 ? c : compareCodes(a.indicator(), b.indicator());
        return c != 0 ? c : compareCodes(a.commodity(), b.commodity());
    };
    private static final Comparator<StagedRows.ModusOperandi> MODUS_OPERANDI_ORDER = (a, b) -> {
        int c = compareCodes(a.crimeArea(), b.crimeArea());
        return c != 0 ? c : compareCodes(a.code(), b.code());
    };
    private static final Comparator<StagedRows.Route> ROUTE_ORDER = (a, b) -> {
        int c = compareCodes(a.crimeArea(), b.crimeArea());
        return c != 0 ? c : compareCodes(a.countries(), b.countries());
    };

    private final String tableName;

    RowTable(String tableName) {
        this.tableName = tableName;
    }

    /** The name in {@code ta_row_block.row_table} and {@code ta_row_count.row_table}. */
    public String tableName() {
        return tableName;
    }

    public static RowTable of(StagedRows.Staged row) {
        if (row instanceof StagedRows.Indicator) {
            return INDICATOR;
        }
        return row instanceof StagedRows.ModusOperandi ? MODUS_OPERANDI : ROUTE;
    }

    abstract void write(StagedRows.Staged row, Output out);

    abstract StagedRows.Staged read(int submissionId, Input in);

    /** Rows counted as flagged in {@code ta_row_count}. */
    public abstract boolean flagged(StagedRows.Staged row);

    public int sheetRow(StagedRows.Staged row) {
        if (row instanceof StagedRows.Indicator i) {
            return i.sheetRow();
        }
        return row instanceof StagedRows.ModusOperandi m ? m.sheetRow() : ((StagedRows.Route) row).sheetRow();
    }

    public static int year(StagedRows.Staged row) {
        if (row instanceof StagedRows.Indicator i) {
            return i.year();
        }
        return row instanceof StagedRows.ModusOperandi m ? m.year() : ((StagedRows.Route) row).year();
    }

    /**
     * The sheet's order of rows of one submission and year: by the sheet's key columns (crime area,
     * then indicator and commodity, MO code, or countries), then by row. Across files of the same
     * submitter and year the write step puts the file's path between the two.
     */
    @SuppressWarnings("unchecked")
    public Comparator<StagedRows.Staged> keyOrder() {
        return (Comparator<StagedRows.Staged>) (Comparator<?>) switch (this) {
            case INDICATOR -> INDICATOR_ORDER;
            case MODUS_OPERANDI -> MODUS_OPERANDI_ORDER;
            case ROUTE -> ROUTE_ORDER;
        };
    }

    /**
     * The rows in the order within a block: by {@link #keyOrder()}, then by sheet row. Grouped
     * rather than sorted: a chunk's rows arrive in sheet order and share a few dozen keys, so each
     * key's rows are kept as they come and only the distinct keys are sorted (a sort of every row
     * was a tenth of the staging's cost).
     */
    public List<StagedRows.Staged> inBlockOrder(List<? extends StagedRows.Staged> rows) {
        Map<GroupKey, List<StagedRows.Staged>> groups = new HashMap<>();
        for (StagedRows.Staged row : rows) {
            groups.computeIfAbsent(groupKey(row), k -> new ArrayList<>()).add(row);
        }
        List<List<StagedRows.Staged>> ordered = new ArrayList<>(groups.values());
        Comparator<StagedRows.Staged> keys = keyOrder();
        ordered.sort((a, b) -> keys.compare(a.get(0), b.get(0)));
        List<StagedRows.Staged> inOrder = new ArrayList<>(rows.size());
        for (List<StagedRows.Staged> group : ordered) {
            if (!isAscendingBySheetRow(group)) {
                group.sort(Comparator.comparingInt(this::sheetRow));
            }
            inOrder.addAll(group);
        }
        return inOrder;
    }

    /** The fields {@link #keyOrder()} compares; equal keys compare as equal. */
    private record GroupKey(String first, String second, String third) {
    }

    private static GroupKey groupKey(StagedRows.Staged row) {
        if (row instanceof StagedRows.Indicator i) {
            return new GroupKey(i.crimeArea(), i.indicator(), i.commodity());
        }
        if (row instanceof StagedRows.ModusOperandi m) {
            return new GroupKey(m.crimeArea(), m.code(), null);
        }
        StagedRows.Route r = (StagedRows.Route) row;
        return new GroupKey(r.crimeArea(), r.countries(), null);
    }

    private boolean isAscendingBySheetRow(List<StagedRows.Staged> rows) {
        for (int i = 1; i < rows.size(); i++) {
            if (sheetRow(rows.get(i - 1)) > sheetRow(rows.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static void common(Output out, int sheetRow, String source, int year, String crimeArea,
            String crimeAreaRaw) {
        out.integer(sheetRow);
        out.text(source);
        out.integer(year);
        out.text(crimeArea);
        out.text(crimeAreaRaw);
    }
}
