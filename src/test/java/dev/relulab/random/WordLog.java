package dev.relulab.random;

import java.util.HashMap;
import java.util.Map;

/**
 * A stream that records which Philox words each draw reads: one call of {@link #uniform}, {@link #normal} or
 * {@link #bits} from outside is one draw, and every (element, attempt) word it touches is charged to it. A word that
 * a second draw reads is a collision: the two draws are not independent.
 */
public final class WordLog extends RandomStream {
    private final Map<Long, Integer> owner = new HashMap<>();
    private final StringBuilder collisions = new StringBuilder();
    private int draws, depth, collisionCount;

    public WordLog(long seed, int network, Purpose purpose, int sub) {
        super(seed, network, purpose, sub);
    }

    @Override
    public int bits(long i, int attempt) {
        if (depth == 0) draws++;
        charge(i, attempt);
        return super.bits(i, attempt);
    }

    @Override
    public float uniform(long i) {
        return inDraw(() -> super.uniform(i));
    }

    @Override
    public float normal(long i, int attempt) {
        return inDraw(() -> super.normal(i, attempt));
    }

    private float inDraw(java.util.function.Supplier<Float> draw) {
        if (depth == 0) draws++;
        depth++;
        try {
            return draw.get();
        } finally {
            depth--;
        }
    }

    private void charge(long element, int attempt) {
        long word = element * 64 + attempt;
        Integer prev = owner.putIfAbsent(word, draws);
        if (prev != null && prev != draws) {
            if (collisionCount++ < 5) {
                collisions.append(String.format(" element %d attempt %d read by draws %d and %d;", element, attempt,
                        prev, draws));
            }
        }
    }

    /** Draws made so far. */
    public int draws() {
        return draws;
    }

    /** Words read by more than one draw, and the first few of them. */
    public int collisions() {
        return collisionCount;
    }

    public String firstCollisions() {
        return collisions.toString();
    }
}
