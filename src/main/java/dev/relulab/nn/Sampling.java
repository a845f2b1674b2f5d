package dev.relulab.nn;

/**
 * How an {@link Initializer} draws one layer's values once its fans are known: the form and its two parameters, the
 * numbers both the Java loops and the device kernels (native-kernels/common/init.h) start from.
 *
 * @param form what is drawn
 * @param p0 CONSTANT: the value; UNIFORM: lo; NORMAL: mean; TRUNCATED_NORMAL and RAI: the std
 * @param p1 UNIFORM: hi; NORMAL: std; else 0
 */
public record Sampling(Form form, double p0, double p1) {

    /** The forms; {@code code} is the kernels' {@code form} argument and must not change. */
    public enum Form {
        /** Every element (float) p0. */
        CONSTANT(0),
        /** (float) (p0 + (p1 - p0) u), u the stream's 24-bit uniform of element k. */
        UNIFORM(1),
        /** (float) (p0 + p1 z), z the Box-Muller normal of elements 2k, 2k + 1. */
        NORMAL(2),
        /** (float) (p0 z), z redrawn on attempts 1..63 while |z| > 2. */
        TRUNCATED_NORMAL(3),
        /** Lu et al.'s RAI with symmetric std p0; also writes the biases. */
        RAI(4);

        public final int code;

        Form(int code) {
            this.code = code;
        }
    }
}
