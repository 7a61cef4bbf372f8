package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.staging.RowBlockCodec;
import org.threatanalysis.staging.RowTable;
import org.threatanalysis.staging.StagedRows;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * A database written by the version before row blocks (one database row per staged row, in
 * {@code ta_indicator}, {@code ta_modus_operandi} and {@code ta_route}) is brought up to date
 * when the next run starts: its rows move into blocks under the same rows keys, the old tables
 * go, and the unchanged night that reuses them writes the same workbook as the run that staged
 * them.
 */
class UpgradeToRowBlocksTest {

    @TempDir
    Path temp;

    @Test
    void shouldMoveRowsOfTheEarlierLayoutIntoBlocksAndReuseThem() throws Exception {
        Workspace workspace = Workspace.withSampleInput(temp.resolve("upgrade"));
        CliRun first = workspace.run("--run-date=2026-03-01");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.SUCCESS);
        WorkbookCells expected = WorkbookCells.read(workspace.workbook());
        StagingCounts counts = StagingCounts.of(workspace);
        long moved = asTheEarlierVersionLeftIt(workspace);
        assertThat(moved).isEqualTo(counts.indicators() + counts.modusOperandi() + counts.routes());
        // Without its workbook the unchanged night writes it again, from the moved rows.
        Files.delete(workspace.workbook());

        CliRun second = workspace.run("--run-date=2026-03-02");

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(second.out()).contains("11 submissions not read again");
        assertThat(StagingCounts.of(workspace)).isEqualTo(counts);
        assertThat(oldTables(workspace)).isZero();
        assertThat(WorkbookCells.read(workspace.workbook()).all()).isEqualTo(expected.all());
    }

    /** Rewrites the staged blocks as the earlier version's row tables; returns the rows written. */
    private static long asTheEarlierVersionLeftIt(Workspace workspace) throws SQLException, IOException {
        long rows = 0;
        try (Connection c = connect(workspace); Statement ddl = c.createStatement()) {
            ddl.execute("""
                    CREATE CACHED TABLE ta_indicator (run_id BIGINT NOT NULL, submission_id INTEGER NOT NULL,
                    sheet_row INTEGER NOT NULL, source VARCHAR(4200) NOT NULL, report_year INTEGER NOT NULL,
                    crime_area VARCHAR(10) NOT NULL, crime_area_raw VARCHAR(32767), indicator VARCHAR(40) NOT NULL,
                    indicator_raw VARCHAR(32767), commodity VARCHAR(40), commodity_raw VARCHAR(32767),
                    value_status VARCHAR(12) NOT NULL, value_raw VARCHAR(32767), reported_value DECIMAL(38, 9),
                    unit VARCHAR(20), unit_raw VARCHAR(32767), normalised_value DECIMAL(38, 9),
                    normalised_unit VARCHAR(20), notes VARCHAR(32767), PRIMARY KEY (run_id, submission_id, sheet_row))""");
            ddl.execute("""
                    CREATE CACHED TABLE ta_modus_operandi (run_id BIGINT NOT NULL, submission_id INTEGER NOT NULL,
                    sheet_row INTEGER NOT NULL, source VARCHAR(4200) NOT NULL, report_year INTEGER NOT NULL,
                    crime_area VARCHAR(10) NOT NULL, crime_area_raw VARCHAR(32767), mo_text VARCHAR(32767),
                    mo_code_raw VARCHAR(32767), mo_code VARCHAR(20), match_method VARCHAR(20) NOT NULL,
                    confidence DOUBLE, suggestions VARCHAR(4000), trend VARCHAR(20), trend_raw VARCHAR(32767),
                    notes VARCHAR(32767), PRIMARY KEY (run_id, submission_id, sheet_row))""");
            ddl.execute("""
                    CREATE CACHED TABLE ta_route (run_id BIGINT NOT NULL, submission_id INTEGER NOT NULL,
                    sheet_row INTEGER NOT NULL, source VARCHAR(4200) NOT NULL, report_year INTEGER NOT NULL,
                    crime_area VARCHAR(10) NOT NULL, crime_area_raw VARCHAR(32767), commodity VARCHAR(40),
                    commodity_raw VARCHAR(32767), route_text VARCHAR(32767), countries VARCHAR(1000),
                    places VARCHAR(4000), transport VARCHAR(20), transport_raw VARCHAR(32767), trend VARCHAR(20),
                    trend_raw VARCHAR(32767), route_problem VARCHAR(4000), notes VARCHAR(32767),
                    PRIMARY KEY (run_id, submission_id, sheet_row))""");
            try (PreparedStatement indicator = c.prepareStatement("INSERT INTO ta_indicator VALUES (?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement mo = c.prepareStatement("INSERT INTO ta_modus_operandi VALUES (?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement route = c.prepareStatement("INSERT INTO ta_route VALUES (?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    ResultSet blocks = ddl.executeQuery("SELECT run_id, submission_id, row_table, row_count, rows_data"
                            + " FROM ta_row_block")) {
                while (blocks.next()) {
                    long run = blocks.getLong(1);
                    RowTable table = RowTable.valueOf(blocks.getString(3).toUpperCase(java.util.Locale.ROOT));
                    for (StagedRows.Staged staged : RowBlockCodec.readAll(table, blocks.getInt(2), blocks.getBytes(5),
                            blocks.getInt(4))) {
                        rows++;
                        if (staged instanceof StagedRows.Indicator r) {
                            set(indicator, run, r.submissionId(), r.sheetRow(), r.source(), r.year(), r.crimeArea(),
                                    r.crimeAreaRaw(), r.indicator(), r.indicatorRaw(), r.commodity(), r.commodityRaw(),
                                    r.valueStatus(), r.valueRaw(), r.value(), r.unit(), r.unitRaw(),
                                    r.normalisedValue(), r.normalisedUnit(), r.notes());
                        } else if (staged instanceof StagedRows.ModusOperandi r) {
                            set(mo, run, r.submissionId(), r.sheetRow(), r.source(), r.year(), r.crimeArea(),
                                    r.crimeAreaRaw(), r.text(), r.codeRaw(), r.code(), r.method(), r.confidence(),
                                    r.suggestions(), r.trend(), r.trendRaw(), r.notes());
                        } else if (staged instanceof StagedRows.Route r) {
                            set(route, run, r.submissionId(), r.sheetRow(), r.source(), r.year(), r.crimeArea(),
                                    r.crimeAreaRaw(), r.commodity(), r.commodityRaw(), r.text(), r.countries(),
                                    r.places(), r.transport(), r.transportRaw(), r.trend(), r.trendRaw(), r.problem(),
                                    r.notes());
                        }
                    }
                }
            }
            ddl.executeUpdate("DELETE FROM ta_row_block");
        }
        return rows;
    }

    private static void set(PreparedStatement insert, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 1, values[i]);
        }
        insert.executeUpdate();
    }

    private static long oldTables(Workspace workspace) throws SQLException {
        try (Connection c = connect(workspace); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME IN"
                        + " ('TA_INDICATOR', 'TA_MODUS_OPERANDI', 'TA_ROUTE')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect(Workspace workspace) throws SQLException {
        return DriverManager.getConnection("jdbc:hsqldb:file:" + workspace.database().toAbsolutePath()
                + "/consolidation;shutdown=true;ifexists=true", "SA", "");
    }
}
