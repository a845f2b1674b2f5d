package dev.relulab.cli;

/** Bad input found after parsing (a value outside its range, an unwritable output folder): exit code 2. */
public final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message);
    }
}
