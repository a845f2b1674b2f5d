package dev.relulab.engine;

/** An engine that cannot be opened on this machine; the message says why in one line and what would fix it. */
public final class EngineUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public EngineUnavailableException(String message) {
        super(message);
    }

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
