package org.threatanalysis.workbook;

/**
 * The CRC-32 of two byte sequences one after the other, from the CRC-32 of each and the length of
 * the second: zlib's {@code crc32_combine} (GF(2) matrix powers), which the JDK does not expose.
 * A streamed sheet's rows are compressed while they are written, before the sheet's first part
 * (its used range) is known; the zip entry needs the CRC of the whole part.
 */
final class Crc32Combine {

    private static final long POLYNOMIAL = 0xEDB88320L;

    private Crc32Combine() {
    }

    static long combine(long crc1, long crc2, long length2) {
        if (length2 <= 0) {
            return crc1;
        }
        long[] even = new long[32];
        long[] odd = new long[32];
        odd[0] = POLYNOMIAL; // the operator for one zero bit
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        long crc = crc1;
        long length = length2;
        do {
            // apply length2 zero bytes to crc1, one bit of the length at a time
            square(even, odd);
            if ((length & 1) != 0) {
                crc = times(even, crc);
            }
            length >>= 1;
            if (length == 0) {
                break;
            }
            square(odd, even);
            if ((length & 1) != 0) {
                crc = times(odd, crc);
            }
            length >>= 1;
        } while (length != 0);
        return crc ^ crc2;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
