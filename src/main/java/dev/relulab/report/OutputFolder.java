package dev.relulab.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A run's output folder, checked for writability before any work starts and made at the first write. Each file is
 * written to a temporary name in the folder and renamed into place, so every file appears whole or not at all; bad
 * input fails before the folder is made.
 */
public final class OutputFolder {
    private final Path dir;

    private OutputFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * Proves the folder writable (or creatable) without leaving anything behind: an existing folder must accept a
     * file, a missing one must have a writable nearest existing parent. The folder itself is made at the first write.
     * The message names the option and the path.
     */
    public static OutputFolder prepare(Path dir, String option) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(option + " " + dir + " is not a writable folder ("
                    + (existing == null ? "no existing parent" : existing + " is a file") + ")");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".relulab-write-test", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(option + " " + dir + " is not a writable folder (" + existing
                    + ": " + e.getMessage() + ")");
        }
        return new OutputFolder(dir);
    }

    public Path path() {
        return dir;
    }

    /** Something that writes a file's whole content. */
    public interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /** Writes {@code name} atomically: to a temporary file first, then renamed over any old one. */
    public Path write(String name, Content content) throws IOException {
        return writeAtomically(name, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
        });
    }

    /** Writes the bytes of a binary file (a PNG figure) atomically, as {@link #write}. */
    public Path writeBytes(String name, byte[] bytes) throws IOException {
        return writeAtomically(name, tmp -> Files.write(tmp, bytes));
    }

    /**
     * An empty hidden file beside {@code name}, made with the permissions of any new file (the umask's, unlike
     * Files.createTempFile's owner-only ones), so that the renamed result reads like a file the user wrote.
     */
    private Path freshTemp(String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String tag = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return Files.createFile(dir.resolve("." + name + "." + tag + ".tmp"));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) throw e;
            }
        }
    }

    private interface TempWriter {
        void fill(Path tmp) throws IOException;
    }

    private Path writeAtomically(String name, TempWriter writer) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Path tmp = freshTemp(name);
        try {
            writer.fill(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
