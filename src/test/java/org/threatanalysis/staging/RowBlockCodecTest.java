package org.threatanalysis.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Staged rows survive their block exactly (text of any kind, nulls, decimals), in sheet order. */
class RowBlockCodecTest {

    private static final String AWKWARD = "Trafic de droguri \u00e9\u0107\u0416\u03a9 \u0000 tab\t"
            + "\ud83d\ude9a lone\ud800 _x0041_ =SUM(A1) \uffff";

    @Test
    void indicatorsComeBackExactlyWithDecimalsAtTheStagingScale() {
        List<StagedRows.Indicator> rows = List.of(
                new StagedRows.Indicator(7, 12, "RO_2021.xlsx!Indicators!E12", 2021, "DRG", AWKWARD, "SEIZURES",
                        null, null, "cocaina", "NUMBER", "1.234,5", new BigDecimal("1234.5"), "KG", "kg",
                        new BigDecimal("-0.1234567894"), "KG", null),
                new StagedRows.Indicator(7, 13, "src", 2020, "DRG", null, "CASES", null, null, null, "SUPPRESSED",
                        "<5", null, null, null, null, null, "x".repeat(40_000)));
        List<StagedRows.Indicator> back = roundTrip(RowTable.INDICATOR, rows, 7);

        assertThat(back.get(0)).isEqualTo(new StagedRows.Indicator(7, 12, "RO_2021.xlsx!Indicators!E12", 2021,
                "DRG", AWKWARD, "SEIZURES", null, null, "cocaina", "NUMBER", "1.234,5",
                new BigDecimal("1234.500000000"), "KG", "kg", new BigDecimal("-0.123456789"), "KG", null));
        assertThat(back.get(1).notes()).hasSize(StagingRepository.MAX_TEXT);
        assertThat(back.get(1).value()).isNull();
        assertThat(back.get(1).year()).isEqualTo(2020);
    }

    @Test
    void modusOperandiAndRoutesComeBackAndTheirFlagsAreCounted() {
        List<StagedRows.ModusOperandi> mo = List.of(
                new StagedRows.ModusOperandi(3, 9, "s!B9", 2019, "THB", "thb", AWKWARD, null, null, "UNMATCHED", 0.0,
                        null, "increasing", "u porastu", null),
                new StagedRows.ModusOperandi(3, 4, "s!B4", 2019, "THB", null, "fake job offers", "THB-02", "THB-02",
                        "CODE", 0.8125, "THB-02 0.81; THB-01 0.40", null, null, "note"));
        assertThat(roundTrip(RowTable.MODUS_OPERANDI, mo, 3)).containsExactlyElementsOf(mo);
        RowBlockCodec.Encoded encoded = RowBlockCodec.encode(RowTable.MODUS_OPERANDI, mo);
        assertThat(encoded.flagged()).isEqualTo(1);
        assertThat(encoded.firstRow()).isEqualTo(4);
        assertThat(encoded.rows()).isEqualTo(2);

        List<StagedRows.Route> routes = List.of(new StagedRows.Route(5, 30, "s!D30", 2018, "MIG", null, null, null,
                "Kabul - Tehran - ??? - Wien", "AF>IR>AT", null, "ROAD", "truck", null, null,
                "unknown place '???'", AWKWARD));
        assertThat(roundTrip(RowTable.ROUTE, routes, 5)).containsExactlyElementsOf(routes);
        assertThat(RowBlockCodec.encode(RowTable.ROUTE, routes).flagged()).isEqualTo(1);
    }

    @Test
    void blockOrderIsTheSheetOrderWithNullCodesFirst() {
        StagedRows.ModusOperandi unmatched = mo(20, null);
        StagedRows.ModusOperandi b = mo(5, "DRG-02");
        StagedRows.ModusOperandi a1 = mo(11, "DRG-01");
        StagedRows.ModusOperandi a2 = mo(10, "DRG-01");
        List<StagedRows.Staged> rows = List.of(b, a1, unmatched, a2);
        assertThat(RowTable.MODUS_OPERANDI.inBlockOrder(rows)).containsExactly(unmatched, a2, a1, b);
    }

