package io.tideline.store.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkCodecTest {

    private static final long DAY = 86_400_000L;

    @Test
    void roundTripsIrregularTimesAndEveryDoubleBitForBit() {
        Random random = new Random(42);
        int n = 3000;
        long[] times = new long[n];
        double[][] columns = new double[2][n];
        long t = -1_000_000_000_000L;
        for (int i = 0; i < n; i++) {
            t += 1 + random.nextInt(5_000_000);
            times[i] = t;
            columns[0][i] = random.nextGaussian() * 1e6;
            columns[1][i] = i % 7 == 0 ? -0.0 : Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
        }
        byte[] encoded = ChunkCodec.encode(times, columns, 100, 2900);
        assertThat(ChunkCodec.count(encoded)).isEqualTo(2800);

        long[] outTimes = new long[2810];
        double[][] outColumns = new double[2][2810];
        assertThat(ChunkCodec.decode(encoded, outTimes, outColumns, 10)).isEqualTo(2800);
        for (int i = 0; i < 2800; i++) {
            assertThat(outTimes[10 + i]).isEqualTo(times[100 + i]);
            assertThat(Double.doubleToRawLongBits(outColumns[0][10 + i])).isEqualTo(Double.doubleToRawLongBits(columns[0][100 + i]));
            assertThat(Double.doubleToRawLongBits(outColumns[1][10 + i])).isEqualTo(Double.doubleToRawLongBits(columns[1][100 + i]));
        }
    }

    @Test
    void tradingDaysCostOneByteOfTimePerBar() {
        int n = 4096;
        long[] times = new long[n];
        double[][] values = new double[1][n];
        long t = 1_577_836_800_000L; // 2020-01-01
        for (int i = 0; i < n; i++) {
            times[i] = t;
            values[0][i] = i;
            t += (i % 5 == 4) ? 3 * DAY : DAY; // weekends
        }
        byte[] encoded = ChunkCodec.encode(times, values, 0, n);
        // header (version, counts, first time, step) + one byte per gap + 8 bytes per value
        assertThat(encoded.length).isLessThanOrEqualTo(1 + 2 + 1 + 8 + 4 + (n - 1) + 8 * n);
        assertThat((double) encoded.length / n).isLessThan(9.01);
    }

    @Test
    void aSingleBarChunkWorks() {
        byte[] encoded = ChunkCodec.encode(new long[] {123L}, new double[][] {{4.5}}, 0, 1);
        long[] t = new long[1];
        double[][] v = new double[1][1];
        ChunkCodec.decode(encoded, t, v, 0);
        assertThat(t[0]).isEqualTo(123L);
        assertThat(v[0][0]).isEqualTo(4.5);
    }

    @Test
    void damagedChunksAreRefused() {
        byte[] encoded = ChunkCodec.encode(new long[] {1, 2, 3}, new double[][] {{1, 2, 3}}, 0, 3);
        byte[] wrongVersion = encoded.clone();
        wrongVersion[0] = 9;
        assertThatThrownBy(() -> ChunkCodec.decode(wrongVersion, new long[3], new double[1][3], 0))
                .hasMessageContaining("chunk format 9");
        assertThatThrownBy(() -> ChunkCodec.decode(encoded, new long[3], new double[2][3], 0))
                .hasMessageContaining("chunk holds 1 columns, expected 2");
        byte[] longer = java.util.Arrays.copyOf(encoded, encoded.length + 2);
        assertThatThrownBy(() -> ChunkCodec.decode(longer, new long[3], new double[1][3], 0))
                .hasMessageContaining("trailing bytes");
    }
}
