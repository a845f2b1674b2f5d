package dev.relulab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Byte helpers shared by the readers: gzip detection and inflation, declared-size limits, big-endian integers. */
final class Bytes {
    /** Share of the heap one loaded array may take, its bytes and its floats together (five bytes an element). */
    private static final double HEAP_SHARE = 0.5;

    private Bytes() {}

    static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == 0x1f && (b[1] & 0xFF) == 0x8b;
    }

    /** {@code in} itself, or its inflated content (every gzip member) when it starts with the gzip magic number. */
    static InputStream gunzipping(InputStream raw) throws IOException {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        boolean gz = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gz ? new GzipCompressorInputStream(in, true) : in;
    }

    static DataFormatException gzipError(String file, IOException e) {
        if (e instanceof EOFException) return new DataFormatException(file, "truncated gzip stream", e);
        return new DataFormatException(file, "corrupt or unreadable gzip stream (" + e.getMessage() + ")", e);
    }

    /**
     * Refuses a declared element count that a Java array cannot hold or the heap cannot take (as bytes and as
     * floats), before anything is allocated or inflated.
     */
    static void checkDeclared(String file, String what, long elements) throws DataFormatException {
        long limit = (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE / 5);
        if (elements > Integer.MAX_VALUE - 8 || elements > limit) {
            throw new DataFormatException(file, what + " declares " + elements + " elements (" + 5 * elements
                    + " bytes as bytes and floats), over the " + Math.min(limit, Integer.MAX_VALUE - 8L)
                    + " this heap can load (-Xmx " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)");
        }
    }

    static int bigEndianInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
