package dev.relulab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.random.Purpose;
import dev.relulab.random.WordLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Independence by construction: for every initialiser and a range of layer shapes, no Philox word is read by two
 * draws of one layer (a word shared by two draws makes them dependent: RAI's Beta slot once reused a normal's words).
 */
class InitializerWordsTest {
    static List<Initializer> all() {
        List<Initializer> out = new ArrayList<>();
        for (Initializer.Kind k : Initializer.Kind.values()) {
            switch (k) {
                case CONSTANT: out.add(Initializer.constant(0.25)); break;
                case NORMAL: out.add(Initializer.normal(0.1, 0.5)); break;
                case UNIFORM: out.add(Initializer.uniform(-0.3, 0.7)); break;
                default: out.add(Initializer.of(k));
            }
        }
        return out;
    }

    private static final int[][] SHAPES = {{1, 1}, {1, 2}, {2, 2}, {2, 1}, {3, 7}, {7, 3}, {16, 16}, {50, 9}, {784, 4}};

    @Test
    void noWordServesTwoWeightDraws() {
        for (Initializer init : all()) {
            for (int[] s : SHAPES) for (int net = 0; net < 8; net++) {
                int fanIn = s[0], fanOut = s[1];
                WordLog log = new WordLog(1999, net, Purpose.WEIGHTS, 3);
                init.fillWeights(new float[fanIn * fanOut], 0, new float[fanOut], 0, fanIn, fanOut, log);
                assertEquals(0, log.collisions(), init + " on a " + fanIn + " -> " + fanOut + " layer of network " + net + ": "
                        + log.collisions() + " words serve two draws:" + log.firstCollisions());
                if (init.kind != Initializer.Kind.ZEROS && init.kind != Initializer.Kind.CONSTANT) {
                    assertTrue(log.draws() >= fanIn * fanOut, init + " made only " + log.draws() + " draws");
                }
            }
        }
    }

    @Test
    void noWordServesTwoBiasDraws() {
        for (Initializer init : all()) {
            if (!init.allowedForBiases()) continue;
            for (int n : new int[] {1, 2, 5, 64}) {
                WordLog log = new WordLog(42, 0, Purpose.BIASES, 1);
                init.fillBiases(new float[n], 0, n, log);
                assertEquals(0, log.collisions(), init + " biases of " + n + ":" + log.firstCollisions());
            }
        }
    }

    @Test
    void theRecorderSeesACollision() {
        WordLog log = new WordLog(1, 0, Purpose.WEIGHTS, 0);
        log.normal(3, 0);
        log.uniform(7); // element 7 is the second word of normal 3
        assertEquals(1, log.collisions());
    }
}
