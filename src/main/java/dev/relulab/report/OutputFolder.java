package dev.relulab.report;

import dev.relulab.report.figure.FigureFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A run's output folder, built whole beside its destination and renamed into place in one step. {@code dest} is
 * never written into: files go to the hidden staging folder {@code .NAME.relulab-partial} next to it, which a
 * {@link RunLock} keeps to one writer; {@link #commit} drops the staging folder's {@code work/} (the checkpoints of
 * finished chunks that {@code --resume} reuses) and renames it to {@code dest}, replacing an old folder only under
 * {@link Mode#OVERWRITE}. A run that fails removes its staging folder, leaving the previous folder or nothing; a
 * killed one leaves the staging folder, which {@code --resume} finishes and {@code --overwrite} cleans.
 */
public final class OutputFolder implements AutoCloseable {
    /** What to do when the destination or a killed run's leftovers exist. */
    public enum Mode { NEW, OVERWRITE, RESUME }

    private static final String PARTIAL = ".relulab-partial", OLD = ".relulab-old";

    private final Path dest, staging;
    private final String option;
    private final RunLock lock;
    private final boolean resumed;
    private volatile boolean committed;
    private FigureFormat figureFormat = FigureFormat.DEFAULT;
    /** Says, when the JVM is stopped (SIGINT, SIGTERM) before the commit, how to finish the run. */
    private final Thread interruptNote;

    private OutputFolder(Path dest, Path staging, String option, RunLock lock, boolean resumed) {
        this.dest = dest;
        this.staging = staging;
        this.option = option;
        this.lock = lock;
        this.resumed = resumed;
        this.interruptNote = new Thread(() -> {
            if (!committed) {
                System.err.println("\nrelulab: interrupted; the finished work is kept in " + staging
                        + ": run the same command with --resume " + option + " " + dest + " to finish it");
            }
        }, "relulab-interrupt-note");
        Runtime.getRuntime().addShutdownHook(interruptNote);
    }

    /**
     * Locks and opens the staging folder for {@code dest}. Refusals are IllegalArgumentExceptions whose one line
     * names {@code option}, the path and what to pass instead ({@code --overwrite}, {@code --resume}).
     */
    public static OutputFolder open(Path dest, String option, Mode mode) {
        if (dest.toString().isBlank()) {
            throw new IllegalArgumentException(option + " is blank (an unset variable?); name a folder, or leave "
                    + option + " out for a new folder under runs/");
        }
        Path abs = dest.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) throw new IllegalArgumentException(option + " " + dest + " cannot be a file system root");
        String name = abs.getFileName().toString();
        Path staging = parent.resolve("." + name + PARTIAL), old = parent.resolve("." + name + OLD);
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IllegalArgumentException(option + " " + dest + " is a file, not a folder");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(option + " " + dest + ": cannot create " + parent + " (" + reason(e) + ")");
        }
        RunLock lock = RunLock.acquire(parent.resolve("." + name + ".relulab-lock"), option + " " + dest);
        try {
            recoverInterruptedCommit(abs, old);
            boolean leftovers = Files.isDirectory(staging);
            boolean finished = Files.isDirectory(abs) && !isEmpty(abs);
            boolean resumed = false;
            switch (mode) {
                case NEW:
                    if (finished) {
                        throw new IllegalArgumentException(option + " " + dest + " exists and is not empty; pass "
                                + "--overwrite to replace it whole, or --resume to finish an interrupted run there");
                    }
                    if (leftovers) {
                        throw new IllegalArgumentException(option + " " + dest + " has the leftovers of an interrupted "
                                + "run (" + staging.getFileName() + "); pass --resume to finish it or --overwrite to "
                                + "start again");
                    }
                    break;
                case OVERWRITE:
                    if (leftovers) Trees.delete(staging);
                    break;
                case RESUME:
                    if (!leftovers && finished) {
                        throw new IllegalArgumentException(option + " " + dest + " holds a finished run: nothing to "
                                + "resume (pass --overwrite to run it again)");
                    }
                    resumed = leftovers;
                    break;
                default:
                    throw new AssertionError(mode);
            }
            Files.createDirectories(staging.resolve("work"));
            return new OutputFolder(abs, staging, option, lock, resumed);
        } catch (IOException | SecurityException e) {
            lock.close();
            throw new IllegalArgumentException(option + " " + dest + " is not writable (" + reason(e) + ")");
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A commit killed between its two renames left the old folder aside: put it back (or drop it if replaced). */
    private static void recoverInterruptedCommit(Path dest, Path old) throws IOException {
        if (!Files.isDirectory(old)) return;
        if (Files.exists(dest)) {
            Trees.delete(old);
        } else {
            Files.move(old, dest, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String reason(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException) {
            String r = ((java.nio.file.FileSystemException) e).getReason();
            if (r != null) m = ((java.nio.file.FileSystemException) e).getFile() + ": " + r;
        }
        return e.getClass().getSimpleName().replace("Exception", "") + (m == null ? "" : ": " + m);
    }

    /** How figures are drawn into this folder (size and PNG resolution). */
    public FigureFormat figureFormat() {
        return figureFormat;
    }

    /** Draws this run's figures in {@code format}. */
    public OutputFolder figures(FigureFormat format) {
        figureFormat = format;
        return this;
    }

    /** Where the run will be once committed. */
    public Path path() {
        return dest;
    }

    /** The folder the files are being written into now. */
    public Path staging() {
        return staging;
    }

    /** The checkpoint area: finished chunks and cells, kept across a kill, removed by {@link #commit}. */
    public Path work() {
        return staging.resolve("work");
    }

    /** True when this run continues an interrupted one (its {@link #work()} holds finished work). */
    public boolean resumed() {
        return resumed;
    }

    /** The option that named this folder, for messages. */
    public String option() {
        return option;
    }

    /** Something that writes a file's whole content. */
    public interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /** Writes {@code name} atomically: to a temporary file first, then renamed over any old one. */
    public Path write(String name, Content content) throws IOException {
        return writeAtomically(staging, name, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
        });
    }

    /** Writes the bytes of a binary file (a PNG figure) atomically, as {@link #write}. */
    public Path writeBytes(String name, byte[] bytes) throws IOException {
        return writeAtomically(staging, name, tmp -> Files.write(tmp, bytes));
    }

    /** Writes a text file of {@link #work()} (a checkpoint) atomically. */
    public Path writeWork(String name, Content content) throws IOException {
        return writeAtomically(work(), name, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
        });
    }

    /**
     * Ties the work area to the run's options: a new run records {@code identity} (its configuration, engine and
     * shard), a resumed one must match it, or the kept chunks would belong to another run.
     */
    public void sameRun(com.fasterxml.jackson.databind.JsonNode given) throws IOException {
        Path f = work().resolve("run.json");
        // compared as read back from text, as the kept one is (a float and its double are different nodes)
        com.fasterxml.jackson.databind.JsonNode identity = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(given));
        if (resumed && Files.isRegularFile(f)) {
            com.fasterxml.jackson.databind.JsonNode was;
            try {
                was = Json.MAPPER.readTree(f.toFile());
            } catch (IOException e) {
                throw new IllegalArgumentException(option + " " + dest + ": the interrupted run's " + f.getFileName()
                        + " is unreadable (" + reason(e) + "); pass --overwrite to start again");
            }
            String d = Json.firstDifference(was, identity, "");
            if (d != null) {
                throw new IllegalArgumentException("--resume: " + dest + " holds an interrupted run with other options: "
                        + d + " differs; resume with the same options, or pass --overwrite");
            }
        } else {
            writeWork("run.json", w -> Json.MAPPER.writeValue(w, identity));
        }
    }

    /** Refuses a run whose files ({@code bytes}, estimated) would not fit the free space of the folder's disk. */
    public void checkSpace(String what, long bytes) throws IOException {
        long free = Files.getFileStore(staging).getUsableSpace();
        if (bytes > free) {
            throw new IllegalArgumentException(what + " would write about " + dev.relulab.train.Plan.size(bytes)
                    + " into " + dest + ", more than the " + dev.relulab.train.Plan.size(free) + " free there");
        }
    }

    /** Renames the finished folder into place (replacing the old one, which is only possible under --overwrite). */
    public void commit() throws IOException {
        Trees.delete(work());
        Path old = dest.resolveSibling("." + dest.getFileName() + OLD);
        boolean replacing = Files.exists(dest);
        if (replacing) Files.move(dest, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, dest, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (replacing) Files.move(old, dest, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        committed = true;
        if (replacing) Trees.delete(old);
    }

    /**
     * Releases the lock. An uncommitted new run's staging folder is removed (a failed run leaves nothing); a resumed
     * one's is kept as it was found, with the work it holds.
     */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(interruptNote);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the note is on its way
        }
        try {
            if (!committed && !resumed) Trees.delete(staging);
        } catch (IOException e) {
            System.err.println("relulab: could not remove " + staging + ": " + reason(e));
        } finally {
            lock.close();
        }
    }

    /**
     * An empty hidden file beside {@code name}, made with the permissions of any new file (the umask's, unlike
     * Files.createTempFile's owner-only ones), so that the renamed result reads like a file the user wrote.
     */
    private static Path freshTemp(Path dir, String name) throws IOException {
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

    private static Path writeAtomically(Path dir, String name, TempWriter writer) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Path tmp = freshTemp(dir, name);
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
