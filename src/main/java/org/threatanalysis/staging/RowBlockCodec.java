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
import java.util.zip.Inflater;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;

/**
 * Turns staged rows of one table into a compact block (a binary record per row, compressed) and
 * back. Blocks are what the staging tables keep (see {@link RowTable}): one database row per
 * block of up to a chunk's rows, instead of one database row per sheet row, is what makes
 * staging cheap enough to stay close to the cost of reading the workbooks.
 *
 * <p>Text is written as modified UTF-8, one char at a time, so any Java string (lone
 * surrogates included) comes back exactly. Decimals keep the scale the staging tables had
 * (DECIMAL(38, 9)).
 *
 * <p>A block is its records cut into frames of up to 64 KB, each compressed with LZ4 on its own
 * (about three times as fast as deflate both ways, for blocks about 45 % larger), after a first
 * byte that names the layout. Reading streams: a frame is decompressed when the reader reaches
 * it, so many blocks can be open at once (a merge in sheet order) without holding their rows.
 * Blocks of the first layout (one deflate stream, written before LZ4) are still read, so a
 * database staged by the earlier version is reused as it is.
 */
public final class RowBlockCodec {

    /** First byte of a block of LZ4 frames; a later layout takes another number. */
    private static final byte LZ4_FRAMES = 2;
    /**
     * First byte, once inflated, of a block of the first layout (one deflate stream). Its stored
     * first byte is zlib's header, whose low four bits are 8 (deflate), so it never reads as a
     * layout number.
     */
    private static final byte DEFLATED = 1;
    /**
     * Records per frame: enough for LZ4 to find the rows' repetitions, and what a reader holds
     * for each block open in the write step's merge (a small block: its size). Frames of 16 KB
     * made the blocks 11 % larger and the job about a second slower on the large set.
     */
    private static final int FRAME_BYTES = 1 << 16;
    /** Stateless and safe to share between threads (a compressor is not: it keeps a hash table). */
    private static final Lz4Decompressor DECOMPRESSOR = new Lz4Decompressor();
    /** Decimals are kept with the scale of the former DECIMAL(38, 9) columns. */
    private static final int DECIMAL_SCALE = 9;

    private RowBlockCodec() {
    }

    /** A block's compressed bytes and what the block table keeps beside them. */
    public record Encoded(byte[] data, int rows, int flagged, int firstRow) {
    }

    /** Encodes rows (all of the table's type, already in the order they are to be read back). */
    public static Encoded encode(RowTable table, List<? extends StagedRows.Staged> rows) {
        Output out = new Output(Math.max(1024, rows.size() * 160));
        int flagged = 0;
        int firstRow = Integer.MAX_VALUE;
        for (StagedRows.Staged row : rows) {
            table.write(row, out);
            if (table.flagged(row)) {
                flagged++;
            }
            firstRow = Math.min(firstRow, table.sheetRow(row));
        }
        return new Encoded(compress(out.bytes, out.size), rows.size(), flagged, firstRow);
    }

    /** The layout byte, then per frame: its length, its compressed length and its compressed bytes. */
    private static byte[] compress(byte[] records, int size) {
        Lz4Compressor compressor = new Lz4Compressor();
        byte[] frame = new byte[compressor.maxCompressedLength(FRAME_BYTES)];
        Output packed = new Output(Math.max(64, size / 4));
        packed.bytes[packed.size++] = LZ4_FRAMES;
        for (int from = 0; from < size; from += FRAME_BYTES) {
            int length = Math.min(FRAME_BYTES, size - from);
            int compressed = compressor.compress(records, from, length, frame, 0, frame.length);
            packed.integer(length);
            packed.integer(compressed);
            packed.ensure(compressed);
            System.arraycopy(frame, 0, packed.bytes, packed.size, compressed);
            packed.size += compressed;
        }
        return Arrays.copyOf(packed.bytes, packed.size);
    }

    /** The rows of a block, read as its frames are decompressed. */
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

        void ensure(int more) {
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

    /** Reads fields back from a block as its frames are decompressed (or, first layout, inflated). */
    static final class Input {

        private final byte[] data;
        /** Where the next frame starts in {@link #data}; for the first layout, not used. */
        private int offset;
        /** Set for a block of the first layout only. */
        private final Inflater inflater;
        private byte[] buffer;
        private int position;
        private int limit;
        private char[] chars = new char[64];

        Input(byte[] data) {
            this.data = data;
            int first = data.length == 0 ? -1 : data[0] & 0xFF;
            if (first == LZ4_FRAMES) {
                inflater = null;
                buffer = new byte[0]; // sized by the first frame, the largest
                offset = 1;
            } else if (first >= 0 && (first & 0x0F) == 8) {
                inflater = new Inflater();
                inflater.setInput(data);
                buffer = new byte[8192];
                if (next() != DEFLATED) {
                    throw unknownLayout();
                }
            } else {
                throw unknownLayout();
            }
        }

        private static IllegalStateException unknownLayout() {
            return new IllegalStateException("A staged row block has an unknown layout; stage the files again");
        }

        private static IllegalStateException damaged(Exception cause) {
            return new IllegalStateException("A staged row block is damaged; stage the files again", cause);
        }

        private int next() {
            if (position == limit) {
                limit = inflater == null ? nextFrame() : inflate();
                position = 0;
                if (limit <= 0) {
                    throw new IllegalStateException("A staged row block ends early");
                }
            }
            return buffer[position++] & 0xFF;
        }

        private int nextFrame() {
            if (offset >= data.length) {
                return 0;
            }
            int length = frameField();
            int compressed = frameField();
            if (length <= 0 || length > FRAME_BYTES || compressed <= 0 || compressed > data.length - offset) {
                throw damaged(null);
            }
            if (buffer.length < length) {
                buffer = new byte[length];
            }
            try {
                if (DECOMPRESSOR.decompress(data, offset, compressed, buffer, 0, length) != length) {
                    throw damaged(null);
                }
            } catch (MalformedInputException e) {
                throw damaged(e);
            }
            offset += compressed;
            return length;
        }

        /** A frame's length as {@link Output#integer} wrote it. */
        private int frameField() {
            int v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                if (offset >= data.length) {
                    throw damaged(null);
                }
                int b = data[offset++] & 0xFF;
                v |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return (v >>> 1) ^ -(v & 1);
                }
            }
            throw damaged(null);
        }

        private int inflate() {
            try {
                return inflater.inflate(buffer);
            } catch (DataFormatException e) {
                throw damaged(e);
            }
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
                // Nearly all staged text: one ASCII byte per char, already decompressed in the buffer.
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

        /** Frees a first-layout inflater's native memory (also done by its cleaner if a reader stops early). */
        void close() {
            if (inflater != null) {
                inflater.end();
            }
        }
    }
}
