package dev.relulab.train;

/**
 * Finished chunks kept outside the trainer as they complete, so that a killed run resumes without redoing them.
 * Networks are independent and deterministic, so a kept network's outcome is the one retraining would give.
 * Both methods are called from the trainer's worker threads.
 */
public interface Checkpoint {
    /** Copies networks [first, first + count) (global ids) into {@code out} and returns true when all were kept. */
    boolean restore(int first, int count, EnsembleResult out);

    /** Keeps networks [first, first + count) of {@code out}, just trained. */
    void save(int first, int count, EnsembleResult out);
}
