package dev.relulab.experiments;

/** How many different units a layer has: units whose outputs on every probe row are bit-for-bit equal count once. */
public final class DistinctUnits {
    private DistinctUnits() {}

    /** {@code rows} holds the layer's outputs row-major, {@code width} values per probe row. */
    public static int count(float[] rows, int width) {
        int n = rows.length / width, distinct = 0;
        for (int j = 0; j < width; j++) {
            boolean seen = false;
            for (int i = 0; i < j && !seen; i++) seen = sameColumn(rows, width, n, i, j);
            if (!seen) distinct++;
        }
        return distinct;
    }

    private static boolean sameColumn(float[] rows, int width, int n, int a, int b) {
        for (int r = 0; r < n; r++) {
            if (Float.floatToIntBits(rows[r * width + a]) != Float.floatToIntBits(rows[r * width + b])) return false;
        }
        return true;
    }
}
