package io.tideline.store.derby;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The binary form of one chunk: a run of consecutive bars of one series.
 *
 * <pre>
 * byte     format version (1)
 * varint   n, the number of bars (&gt;= 1)
 * varint   columns, the number of value columns (&gt;= 1)
 * long     first timestamp, epoch ms (8 bytes, little-endian)
 * varint   step: the greatest common divisor of the gaps between timestamps (0 when n = 1)
 * varint*  n-1 gaps divided by step (1 byte each for regular bars: daily, hourly, or trading
 *          days with weekend gaps of 3 steps)
 * double*  columns x n values, column after column (8 bytes each, little-endian)
 * </pre>
 *
 * Timestamps must strictly increase. Stateless and thread-safe.
 */
final class ChunkCodec {

    static final byte VERSION = 1;

    private ChunkCodec() {
    }

    /** Encodes bars {@code from..to-1} of the given columns. */
    static byte[] encode(long[] times, double[][] columns, int from, int to) {
        int n = to - from;
        if (n < 1) {
            throw new IllegalArgumentException("a chunk needs at least one bar");
        }
        long step = 0;
        for (int i = from + 1; i < to; i++) {
            step = gcd(step, times[i] - times[i - 1]);
        }
        int size = 1 + 5 + 5 + 8 + 10 + (n - 1) * 10 + columns.length * n * 8;
        ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(VERSION);
        putVarLong(buf, n);
        putVarLong(buf, columns.length);
        buf.putLong(times[from]);
        putVarLong(buf, step);
        for (int i = from + 1; i < to; i++) {
            putVarLong(buf, (times[i] - times[i - 1]) / step);
        }
        for (double[] column : columns) {
            for (int i = from; i < to; i++) {
                buf.putDouble(column[i]);
            }
        }
        byte[] out = new byte[buf.position()];
        System.arraycopy(buf.array(), 0, out, 0, out.length);
        return out;
    }

    /** The number of bars in an encoded chunk, read from its header. */
    static int count(byte[] chunk) {
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        checkVersion(buf);
        return (int) getVarLong(buf);
    }

    /**
     * Decodes a chunk into {@code times} and {@code columns} starting at {@code offset}.
     *
     * @return the number of bars decoded
     * @throws IllegalStateException if the chunk is damaged or has another column count
     */
    static int decode(byte[] chunk, long[] times, double[][] columns, int offset) {
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        checkVersion(buf);
        int n = (int) getVarLong(buf);
        int cols = (int) getVarLong(buf);
        if (cols != columns.length) {
            throw new IllegalStateException("chunk holds " + cols + " columns, expected " + columns.length);
        }
        long t = buf.getLong();
        long step = getVarLong(buf);
        times[offset] = t;
        for (int i = 1; i < n; i++) {
            t += getVarLong(buf) * step;
            times[offset + i] = t;
        }
        for (double[] column : columns) {
            for (int i = 0; i < n; i++) {
                column[offset + i] = buf.getDouble();
            }
        }
        if (buf.hasRemaining()) {
            throw new IllegalStateException("chunk has " + buf.remaining() + " trailing bytes");
        }
        return n;
    }

    /**
     * The CRC32C of an encoded chunk, stored beside it and checked on every read: Derby checks
     * its pages, not what a page holds once read or what was changed through SQL.
     */
    static int crc(byte[] chunk) {
        CRC32C crc = new CRC32C();
        crc.update(chunk);
        return (int) crc.getValue();
    }

    private static void checkVersion(ByteBuffer buf) {
        byte version = buf.get();
        if (version != VERSION) {
            throw new IllegalStateException("chunk format " + version + " is not " + VERSION);
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private static void putVarLong(ByteBuffer buf, long v) {
        while ((v & ~0x7FL) != 0) {
            buf.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        buf.put((byte) v);
    }

    private static long getVarLong(ByteBuffer buf) {
        long v = 0;
        int shift = 0;
        byte b;
        do {
            if (shift > 63) {
                throw new IllegalStateException("malformed varint in chunk");
            }
            b = buf.get();
            v |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return v;
    }
}
