package org.threatanalysis.importing;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

import org.threatanalysis.reading.CellValue;

/**
 * A data row's cells by template field: the sheet layout's fields, shared by every row, and this
 * row's cells beside them (null where the row has none). Built for every row read, so it is two
 * arrays rather than a hash map's entries; a row has a dozen fields at most, looked up by scan.
 * The field names must be interned ({@link String#intern()}), as {@link HeaderLayout} does.
 */
final class RowValues extends AbstractMap<String, CellValue> {

    private final String[] fields;
    private final CellValue[] cells;

    RowValues(String[] fields, CellValue[] cells) {
        this.fields = fields;
        this.cells = cells;
    }

    @Override
    public CellValue get(Object field) {
        // The layout's field names are interned, as the literals the normaliser asks with are.
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == field) {
                return cells[i];
            }
        }
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].equals(field)) {
                return cells[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object field) {
        return get(field) != null;
    }

    /** The row's cells, in the layout's order of fields. */
    @Override
    public Collection<CellValue> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<CellValue> iterator() {
                return new Cursor<>() {
                    @Override
                    CellValue at(int index) {
                        return cells[index];
                    }
                };
            }

            @Override
            public int size() {
                return RowValues.this.size();
            }
        };
    }

    @Override
    public Set<Entry<String, CellValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, CellValue>> iterator() {
                return new Cursor<>() {
                    @Override
                    Entry<String, CellValue> at(int index) {
                        return new SimpleImmutableEntry<>(fields[index], cells[index]);
                    }
                };
            }

            @Override
            public int size() {
                return RowValues.this.size();
            }
        };
    }

    @Override
    public int size() {
        int size = 0;
        for (CellValue cell : cells) {
            if (cell != null) {
                size++;
            }
        }
        return size;
    }

    /** Walks the fields that have a cell. */
    private abstract class Cursor<T> implements Iterator<T> {

        private int next = advance(0);

        private int advance(int from) {
            int i = from;
            while (i < cells.length && cells[i] == null) {
                i++;
            }
            return i;
        }

        abstract T at(int index);

        @Override
        public boolean hasNext() {
            return next < cells.length;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T value = at(next);
            next = advance(next + 1);
            return value;
        }
    }
}