    @Test
    void inBlockOrderGroupsRowsAsSortingThemByKeyThenRowWould() {
        java.util.Random random = new java.util.Random(42);
        String[] codes = {null, "DRG-01", "DRG-02", "THB-01"};
        String[] areas = {null, "DRG", "THB"};
        List<StagedRows.Staged> mo = new ArrayList<>();
        List<StagedRows.Staged> routes = new ArrayList<>();
        List<StagedRows.Staged> indicators = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            // Mostly in sheet order, with some rows out of it (a restarted or re-normalised block).
            int row = i % 97 == 0 ? 5_000 - i : i + 2;
            String area = areas[random.nextInt(areas.length)];
            mo.add(new StagedRows.ModusOperandi(1, row, "s", 2020, area, null, "t" + i, null,
                    codes[random.nextInt(codes.length)], "SCORED", 0.5, null, null, null, null));
            routes.add(new StagedRows.Route(1, row, "s", 2020, area, null, null, null, "x",
                    random.nextInt(5) == 0 ? null : "AF>IR>" + (char) ('A' + random.nextInt(4)), null, null, null,
                    null, null, null, null));
            indicators.add(new StagedRows.Indicator(1, row, "s", 2020, area, null,
                    codes[random.nextInt(codes.length)], null, random.nextBoolean() ? null : "COCAINE", null,
                    "NUMBER", "1", BigDecimal.ONE, null, null, null, null, null));
        }
        for (var tableRows : List.of(java.util.Map.entry(RowTable.MODUS_OPERANDI, mo),
                java.util.Map.entry(RowTable.ROUTE, routes), java.util.Map.entry(RowTable.INDICATOR, indicators))) {
            List<StagedRows.Staged> sorted = new ArrayList<>(tableRows.getValue());
            RowTable table = tableRows.getKey();
            sorted.sort(table.keyOrder().thenComparingInt(table::sheetRow));
            assertThat(tableRows.getKey().inBlockOrder(tableRows.getValue())).containsExactlyElementsOf(sorted);
        }
    }

    @Test
    void aBlockOfManyRowsIsReadFrameByFrame() {
        List<StagedRows.ModusOperandi> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(new StagedRows.ModusOperandi(1, i + 2, "f.xlsx!Modus operandi!B" + (i + 2), 2017 + i % 5, "DRG",
                    null, "drugs hidden in trucks, case " + i, null, i % 3 == 0 ? null : "DRG-0" + (i % 7), "SCORED",
                    i / 5000.0, null, null, null, null));
        }
        RowBlockCodec.Encoded encoded = RowBlockCodec.encode(RowTable.MODUS_OPERANDI, rows);
        // About 300 KB of records: several frames, each compressed to a fraction of its size.
        assertThat(encoded.data().length).isLessThan(rows.size() * 25);
        Iterator<StagedRows.ModusOperandi> back = RowBlockCodec.rows(RowTable.MODUS_OPERANDI, 1, encoded.data(),
                encoded.rows());
        for (StagedRows.ModusOperandi row : rows) {
            assertThat(back.next()).isEqualTo(row);
        }
        assertThat(back.hasNext()).isFalse();
    }

    @Test
    void aBlockOfTheFirstLayoutOneDeflateStreamIsStillRead() {
        List<StagedRows.ModusOperandi> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add(mo(i + 2, i % 2 == 0 ? null : "DRG-01"));
        }
        // As the earlier version wrote it: the layout byte 1 and the records, deflated as one stream.
        RowBlockCodec.Output records = new RowBlockCodec.Output(1024);
        records.bytes[records.size++] = 1;
        rows.forEach(row -> RowTable.MODUS_OPERANDI.write(row, records));
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(1);
        deflater.setInput(records.bytes, 0, records.size);
        deflater.finish();
        byte[] packed = new byte[records.size + 64];
        byte[] block = java.util.Arrays.copyOf(packed, deflater.deflate(packed));
        deflater.end();

        assertThat(RowBlockCodec.<StagedRows.ModusOperandi>readAll(RowTable.MODUS_OPERANDI, 1, block, rows.size()))
                .containsExactlyElementsOf(rows);
    }

    @Test
    void aDamagedBlockIsRefusedWithAClearError() {
        List<StagedRows.ModusOperandi> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add(mo(i + 2, "DRG-0" + i % 7));
        }
        byte[] block = RowBlockCodec.encode(RowTable.MODUS_OPERANDI, rows).data();

        byte[] cut = java.util.Arrays.copyOf(block, block.length / 2);
        assertThatThrownBy(() -> RowBlockCodec.readAll(RowTable.MODUS_OPERANDI, 1, cut, rows.size()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stage the files again");
        byte[] scrambled = block.clone();
        for (int i = 10; i < scrambled.length; i += 7) {
            scrambled[i] ^= 0x5A;
        }
        assertThatThrownBy(() -> RowBlockCodec.readAll(RowTable.MODUS_OPERANDI, 1, scrambled, rows.size()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stage the files again");
        byte[] unknown = block.clone();
        unknown[0] = 3;
        assertThatThrownBy(() -> RowBlockCodec.readAll(RowTable.MODUS_OPERANDI, 1, unknown, rows.size()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown layout");
    }

    private static StagedRows.ModusOperandi mo(int row, String code) {
        return new StagedRows.ModusOperandi(1, row, "s", 2020, "DRG", null, "t" + row, null, code,
                code == null ? "UNMATCHED" : "EXACT", 1.0, null, null, null, null);
    }

    private static <T extends StagedRows.Staged> List<T> roundTrip(RowTable table, List<T> rows, int submission) {
        RowBlockCodec.Encoded encoded = RowBlockCodec.encode(table, rows);
        return RowBlockCodec.readAll(table, submission, encoded.data(), encoded.rows());
    }
}
