package dev.relulab.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a hidden file beside a run's folder: the operating system's file lock, so a killed run
 * releases it with its process. The file holds the owner's pid for the refusal message and is removed on release;
 * a lock taken on a file that another run removed meanwhile is retried on the path's new file. POSIX drops a
 * process's lock when any of its descriptors of the file closes, so this JVM never opens a file it holds (the held
 * set answers for it) and checks the path by its attributes only.
 */
final class RunLock implements AutoCloseable {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or refuses in one line naming {@code what} and the pid that holds it. */
    static RunLock acquire(Path path, String what) {
        Path file = path.toAbsolutePath().normalize();
        if (!HELD.add(file)) throw refused(what, Long.toString(ProcessHandle.current().pid()));
        try {
            for (int attempt = 0; attempt < 100; attempt++) {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.READ);
                Object opened = key(file);
                FileLock l = ch.tryLock();
                if (l == null) {
                    ByteBuffer b = ByteBuffer.allocate(64);
                    ch.read(b, 0);
                    ch.close();
                    throw refused(what, new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).trim());
                }
                Object now = key(file);
                if (now == null || !now.equals(opened)) { // removed (and maybe made anew) by the run before us
                    l.release();
                    ch.close();
                    continue;
                }
                ch.truncate(0);
                ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                return new RunLock(file, ch, l);
            }
            throw new IllegalArgumentException(what + ": could not take the lock " + file);
        } catch (IOException e) {
            HELD.remove(file);
            throw new IllegalArgumentException(what + " is not writable (" + OutputFolder.reason(e) + ")");
        } catch (RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
    }

    private static IllegalArgumentException refused(String what, String owner) {
        return new IllegalArgumentException(what + " is being written by another relulab run"
                + (owner.isEmpty() ? "" : " (pid " + owner + ")") + "; wait for it or choose another folder");
    }

    /** The file's identity (device and inode) from its attributes, or null when it is gone. */
    private static Object key(Path file) throws IOException {
        try {
            Object k = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return k == null ? "no file keys here" : k;
        } catch (NoSuchFileException e) {
            return null;
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
        } finally {
            HELD.remove(file);
        }
    }
}
