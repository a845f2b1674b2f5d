package dev.relulab.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reader of numpy's .npy format (versions 1 to 3): the magic string {@code \x93NUMPY}, a version, a little-endian
 * header length, and a Python dict literal giving {@code descr}, {@code fortran_order} and {@code shape}. Integer,
 * boolean and float dtypes of either byte order are read as float; Fortran order and object arrays are refused.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([biuf])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    public static NdArray parse(byte[] b, String file) throws DataFormatException {
        for (int i = 0; i < MAGIC.length; i++) {
            if (b.length <= i || b[i] != MAGIC[i]) {
                throw new DataFormatException(file, "bad magic number: a .npy file starts with \\x93NUMPY");
            }
        }
        if (b.length < 10) throw new DataFormatException(file, "wrong length: " + b.length + " bytes, truncated header");
        int major = b[6] & 0xFF;
        int lenBytes = major == 1 ? 2 : major == 2 || major == 3 ? 4 : -1;
        if (lenBytes < 0) throw new DataFormatException(file, "unsupported .npy version " + major + "; allowed: 1, 2, 3");
        ByteBuffer lb = ByteBuffer.wrap(b, 8, Math.min(lenBytes, b.length - 8)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.length < 8 + lenBytes) throw new DataFormatException(file, "wrong length: truncated header");
        long headerLen = lenBytes == 2 ? lb.getShort() & 0xFFFF : lb.getInt() & 0xFFFFFFFFL;
        long dataStart = 8 + lenBytes + headerLen;
        if (b.length < dataStart) {
            throw new DataFormatException(file, "wrong length: " + b.length + " bytes, the header ends at " + dataStart);
        }
        String header = new String(b, 8 + lenBytes, (int) headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header), f = FORTRAN.matcher(header), s = SHAPE.matcher(header);
        if (!d.find()) {
            throw new DataFormatException(file, "unsupported or missing descr in header " + header.trim()
                    + "; allowed: bool, signed and unsigned integers, floats");
        }
        if (f.find() && f.group(1).equals("True")) {
            throw new DataFormatException(file, "fortran_order True is not supported");
        }
        if (!s.find()) throw new DataFormatException(file, "missing shape in header " + header.trim());
        int[] shape = shape(s.group(1), file);
        char kind = d.group(2).charAt(0);
        int size = Integer.parseInt(d.group(3));
        if (!validSize(kind, size)) throw new DataFormatException(file, "unsupported dtype " + d.group(0));
        long count = 1;
        for (int n : shape) count *= n;
        long expected = dataStart + count * size;
        if (b.length != expected) {
            throw new DataFormatException(file, "wrong length: " + b.length + " bytes, the header's shape and dtype need "
                    + expected);
        }
        ByteBuffer data = ByteBuffer.wrap(b, (int) dataStart, (int) (count * size))
                .order(d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[(int) count];
        for (int i = 0; i < v.length; i++) v[i] = read(data, kind, size);
        return new NdArray(shape, v);
    }

    private static int[] shape(String text, String file) throws DataFormatException {
        String[] parts = text.split(",");
        int n = 0;
        int[] out = new int[parts.length];
        for (String p : parts) {
            if (p.isBlank()) continue;
            try {
                out[n++] = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw new DataFormatException(file, "bad shape (" + text + ")");
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static boolean validSize(char kind, int size) {
        switch (kind) {
            case 'b': return size == 1;
            case 'f': return size == 4 || size == 8;
            default: return size == 1 || size == 2 || size == 4 || size == 8;
        }
    }

    private static float read(ByteBuffer d, char kind, int size) {
        switch (kind) {
            case 'f': return size == 4 ? d.getFloat() : (float) d.getDouble();
            case 'b': return d.get() != 0 ? 1f : 0f;
            case 'u':
                switch (size) {
                    case 1: return d.get() & 0xFF;
                    case 2: return d.getShort() & 0xFFFF;
                    case 4: return d.getInt() & 0xFFFFFFFFL;
                    default: return (float) d.getLong();
                }
            default:
                switch (size) {
                    case 1: return d.get();
                    case 2: return d.getShort();
                    case 4: return d.getInt();
                    default: return d.getLong();
                }
        }
    }
}
