package dev.relulab.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A minimal reader of POSIX (ustar) and GNU tar streams: 512-byte headers with octal sizes, the ustar name prefix and
 * GNU long names ('L' entries). Only regular files are returned; pax extended headers are skipped.
 */
public final class TarReader {
    private static final int BLOCK = 512;

    private TarReader() {}

    /** The regular files of the tar stream whose names {@code wanted} accepts, by name, in archive order. */
    public static Map<String, byte[]> read(InputStream in, String archive, Predicate<String> wanted)
            throws DataFormatException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        byte[] header = new byte[BLOCK];
        String longName = null;
        try {
            while (true) {
                int got = in.readNBytes(header, 0, BLOCK);
                if (got == 0) break;
                if (got < BLOCK) throw new DataFormatException(archive, "truncated tar header");
                if (isZero(header)) break;
                checkChecksum(header, archive);
                String name = longName != null ? longName : name(header);
                longName = null;
                long size = octal(header, 124, 12, archive);
                char type = (char) header[156];
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                if (type == 'L') {
                    longName = cString(readFully(in, size, archive, name), 0, (int) size);
                    skip(in, padded - size, archive);
                } else if ((type == '0' || type == 0) && wanted.test(name)) {
                    if (size > Integer.MAX_VALUE - 8) throw new DataFormatException(archive, name + " is too large");
                    out.put(name, readFully(in, size, archive, name));
                    skip(in, padded - size, archive);
                } else {
                    skip(in, padded, archive);
                }
            }
        } catch (DataFormatException e) {
            throw e;
        } catch (EOFException e) {
            throw new DataFormatException(archive, "truncated compressed stream", e);
        } catch (IOException e) {
            throw new DataFormatException(archive, "unreadable archive (" + e.getMessage() + ")", e);
        }
        return out;
    }

    private static String name(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static void checkChecksum(byte[] h, String archive) throws DataFormatException {
        long stored = octal(h, 148, 8, archive);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xFF);
        if (sum != stored) throw new DataFormatException(archive, "bad tar header checksum (not a tar archive?)");
    }

    private static long octal(byte[] h, int off, int len, String archive) throws DataFormatException {
        long v = 0;
        int i = off, end = off + len;
        while (i < end && (h[i] == ' ' || h[i] == 0)) i++;
        for (; i < end && h[i] != 0 && h[i] != ' '; i++) {
            int digit = h[i] - '0';
            if (digit < 0 || digit > 7) throw new DataFormatException(archive, "bad octal field in tar header");
            v = v * 8 + digit;
        }
        return v;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) end++;
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static byte[] readFully(InputStream in, long size, String archive, String name) throws IOException {
        byte[] b = in.readNBytes((int) size);
        if (b.length < size) {
            throw new DataFormatException(archive, "truncated member " + name + ": " + b.length + " of " + size
                    + " bytes");
        }
        return b;
    }

    private static void skip(InputStream in, long n, String archive) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) throw new DataFormatException(archive, "truncated tar archive");
                s = 1;
            }
            left -= s;
        }
    }
}
