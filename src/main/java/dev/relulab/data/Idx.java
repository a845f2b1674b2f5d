package dev.relulab.data;

/**
 * Reader of LeCun's IDX format (MNIST, Fashion-MNIST), raw or gzipped: two zero bytes, a type byte (only 0x08,
 * unsigned byte, is accepted), the number of dimensions, the dimensions as big-endian int32, then the data.
 */
public final class Idx {
    private static final int UNSIGNED_BYTE = 0x08;

    private Idx() {}

    /** Parses {@code bytes} (gunzipping them first when needed); {@code file} names the source in errors. */
    public static NdArray parse(byte[] bytes, String file) throws DataFormatException {
        byte[] b = Bytes.gunzipIfNeeded(bytes, file);
        if (b.length < 4) {
            throw new DataFormatException(file, "wrong length: " + b.length + " bytes, too short for an IDX header");
        }
        int magic = Bytes.bigEndianInt(b, 0);
        int type = b[2] & 0xFF, dims = b[3] & 0xFF;
        if (b[0] != 0 || b[1] != 0 || type != UNSIGNED_BYTE || dims < 1 || dims > 4) {
            throw new DataFormatException(file, String.format("bad magic number 0x%08x (expected 0x000008nn with "
                    + "1 to 4 dimensions, e.g. 0x00000801 for labels, 0x00000803 for images)", magic));
        }
        int header = 4 + 4 * dims;
        if (b.length < header) {
            throw new DataFormatException(file, "wrong length: " + b.length + " bytes, the header of " + dims
                    + " dimensions needs " + header);
        }
        int[] shape = new int[dims];
        long count = 1;
        for (int i = 0; i < dims; i++) {
            shape[i] = Bytes.bigEndianInt(b, 4 + 4 * i);
            if (shape[i] < 0) throw new DataFormatException(file, "negative dimension " + shape[i]);
            count *= shape[i];
        }
        long expected = header + count;
        if (b.length != expected) {
            throw new DataFormatException(file, "wrong length: " + b.length + " bytes, the header's shape "
                    + java.util.Arrays.toString(shape) + " needs " + expected);
        }
        float[] v = new float[(int) count];
        for (int i = 0; i < v.length; i++) v[i] = b[header + i] & 0xFF;
        return new NdArray(shape, v);
    }
}
