package dev.relulab.data;

import java.util.Arrays;

/** A dense row-major array read from a data file: its shape and its values as float. */
public final class NdArray {
    private final int[] shape;
    public final float[] values;

    public NdArray(int[] shape, float[] values) {
        long n = 1;
        for (int s : shape) n *= s;
        if (n != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got "
                    + values.length);
        }
        this.shape = shape.clone();
        this.values = values;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** Size of the first dimension (1 for a scalar). */
    public int rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** Elements per row: the product of every dimension but the first. */
    public int rowSize() {
        int n = 1;
        for (int i = 1; i < shape.length; i++) n *= shape[i];
        return n;
    }
}
