package org.threatanalysis.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;

/**
 * The cells of a workbook the job wrote, read back with POI's usermodel (the outputs of tests
 * are small): by sheet, then row, then column; and lookups by header name.
 */
public final class WorkbookCells {

    private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    private final Map<String, List<String>> quotePrefixed = new LinkedHashMap<>();

    private WorkbookCells() {
    }

    public static WorkbookCells read(Path file) throws IOException {
        WorkbookCells cells = new WorkbookCells();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            for (Sheet sheet : workbook) {
                List<List<Object>> rows = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<Object> values = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < row.getLastCellNum(); c++) {
                            Cell cell = row.getCell(c);
                            values.add(value(cell));
                            if (cell != null && cell.getCellStyle().getQuotePrefixed()) {
                                cells.quotePrefixed.computeIfAbsent(sheet.getSheetName(), k -> new ArrayList<>())
                                        .add(cell.getAddress().formatAsString());
                            }
                        }
                    }
                    rows.add(values);
                }
                cells.sheets.put(sheet.getSheetName(), rows);
            }
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        return cells;
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue().isEmpty() ? null : cell.getStringCellValue();
            case NUMERIC -> cell.getNumericCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            case FORMULA -> "=" + cell.getCellFormula();
            case BLANK -> null;
            default -> new DataFormatter().formatCellValue(cell);
        };
    }

    public List<String> sheetNames() {
        return List.copyOf(sheets.keySet());
    }

    public List<List<Object>> rows(String sheet) {
        List<List<Object>> rows = sheets.get(sheet);
        if (rows == null) {
            throw new AssertionError("No sheet '" + sheet + "' in " + sheets.keySet());
        }
        return rows;
    }

    public List<String> header(String sheet) {
        return rows(sheet).get(0).stream().map(v -> v == null ? null : v.toString()).toList();
    }

    /** Data rows (below the header) as maps from header to value. */
    public List<Map<String, Object>> records(String sheet) {
        List<String> header = header(sheet);
        List<Map<String, Object>> records = new ArrayList<>();
        List<List<Object>> rows = rows(sheet);
        for (int r = 1; r < rows.size(); r++) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                record.put(header.get(c), c < rows.get(r).size() ? rows.get(r).get(c) : null);
            }
            records.add(record);
        }
        return records;
    }

    public List<String> quotePrefixedCells(String sheet) {
        return quotePrefixed.getOrDefault(sheet, List.of());
    }

    /** Every sheet's cells, for comparing two workbooks cell for cell. */
    public Map<String, List<List<Object>>> all() {
        return sheets;
    }
}
