package dev.relulab.engine.opencl;

import dev.relulab.engine.Buffer;

/** Argument checks of the OpenCL engine: 32-bit index math in the kernels, buffers of the right kind and size. */
final class Shapes {
    private Shapes() {}

    /** The product of the sizes as an int, or a message naming the operation when it reaches 2^31. */
    static int total(String op, long... sizes) {
        long t = 1;
        for (long s : sizes) {
            if (s < 0) throw new IllegalArgumentException(op + ": negative size " + s);
            t *= s;
            if (t > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(op + ": " + java.util.Arrays.toString(sizes) + " make more than "
                        + "2^31-1 elements, which the kernels' 32-bit indices cannot address; use smaller chunks");
            }
        }
        return (int) t;
    }

    /** Checks that {@code b} is an open OpenCL buffer of the given kind holding at least {@code need} elements. */
    static void need(String op, String arg, Buffer b, boolean isInt, long need) {
        if (b == null) throw new IllegalArgumentException(op + ": " + arg + " is required");
        if (!(b instanceof OpenClBuffer)) {
            throw new IllegalArgumentException(op + ": " + arg + " is a " + b.getClass().getSimpleName()
                    + ", not an OpenCL buffer");
        }
        if (((OpenClBuffer) b).isClosed()) throw new IllegalArgumentException(op + ": " + arg + " was closed");
        if (b.isInt() != isInt) {
            throw new IllegalArgumentException(op + ": " + arg + " must be an " + (isInt ? "int" : "float")
                    + " buffer");
        }
        if (b.length() < need) {
            throw new IllegalArgumentException(op + ": " + arg + " has " + b.length() + " elements, needs " + need);
        }
    }

    /** As {@link #need} for an optional buffer: null passes. */
    static void optional(String op, String arg, Buffer b, boolean isInt, long need) {
        if (b != null) need(op, arg, b, isInt, need);
    }
}
