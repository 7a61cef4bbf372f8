package org.threatanalysis.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

/** Combining two CRCs gives the CRC of the two sequences one after the other, at any length. */
class Crc32CombineTest {

    @Test
    void shouldEqualTheCrcOfTheConcatenation() {
        Random random = new Random(7);
        int[] lengths = {0, 1, 2, 3, 7, 64, 1000, 65_537, 1 << 20};
        for (int first : lengths) {
            for (int second : lengths) {
                byte[] a = new byte[first];
                byte[] b = new byte[second];
                random.nextBytes(a);
                random.nextBytes(b);
                CRC32 whole = new CRC32();
                whole.update(a);
                whole.update(b);
                assertThat(Crc32Combine.combine(crc(a), crc(b), b.length)).as("%d + %d bytes", first, second)
                        .isEqualTo(whole.getValue());
            }
        }
    }

    private static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }
}
