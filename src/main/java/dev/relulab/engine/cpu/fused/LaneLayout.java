package dev.relulab.engine.cpu.fused;

import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;

/**
 * Where each parameter and unit of an architecture lives among a lane block's rows: per layer l = 1..L the weights
 * {@code W[j][k]} (row {@code wOff[l] + j * nIn + k}), the biases, and PReLU's slopes; one row per unit of every
 * layer, layer 0 (the input) included. Layer by layer, as the op-by-op trainer's buffers (the fused device kernels keep
 * the slopes after every weight and bias; the order of the rows changes no value).
 */
final class LaneLayout {
    final int L, H, P, units, maxWidth;
    final int[] width, wOff, bOff, sOff, uOff;

    LaneLayout(Architecture arch) {
        L = arch.layers();
        H = arch.hiddenLayers();
        width = arch.widths();
        wOff = new int[L + 1];
        bOff = new int[L + 1];
        sOff = new int[L + 1];
        uOff = new int[L + 2];
        int p = 0, u = 0, widest = 0;
        for (int l = 0; l <= L; l++) {
            uOff[l] = u;
            u += width[l];
            widest = Math.max(widest, width[l]);
            if (l == 0) continue;
            wOff[l] = p;
            p += width[l] * width[l - 1];
            bOff[l] = p;
            p += width[l];
            sOff[l] = -1;
            if (l < L && arch.hidden == Activation.PRELU) {
                sOff[l] = p;
                p += width[l];
            }
        }
        uOff[L + 1] = u;
        P = p;
        units = u;
        maxWidth = widest;
    }

    /** Units of the hidden layers, h = 1..H, counted from the first hidden unit (alive bits and dead counts). */
    int hiddenUnits() {
        return uOff[L] - uOff[1];
    }

    /** The hidden-unit index (0-based over hidden layers) of unit j of hidden layer l. */
    int hiddenUnit(int l, int j) {
        return uOff[l] - uOff[1] + j;
    }
}
