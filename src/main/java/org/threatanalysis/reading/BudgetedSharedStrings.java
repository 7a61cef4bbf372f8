package org.threatanalysis.reading;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The shared-string table of an {@code .xlsx}, read with StAX under a budget. POI's
 * {@code ReadOnlySharedStringsTable} loads every string whatever its size: a 110 KB file can
 * claim billions of characters. This reader counts characters as it goes and stops at the
 * first string or total over the {@link ReadingBudget}, before memory is spent on it.
 *
 * <p>Phonetic runs ({@code <rPh>}) are not part of the cell text and are skipped, as Excel does.
 */
final class BudgetedSharedStrings {

    private final List<String> strings;

    private BudgetedSharedStrings(List<String> strings) {
        this.strings = strings;
    }

    static BudgetedSharedStrings empty() {
        return new BudgetedSharedStrings(List.of());
    }

    static BudgetedSharedStrings read(InputStream in, ReadingBudget budget, ReadingBudget.Deadline deadline)
            throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        long total = 0;
        XMLStreamReader xml = SafeXml.reader(in);
        try {
            StringBuilder item = null;
            boolean inText = false;
            int phonetic = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> item = new StringBuilder();
                        case "rPh" -> phonetic++;
                        case "t" -> inText = item != null && phonetic == 0;
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> {
                            if (item != null) {
                                strings.add(SafeXml.decodeEscapes(item.toString()));
                                item = null;
                                if ((strings.size() & 0x3FF) == 0) {
                                    deadline.check();
                                }
                            }
                        }
                        case "rPh" -> phonetic--;
                        case "t" -> inText = false;
                        default -> { }
                    }
                } else if (inText && SafeXml.isText(event)) {
                    int length = xml.getTextLength();
                    total += length;
                    if (item.length() + length > budget.maxCellChars()) {
                        throw new OverBudgetException("A text in the workbook is longer than " + budget.maxCellChars()
                                + " characters (Excel's own limit is " + ReadingBudget.EXCEL_CELL_LIMIT
                                + "); the file is damaged or was not saved by Excel. Please check it and send it again.");
                    }
                    if (total > budget.maxSharedStringChars()) {
                        throw new OverBudgetException("The workbook's texts add up to more than "
                                + budget.maxSharedStringChars() + " characters, far more than a submission holds; "
                                + "the file is damaged or malicious. Please check it and send it again.");
                    }
                    item.append(xml.getTextCharacters(), xml.getTextStart(), length);
                }
            }
        } finally {
            xml.close();
        }
        return new BudgetedSharedStrings(strings);
    }

    String get(int index) {
        if (index < 0 || index >= strings.size()) {
            throw new IllegalStateException("A cell refers to shared text number " + index + " but the workbook has only "
                    + strings.size());
        }
        return strings.get(index);
    }
}
