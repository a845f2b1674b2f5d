package dev.relulab.data;

import java.io.IOException;

/** A data file that cannot be read as what it claims to be (bad magic number, wrong length, truncated stream). */
public final class DataFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file (or archive member) and what was wrong with it. */
    public DataFormatException(String file, String problem) {
        super(file + ": " + problem);
    }

    public DataFormatException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
