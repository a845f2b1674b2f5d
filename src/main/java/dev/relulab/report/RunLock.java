package dev.relulab.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a hidden file beside a run's folder: the operating system's file lock, so a killed run
 * releases it with its process. The file holds the owner's pid for the refusal message and is removed on release;
 * a lock taken on a file that another process removed meanwhile is retried on the new file.
 */
final class RunLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or refuses in one line naming {@code what} and the pid that holds it. */
    static RunLock acquire(Path file, String what) {
        for (int attempt = 0; attempt < 100; attempt++) {
            FileChannel ch = null;
            try {
                ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l == null) {
                    String owner = readOrEmpty(file).trim().split(" ")[0];
                    ch.close();
                    throw new IllegalArgumentException(what + " is being written by another relulab run"
                            + (owner.isEmpty() ? "" : " (pid " + owner + ")") + "; wait for it or choose another folder");
                }
                // only a lock holder writes the file: if the path shows our token, it is the file we locked
                String token = ProcessHandle.current().pid() + " " + Long.toUnsignedString(System.nanoTime(), 36) + "\n";
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
                ch.force(false);
                if (!token.equals(readOrEmpty(file))) {
                    l.release();
                    ch.close();
                    continue;
                }
                return new RunLock(file, ch, l);
            } catch (IOException e) {
                closeQuietly(ch);
                throw new IllegalArgumentException(what + " is not writable (" + OutputFolder.reason(e) + ")");
            }
        }
        throw new IllegalArgumentException(what + ": could not take the lock " + file);
    }

    private static String readOrEmpty(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            if (ch != null) ch.close();
        } catch (IOException ignored) {
            // closing a channel we could not use
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
            lock.release();
            channel.close();
        } catch (IOException e) {
            System.err.println("relulab: could not release " + file + ": " + OutputFolder.reason(e));
        }
    }
}
