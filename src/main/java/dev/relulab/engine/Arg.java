package dev.relulab.engine;

/**
 * One kernel argument as a launch passes it: its name in the kernel's parameter list, its ABI type and its value
 * (Integer, Float, Double, or a {@link Buffer}; null passes a NULL pointer). The names make the argument order
 * checkable against the compiled kernels (KernelAbiTest); devices read only the type and the value.
 */
public record Arg(String name, Type type, Object value) {
    /** The C types of the ABI: 32-bit int (int or uint), float, double, float* and int*. */
    public enum Type { INT, FLOAT, DOUBLE, FLOAT_PTR, INT_PTR }

    public static Arg i(String name, int value) {
        return new Arg(name, Type.INT, value);
    }

    public static Arg f(String name, float value) {
        return new Arg(name, Type.FLOAT, value);
    }

    public static Arg d(String name, double value) {
        return new Arg(name, Type.DOUBLE, value);
    }

    /** A {@code float*}; null for an absent optional buffer. */
    public static Arg floats(String name, Buffer value) {
        return new Arg(name, Type.FLOAT_PTR, value);
    }

    /** An {@code int*}; null for an absent optional buffer. */
    public static Arg ints(String name, Buffer value) {
        return new Arg(name, Type.INT_PTR, value);
    }

    /** A {@code long seed} as the two {@code uint} words the kernels take: {@code seedLo}, then {@code seedHi}. */
    public static Arg[] seed(long seed) {
        return new Arg[] {i("seedLo", (int) seed), i("seedHi", (int) (seed >>> 32))};
    }

    public boolean isPointer() {
        return type == Type.FLOAT_PTR || type == Type.INT_PTR;
    }

    /** The buffer of a pointer argument (null for NULL). */
    public Buffer buffer() {
        return (Buffer) value;
    }
}
