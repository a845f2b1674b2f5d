package dev.relulab.random;

/**
 * The numbers of one (seed, network, purpose, sub-stream) as a function of an element index: element i reads word
 * {@code i & 3} of the Philox block whose counter is {@code (i >>> 2, network, purpose | sub << 8, attempt)} under
 * key {@code (seed low, seed high)}. Counter-based, so any element can be drawn alone, on any engine, in any order.
 */
public class RandomStream {
    private final int k0, k1, network, word2;
    private final int[] block = new int[4];
    private int cachedCounter = -1, cachedAttempt = -1;

    public RandomStream(long seed, int network, Purpose purpose, int sub) {
        if (sub < 0 || sub >= (1 << 24)) {
            throw new IllegalArgumentException("sub-stream " + sub + " must be between 0 and " + ((1 << 24) - 1));
        }
        this.k0 = (int) seed;
        this.k1 = (int) (seed >>> 32);
        this.network = network;
        this.word2 = purpose.code | (sub << 8);
    }

    /** The raw 32-bit word for element {@code i} on rejection attempt {@code attempt} (0 for most uses). */
    public int bits(long i, int attempt) {
        if (i < 0 || i >= (1L << 34)) {
            throw new IllegalArgumentException("element index " + i + " is outside [0, 2^34)");
        }
        int counter = (int) (i >>> 2);
        if (counter != cachedCounter || attempt != cachedAttempt) {
            Philox.block(counter, network, word2, attempt, k0, k1, block);
            cachedCounter = counter;
            cachedAttempt = attempt;
        }
        return block[(int) (i & 3)];
    }

    /** A float in [0, 1) with 24 random bits, the same conversion every engine uses. */
    public float uniform(long i) {
        return toUnit(bits(i, 0));
    }

    /** Maps a word to [0, 1): the top 24 bits times 2^-24, exact in float. */
    public static float toUnit(int bits) {
        return (bits >>> 8) * 0x1.0p-24f;
    }

    /** Maps a word to (0, 1]: never zero, for logarithms. */
    public static float toUnitOpenZero(int bits) {
        return ((bits >>> 8) + 1) * 0x1.0p-24f;
    }

    /**
     * A standard normal draw by Box-Muller on the words of element pair (2i, 2i+1), attempt {@code attempt};
     * computed in double and rounded once so that it is reproducible across JVMs.
     */
    public float normal(long i, int attempt) {
        float u1 = toUnitOpenZero(bits(2 * i, attempt));
        float u2 = toUnit(bits(2 * i + 1, attempt));
        return (float) (StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2));
    }
}
