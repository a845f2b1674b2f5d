package dev.relulab.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reader of LeCun's IDX format (MNIST, Fashion-MNIST), raw or gzipped: two zero bytes, a type byte (only 0x08,
 * unsigned byte, is accepted), the number of dimensions, the dimensions as big-endian int32, then the data. The
 * header's declared size is checked against the heap before anything is allocated, and a gzipped file is inflated
 * only as far as the header declares (plus one byte, to see that nothing follows), so a small file that would
 * inflate to gigabytes is refused early.
 */
public final class Idx {
    private static final int UNSIGNED_BYTE = 0x08;

    private Idx() {}

    /** Parses {@code bytes} (gunzipping them first when needed); {@code file} names the source in errors. */
    public static NdArray parse(byte[] bytes, String file) throws DataFormatException {
        try {
            return read(Bytes.gunzipping(new ByteArrayInputStream(bytes)), file);
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException e) {
            throw Bytes.gzipError(file, e);
        }
    }

    /** Reads one IDX array from {@code in} (already gunzipped), to its end. */
    public static NdArray read(InputStream in, String file) throws IOException {
        byte[] start = in.readNBytes(4);
        if (start.length < 4) {
            throw new DataFormatException(file, "wrong length: " + start.length + " bytes, too short for an IDX header");
        }
        int magic = Bytes.bigEndianInt(start, 0);
        int type = start[2] & 0xFF, dims = start[3] & 0xFF;
        if (start[0] != 0 || start[1] != 0 || type != UNSIGNED_BYTE || dims < 1 || dims > 4) {
            throw new DataFormatException(file, String.format("bad magic number 0x%08x (expected 0x000008nn with "
                    + "1 to 4 dimensions, e.g. 0x00000801 for labels, 0x00000803 for images)", magic));
        }
        int header = 4 + 4 * dims;
        byte[] d = in.readNBytes(4 * dims);
        if (d.length < 4 * dims) {
            throw new DataFormatException(file, "wrong length: " + (4 + d.length) + " bytes, the header of " + dims
                    + " dimensions needs " + header);
        }
        int[] shape = new int[dims];
        long count = 1;
        for (int i = 0; i < dims; i++) {
            shape[i] = Bytes.bigEndianInt(d, 4 * i);
            if (shape[i] < 0) throw new DataFormatException(file, "negative dimension " + shape[i]);
            count = Math.multiplyExact(count, (long) shape[i]);
        }
        Bytes.checkDeclared(file, "the header's shape " + java.util.Arrays.toString(shape), count);
        byte[] body = in.readNBytes((int) count);
        long expected = header + count;
        if (body.length < count) {
            throw new DataFormatException(file, "wrong length: " + (header + body.length) + " bytes, the header's shape "
                    + java.util.Arrays.toString(shape) + " needs " + expected);
        }
        if (in.read() >= 0) {
            throw new DataFormatException(file, "wrong length: more than the " + expected + " bytes the header's shape "
                    + java.util.Arrays.toString(shape) + " needs");
        }
        float[] v = new float[(int) count];
        for (int i = 0; i < v.length; i++) v[i] = body[i] & 0xFF;
        return new NdArray(shape, v);
    }

    /** As {@link #read}, turning a broken gzip stream into a DataFormatException that names the file. */
    static NdArray readFile(InputStream raw, String file) throws IOException {
        try {
            return read(Bytes.gunzipping(raw), file);
        } catch (DataFormatException e) {
            throw e;
        } catch (EOFException | java.util.zip.ZipException e) {
            throw Bytes.gzipError(file, e);
        }
    }
}
