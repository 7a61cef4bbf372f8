package org.threatanalysis.workbook;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles of the consolidated workbook, created once per workbook. */
final class WorkbookStyles {

    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle quotedText;
    private final CellStyle integer;
    private final CellStyle year;
    private final CellStyle decimal;
    private final CellStyle ratio;
    private final CellStyle date;
    private final CellStyle title;
    private final CellStyle section;
    private final CellStyle label;
    private final CellStyle link;
    private final CellStyle covered;

    WorkbookStyles(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        bold.setColor(IndexedColors.WHITE.getIndex());
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.DARK_TEAL.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);

        short textFormat = workbook.createDataFormat().getFormat("@");
        text = workbook.createCellStyle();
        text.setDataFormat(textFormat);
        quotedText = workbook.createCellStyle();
        quotedText.setDataFormat(textFormat);
        quotedText.setQuotePrefixed(true);

        integer = workbook.createCellStyle();
        integer.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        year = workbook.createCellStyle();
        year.setDataFormat(workbook.createDataFormat().getFormat("0"));
        decimal = workbook.createCellStyle();
        decimal.setDataFormat(workbook.createDataFormat().getFormat("#,##0.###"));
        ratio = workbook.createCellStyle();
        ratio.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));

        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(titleFont);

        Font sectionFont = workbook.createFont();
        sectionFont.setBold(true);
        sectionFont.setFontHeightInPoints((short) 12);
        sectionFont.setColor(IndexedColors.DARK_TEAL.getIndex());
        section = workbook.createCellStyle();
        section.setFont(sectionFont);

        Font labelFont = workbook.createFont();
        labelFont.setBold(true);
        label = workbook.createCellStyle();
        label.setFont(labelFont);

        Font linkFont = workbook.createFont();
        linkFont.setUnderline(Font.U_SINGLE);
        linkFont.setColor(IndexedColors.BLUE.getIndex());
        link = workbook.createCellStyle();
        link.setFont(linkFont);

        covered = workbook.createCellStyle();
        covered.setFillForegroundColor(IndexedColors.LIGHT_GREEN.getIndex());
        covered.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        covered.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
    }

    CellStyle header() { return header; }

    CellStyle text() { return text; }

    CellStyle quotedText() { return quotedText; }

    CellStyle integer() { return integer; }

    CellStyle year() { return year; }

    CellStyle decimal() { return decimal; }

    CellStyle ratio() { return ratio; }

    CellStyle date() { return date; }

    CellStyle title() { return title; }

    CellStyle section() { return section; }

    CellStyle label() { return label; }

    CellStyle link() { return link; }

    CellStyle covered() { return covered; }
}
