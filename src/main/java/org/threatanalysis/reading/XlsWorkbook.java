package org.threatanalysis.reading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reader for legacy {@code .xls} (Excel 97-2003). POI's HSSF usermodel holds the workbook in
 * memory; the format itself caps a sheet at 65,536 rows and 256 columns, and the file-size
 * budget bounds what is opened. Rows are handed out one at a time like the streaming reader.
 */
final class XlsWorkbook implements SubmissionWorkbook {

    private final Path file;
    private final POIFSFileSystem fileSystem;
    private final HSSFWorkbook workbook;

    XlsWorkbook(Path file, POIFSFileSystem fileSystem) throws IOException {
        this.file = file;
        this.fileSystem = fileSystem;
        this.workbook = new HSSFWorkbook(fileSystem.getRoot(), false);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return names;
    }

    @Override
    public SheetReader openSheet(String sheetName) throws IOException {
        Sheet sheet = sheet(sheetName);
        return openSheet(sheet, mergedRanges(sheet));
    }

    private Sheet sheet(String sheetName) throws IOException {
        Sheet sheet = workbook.getSheet(sheetName);
        if (sheet == null) {
            throw new IOException("No sheet named '" + sheetName + "' in " + file.getFileName());
        }
        return sheet;
    }

    private boolean date1904() {
        return workbook.getInternalWorkbook().isUsing1904DateWindowing();
    }

    private SheetReader openSheet(Sheet sheet, List<CellRange> merged) {
        SheetReader rows = new RowAdapter(sheet.rowIterator(), date1904());
        return merged.isEmpty() ? rows : new MergedCellFiller(rows, merged);
    }

    private static List<CellRange> mergedRanges(Sheet sheet) {
        List<CellRange> merged = new ArrayList<>();
        for (CellRangeAddress address : sheet.getMergedRegions()) {
            merged.add(new CellRange(address.getFirstRow() + 1, address.getLastRow() + 1,
                    address.getFirstColumn(), address.getLastColumn()));
        }
        return merged;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
        fileSystem.close();
    }

    private static final class RowAdapter implements SheetReader {

        private final Iterator<Row> rows;
        private final boolean date1904;

        RowAdapter(Iterator<Row> rows, boolean date1904) {
            this.rows = rows;
            this.date1904 = date1904;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public SheetRow next() {
            Row row = rows.next();
            List<CellValue> cells = new ArrayList<>();
            for (Cell cell : row) {
                CellValue value = toValue(cell);
                if (value != null) {
                    cells.add(value);
                }
            }
            cells.sort((a, b) -> Integer.compare(a.column(), b.column()));
            return new SheetRow(row.getRowNum() + 1, cells);
        }

        private CellValue toValue(Cell cell) {
            int column = cell.getColumnIndex();
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            return switch (type) {
                case STRING -> CellValue.text(column, cell.getRichStringCellValue().getString());
                case NUMERIC -> {
                    double number = cell.getNumericCellValue();
                    boolean isDate = DateUtil.isADateFormat(cell.getCellStyle().getDataFormat(),
                            cell.getCellStyle().getDataFormatString()) && DateUtil.isValidExcelDate(number);
                    yield CellValue.number(column, number, isDate ? DateUtil.getLocalDateTime(number, date1904) : null);
                }
                case BOOLEAN -> CellValue.bool(column, cell.getBooleanCellValue());
                case ERROR -> CellValue.error(column, FormulaError.forInt(cell.getErrorCellValue()).getString());
                default -> null;
            };
        }

        @Override
        public void close() {
            // the workbook owns the resources
        }
    }
}
