package dev.relulab.cli;

import java.util.function.Supplier;

/** Runs a check of the settings and turns its IllegalArgumentException (bad input) into a usage error. */
final class Usage {
    private Usage() {}

    static <T> T of(Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    static void run(Runnable check) {
        of(() -> {
            check.run();
            return null;
        });
    }
}
