package dev.relulab.random;

/**
 * What a random stream is for. The code is the third counter word's low byte, so streams of different purposes
 * never overlap; the numbers are part of the on-device format and must not change.
 */
public enum Purpose {
    WEIGHTS(1),
    BIASES(2),
    TRAIN_POINTS(3),
    TEST_POINTS(4),
    SHUFFLE(5),
    PRELU_SLOPES(6),
    DATASET(7);

    /** The value written into the low byte of counter word 2. */
    public final int code;

    Purpose(int code) {
        this.code = code;
    }
}
