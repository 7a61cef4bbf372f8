package org.threatanalysis.staging;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Turns staged rows of one table into a compact block (a deflated binary record per row) and
 * back. Blocks are what the staging tables keep (see {@link RowTable}): one database row per
 * block of up to a chunk's rows, instead of one database row per sheet row, is what makes
 * staging cheap enough to stay close to the cost of reading the workbooks.
 *
 * <p>Text is written as modified UTF-8, one char at a time, so any Java string (lone
 * surrogates included) comes back exactly. Decimals keep the scale the staging tables had
 * (DECIMAL(38, 9)). Reading streams: a block is inflated as it is read, so many blocks can be
 * open at once (a merge in sheet order) without holding their rows.
 */
public final class RowBlockCodec {

    /** First byte of every block: the layout, so that a later layout can tell old blocks apart. */
    private static final byte LAYOUT = 1;
    /** Decimals are kept with the scale of the former DECIMAL(38, 9) columns. */
    private static final int DECIMAL_SCALE = 9;

    private RowBlockCodec() {
    }

    /** A block's deflated bytes and what the block table keeps beside them. */
    public record Encoded(byte[] data, int rows, int flagged, int firstRow) {
    }

    /** Encodes rows (all of the table's type, already in the order they are to be read back). */
    public static Encoded encode(RowTable table, List<? extends StagedRows.Staged> rows) {
        Output out = new Output(Math.max(1024, rows.size() * 160));
        out.bytes[out.size++] = LAYOUT;
        int flagged = 0;
        int firstRow = Integer.MAX_VALUE;
        for (StagedRows.Staged row : rows) {
            table.write(row, out);
            if (table.flagged(row)) {
                flagged++;
            }
            firstRow = Math.min(firstRow, table.sheetRow(row));
        }
        Deflater deflater = new Deflater(1);
        try {
            deflater.setInput(out.bytes, 0, out.size);
            deflater.finish();
            byte[] packed = new byte[Math.max(64, out.size / 4)];
            int length = 0;
            while (!deflater.finished()) {
                if (length == packed.length) {
                    packed = Arrays.copyOf(packed, packed.length * 2);
                }
                length += deflater.deflate(packed, length, packed.length - length);
            }
            return new Encoded(Arrays.copyOf(packed, length), rows.size(), flagged, firstRow);
        } finally {
            deflater.end();
        }
    }

    /** The rows of a block, read as they are inflated. */
    public static <T extends StagedRows.Staged> Iterator<T> rows(RowTable table, int submissionId, byte[] data,
            int count) {
        Input in = new Input(data);
        return new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                if (read < count) {
                    return true;
                }
                in.close();
                return false;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                read++;
                T row = (T) table.read(submissionId, in);
                if (read == count) {
                    in.close();
                }
                return row;
            }
        };
    }

    /** Every row of a block. */
    public static <T extends StagedRows.Staged> List<T> readAll(RowTable table, int submissionId, byte[] data,
            int count) {
        List<T> rows = new ArrayList<>(count);
        RowBlockCodec.<T>rows(table, submissionId, data, count).forEachRemaining(rows::add);
        return rows;
    }

    /** Appends fields to a growing byte array. */
    static final class Output {

        byte[] bytes;
        int size;

        Output(int capacity) {
            bytes = new byte[capacity];
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void integer(int value) {
            // Unsigned variable length after zigzag: sheet rows and years take two or three bytes.
            int v = (value << 1) ^ (value >> 31);
            ensure(5);
            while ((v & ~0x7F) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        void floating(double value) {
            long bits = Double.doubleToRawLongBits(value);
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (bits >>> shift);
            }
        }

        void text(String text) {
            if (text == null) {
                integer(-1);
                return;
            }
            String kept = StagingRepository.cut(text);
            int length = kept.length();
            integer(length);
            ensure(length * 3);
            for (int i = 0; i < length; i++) {
                char c = kept.charAt(i);
                if (c != 0 && c < 0x80) {
                    bytes[size++] = (byte) c;
                } else if (c < 0x800) {
                    bytes[size++] = (byte) (0xC0 | (c >> 6));
                    bytes[size++] = (byte) (0x80 | (c & 0x3F));
                } else {
                    bytes[size++] = (byte) (0xE0 | (c >> 12));
                    bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    bytes[size++] = (byte) (0x80 | (c & 0x3F));
                }
            }
        }

        void decimal(BigDecimal value) {
            if (value == null) {
                integer(-1);
                return;
            }
            byte[] unscaled = value.setScale(DECIMAL_SCALE, RoundingMode.HALF_UP).unscaledValue().toByteArray();
            integer(unscaled.length);
            ensure(unscaled.length);
            System.arraycopy(unscaled, 0, bytes, size, unscaled.length);
            size += unscaled.length;
        }
    }

    /** Reads fields back from a block as it is inflated. */
    static final class Input {

        private final Inflater inflater = new Inflater();
        private final byte[] buffer = new byte[8192];
        private int position;
        private int limit;
        private char[] chars = new char[64];

        Input(byte[] data) {
            inflater.setInput(data);
            if (next() != LAYOUT) {
                throw new IllegalStateException("A staged row block has an unknown layout; stage the files again");
            }
        }

        private int next() {
            if (position == limit) {
                try {
                    limit = inflater.inflate(buffer);
                } catch (DataFormatException e) {
                    throw new IllegalStateException("A staged row block is damaged; stage the files again", e);
                }
                position = 0;
                if (limit <= 0) {
                    throw new IllegalStateException("A staged row block ends early");
                }
            }
            return buffer[position++] & 0xFF;
        }

        int integer() {
            int v = 0;
            int shift = 0;
            int b;
            do {
                b = next();
                v |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return (v >>> 1) ^ -(v & 1);
        }

        double floating() {
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | next();
            }
            return Double.longBitsToDouble(bits);
        }

        String text() {
            int length = integer();
            if (length < 0) {
                return null;
            }
            if (limit - position >= length && isAscii(buffer, position, length)) {
                // Nearly all staged text: one ASCII byte per char, already inflated in the buffer.
                String text = new String(buffer, position, length, StandardCharsets.ISO_8859_1);
                position += length;
                return text;
            }
            if (chars.length < length) {
                chars = new char[Math.max(length, chars.length * 2)];
            }
            for (int i = 0; i < length; i++) {
                int b = next();
                if (b < 0x80) {
                    chars[i] = (char) b;
                } else if (b < 0xE0) {
                    chars[i] = (char) (((b & 0x1F) << 6) | (next() & 0x3F));
                } else {
                    int second = next();
                    chars[i] = (char) (((b & 0x0F) << 12) | ((second & 0x3F) << 6) | (next() & 0x3F));
                }
            }
            return new String(chars, 0, length);
        }

        private static boolean isAscii(byte[] bytes, int from, int length) {
            for (int i = from, end = from + length; i < end; i++) {
                if (bytes[i] < 0) {
                    return false;
                }
            }
            return true;
        }

        BigDecimal decimal() {
            int length = integer();
            if (length < 0) {
                return null;
            }
            byte[] unscaled = new byte[length];
            for (int i = 0; i < length; i++) {
                unscaled[i] = (byte) next();
            }
            return new BigDecimal(new BigInteger(unscaled), DECIMAL_SCALE);
        }

        /** Frees the inflater's native memory (also done by its cleaner if a reader stops early). */
        void close() {
            inflater.end();
        }
    }
}
