package dev.relulab.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Byte helpers shared by the readers: gzip detection and big-endian integers. */
final class Bytes {
    private Bytes() {}

    static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == 0x1f && (b[1] & 0xFF) == 0x8b;
    }

    /** The bytes themselves, or their gunzipped content when they start with the gzip magic number. */
    static byte[] gunzipIfNeeded(byte[] b, String file) throws DataFormatException {
        if (!isGzip(b)) return b;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new DataFormatException(file, "truncated gzip stream", e);
        } catch (ZipException e) {
            throw new DataFormatException(file, "corrupt gzip stream (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataFormatException(file, "unreadable gzip stream (" + e.getMessage() + ")", e);
        }
    }

    static int bigEndianInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
