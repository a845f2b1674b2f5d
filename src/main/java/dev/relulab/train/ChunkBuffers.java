package dev.relulab.train;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.nn.Architecture;

/**
 * The engine memory of one chunk of up to {@code capacity} networks, allocated once and reused for every chunk a
 * worker trains: parameters, gradients and optimizer state per layer, activations for one batch, dead-unit masks
 * and per-network results. Index l runs over dense layers 1..L (index 0 of the activations is the input).
 */
final class ChunkBuffers implements AutoCloseable {
    final int capacity;
    final Buffer[] w, b, slope, dW, db, dSlope, wS1, wS2, bS1, bS2, slopeS1, slopeS2;
    /** act[0] is the input x; act[l] and z[l] the outputs of layer l; dA[l] the gradient with respect to act[l]. */
    final Buffer[] act, z, dA;
    final Buffer y;
    /** Per hidden layer l (1..H): alive bits, ever-dead bits and ReDo sums, each [E][n_l]. */
    final Buffer[] alive, everDead, absSums;
    final Buffer dead, revived, lossLast, lossSum, diverged, lr, predStats, targetStats;
    private final Buffer[] all;

    ChunkBuffers(Engine eng, Architecture arch, int capacity, int batch, int slots) {
        this.capacity = capacity;
        int L = arch.layers(), H = arch.hiddenLayers();
        long E = capacity;
        w = new Buffer[L + 1]; b = new Buffer[L + 1]; slope = new Buffer[L + 1];
        dW = new Buffer[L + 1]; db = new Buffer[L + 1]; dSlope = new Buffer[L + 1];
        wS1 = new Buffer[L + 1]; wS2 = new Buffer[L + 1]; bS1 = new Buffer[L + 1]; bS2 = new Buffer[L + 1];
        slopeS1 = new Buffer[L + 1]; slopeS2 = new Buffer[L + 1];
        act = new Buffer[L + 1]; z = new Buffer[L + 1]; dA = new Buffer[L + 1];
        alive = new Buffer[H + 1]; everDead = new Buffer[H + 1]; absSums = new Buffer[H + 1];
        act[0] = eng.floats(E * batch * arch.inputs());
        for (int l = 1; l <= L; l++) {
            long n = arch.width(l), wn = n * arch.width(l - 1);
            w[l] = eng.floats(E * wn);
            b[l] = eng.floats(E * n);
            dW[l] = eng.floats(E * wn);
            db[l] = eng.floats(E * n);
            wS1[l] = slots >= 1 ? eng.floats(E * wn) : null;
            wS2[l] = slots >= 2 ? eng.floats(E * wn) : null;
            bS1[l] = slots >= 1 ? eng.floats(E * n) : null;
            bS2[l] = slots >= 2 ? eng.floats(E * n) : null;
            if (arch.activation(l).hasLearnedSlope()) {
                slope[l] = eng.floats(E * n);
                dSlope[l] = eng.floats(E * n);
                slopeS1[l] = slots >= 1 ? eng.floats(E * n) : null;
                slopeS2[l] = slots >= 2 ? eng.floats(E * n) : null;
            }
            z[l] = eng.floats(E * batch * n);
            act[l] = l == L ? z[l] : eng.floats(E * batch * n);
            dA[l] = eng.floats(E * batch * n);
            if (l <= H) {
                alive[l] = eng.ints(E * n);
                everDead[l] = eng.ints(E * n);
                absSums[l] = eng.floats(E * n);
            }
        }
        y = eng.floats(E * batch * arch.outputs());
        dead = eng.ints(E * Math.max(1, H));
        revived = eng.ints(E * Math.max(1, H));
        lossLast = eng.floats(E);
        lossSum = eng.floats(E);
        diverged = eng.ints(E);
        lr = eng.floats(E);
        predStats = eng.floats(E * arch.outputs() * 4);
        targetStats = eng.floats(E * arch.outputs() * 4);
        all = collect();
    }

    /** Engine bytes one network needs, for choosing the chunk size before allocating. */
    static long bytesPerNetwork(Architecture arch, int batch, int slots) {
        long floats = arch.parametersPerNetwork() * (2L + slots);
        int L = arch.layers();
        floats += (long) batch * arch.inputs();
        for (int l = 1; l <= L; l++) {
            floats += (long) batch * arch.width(l) * (l == L ? 2 : 3);
            if (l < L) floats += 3L * arch.width(l);
        }
        floats += (long) batch * arch.outputs() + 8L * arch.outputs() + 8 + 2L * L;
        return floats * 4;
    }

    private Buffer[] collect() {
        java.util.List<Buffer> list = new java.util.ArrayList<>();
        for (Buffer[] group : new Buffer[][] {w, b, slope, dW, db, dSlope, wS1, wS2, bS1, bS2, slopeS1, slopeS2,
                dA, alive, everDead, absSums}) {
            for (Buffer x : group) if (x != null) list.add(x);
        }
        for (int l = 0; l < act.length; l++) if (act[l] != null && act[l] != z[l]) list.add(act[l]);
        for (Buffer x : z) if (x != null) list.add(x);
        for (Buffer x : new Buffer[] {y, dead, revived, lossLast, lossSum, diverged, lr, predStats, targetStats}) {
            list.add(x);
        }
        return list.toArray(new Buffer[0]);
    }

    @Override
    public void close() {
        for (Buffer x : all) x.close();
    }
}
