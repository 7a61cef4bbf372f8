package org.threatanalysis.reading;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;

/**
 * Streams the rows of one sheet in order, holding only the current row in memory. Rows that are
 * absent from the file are not returned; values of merged cells are already spread over the
 * cells that the merged range covers.
 */
public interface SheetReader extends Iterator<SheetRow>, Closeable {

    @Override
    void close() throws IOException;
}
