package dev.relulab.engine.cpu;

import dev.relulab.random.Purpose;
import dev.relulab.random.RandomStream;

/**
 * One thread's x values of the function points of a chunk's networks, drawn once in index order (a Philox block
 * serves four points) and then read by every minibatch and probe in any order. The values are those of {@link
 * RandomStream#uniform}, so results do not change; the cache only saves the draws that a shuffled order would repeat.
 */
final class PointCache {
    /** Most floats one thread keeps (16 MB); larger chunks draw point by point as before. */
    static final long MAX_FLOATS = 1 << 22;

    private long seed;
    private Purpose purpose;
    private float lo, hi;
    private int netBase = -1, networks, nPoints;
    private float[][] xs;

    /** The x values of network {@code net}'s {@code nPoints} points, or null when this chunk is too large to keep. */
    float[] points(long seed, Purpose purpose, float lo, float hi, int nPoints, int netBase, int E, int net) {
        boolean same = xs != null && seed == this.seed && purpose == this.purpose && lo == this.lo && hi == this.hi
                && nPoints == this.nPoints && net >= this.netBase && net < this.netBase + networks;
        if (!same) {
            if ((long) E * nPoints > MAX_FLOATS) return null;
            this.seed = seed;
            this.purpose = purpose;
            this.lo = lo;
            this.hi = hi;
            this.nPoints = nPoints;
            this.netBase = netBase;
            this.networks = E;
            xs = new float[E][];
        }
        int e = net - this.netBase;
        if (xs[e] == null) {
            float[] x = new float[nPoints];
            RandomStream stream = new RandomStream(seed, net, purpose, 0);
            float range = hi - lo;
            for (int i = 0; i < nPoints; i++) x[i] = lo + range * stream.uniform(i);
            xs[e] = x;
        }
        return xs[e];
    }
}
