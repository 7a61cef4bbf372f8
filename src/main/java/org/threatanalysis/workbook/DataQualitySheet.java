package org.threatanalysis.workbook;

import org.threatanalysis.staging.StagingRepository;

/**
 * Data quality: every rejected file, and every rejected row or questionable value, with where
 * ({@code file!sheet!cell}), the value and why.
 */
final class DataQualitySheet {

    private final StagingRepository staging;
    private final StreamingWorkbook workbook;
    private final WorkbookStyles styles;

    DataQualitySheet(StagingRepository staging, StreamingWorkbook workbook, WorkbookStyles styles) {
        this.staging = staging;
        this.workbook = workbook;
        this.styles = styles;
    }

    long write(long runId) {
        SheetWriter sheet = new SheetWriter(workbook, "Data quality", styles, "Location", "File", "Sheet",
                "Cell", "Value", "Problem", "Outcome");
        staging.stream("SELECT relative_path, reason FROM ta_submission WHERE run_id = ? AND status = 'REJECTED' "
                + "ORDER BY relative_path", rs -> sheet.row().text(rs.getString(1)).text(rs.getString(1)).text(null)
                        .text(null).text(null).text(rs.getString(2)).text("file rejected"), runId);
        staging.stream("""
                SELECT t.file_path, t.sheet, t.cell, t.bad_value, t.reason, t.row_rejected FROM """ + " "
                + StagingRepository.runRows("ta_data_quality") + """
                ORDER BY t.file_path, t.sheet, COALESCE(t.sheet_row, 0), LENGTH(t.cell), t.cell, t.reason""", rs -> {
                    String file = rs.getString(1);
                    String sheetName = rs.getString(2);
                    String cell = rs.getString(3);
                    String location = file + (sheetName == null ? "" : "!" + sheetName) + (cell == null ? "" : "!" + cell);
                    sheet.row().text(location).text(file).text(sheetName).text(cell).text(rs.getString(4))
                            .text(rs.getString(5)).text(rs.getBoolean(6) ? "row not imported" : "row imported");
                }, runId);
        sheet.finish();
        return sheet.dataRows();
    }
}
