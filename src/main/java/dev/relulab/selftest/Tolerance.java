package dev.relulab.selftest;

/** The parity bounds of DESIGN.md on the relative error ||got - want|| / ||want|| of one output. */
public enum Tolerance {
    /** Counts, flags and indices: every element equal. */
    EXACT(0.0),
    /** Float32 work one element at a time (activations, optimizer steps, data generation). */
    ELEMENTWISE(1e-5),
    /** Sums and products: the summation order and fused multiply-adds may differ between engines. */
    REDUCTION(1e-4);

    public final double bound;

    Tolerance(double bound) {
        this.bound = bound;
    }
}
