package dev.relulab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders: built beside the destination, renamed into place whole, never over a run unless asked, locked. */
class OutputFolderTest {
    @TempDir
    Path tmp;

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void filesAppearOnlyAtTheCommitWithTheUsersPermissionsAndNothingElseRemains() throws IOException {
        Path dir = tmp.resolve("run");
        try (OutputFolder folder = OutputFolder.open(dir, "--out", OutputFolder.Mode.NEW)) {
            folder.write("summary.json", w -> w.write("{}"));
            folder.writeBytes("figure.png", new byte[] {1, 2, 3});
            folder.writeWork("chunk-0-5.csv", w -> w.write("kept"));
            assertFalse(Files.exists(dir), "nothing at the destination before the commit");
            folder.commit();
        }
        assertEquals(List.of("figure.png", "summary.json"), names(dir), "work/ is dropped at the commit");
        assertEquals(List.of("run"), names(tmp), "no staging folder, lock or temporary file remains");
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX only");
        Path plain = Files.createFile(tmp.resolve("plain.txt"));
        Assumptions.assumeTrue(Files.getPosixFilePermissions(plain).size() > 2,
                "umask 077: new files are owner-only either way, so the two ways of making them cannot be told apart");
        for (String name : List.of("summary.json", "figure.png")) {
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve(name)), name);
        }
    }

    @Test
    void aFailedRunLeavesThePreviousFolderOrNothing() throws IOException {
        Path dir = tmp.resolve("run");
        try (OutputFolder folder = OutputFolder.open(dir, "--out", OutputFolder.Mode.NEW)) {
            assertThrows(IOException.class, () -> folder.write("a.txt", w -> {
                w.write("half");
                throw new IOException("No space left on device");
            }));
        }
        assertEquals(List.of(), names(tmp), "a new run that failed leaves nothing");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("old.txt"), "old");
        try (OutputFolder folder = OutputFolder.open(dir, "--out", OutputFolder.Mode.OVERWRITE)) {
            folder.write("new.txt", w -> w.write("new"));
            assertThrows(IOException.class, () -> folder.write("b.txt", w -> {
                throw new IOException("No space left on device");
            }));
        }
        assertEquals(List.of("old.txt"), names(dir), "an overwrite that failed leaves the previous folder as it was");
        assertEquals(List.of("run"), names(tmp));
    }

    @Test
    void anExistingRunIsRefusedUnlessOverwrittenAndThenReplacedWhole() throws IOException {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("grid.csv"), "stale");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputFolder.open(dir, "--out", OutputFolder.Mode.NEW));
        assertTrue(e.getMessage().contains("--overwrite") && e.getMessage().contains("--resume"), e.getMessage());
        assertEquals(List.of("grid.csv"), names(dir));
        try (OutputFolder folder = OutputFolder.open(dir, "--out", OutputFolder.Mode.OVERWRITE)) {
            folder.write("networks.csv", w -> w.write("new"));
            folder.commit();
        }
        assertEquals(List.of("networks.csv"), names(dir), "no stale file of the earlier run stays");
        assertThrows(IllegalArgumentException.class, () -> OutputFolder.open(dir, "--out", OutputFolder.Mode.RESUME),
                "a finished run has nothing to resume");
        assertThrows(IllegalArgumentException.class, () -> OutputFolder.open(Path.of(""), "--out",
                OutputFolder.Mode.NEW), "a blank --out");
    }

    @Test
    void aSecondWriterIsLockedOut() throws IOException {
        Path dir = tmp.resolve("run");
        try (OutputFolder first = OutputFolder.open(dir, "--out", OutputFolder.Mode.NEW)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OutputFolder.open(dir, "--out", OutputFolder.Mode.OVERWRITE));
            assertTrue(e.getMessage().contains("another relulab run"), e.getMessage());
            first.write("a.txt", w -> w.write("first"));
            first.commit();
        }
        assertEquals(List.of("a.txt"), names(dir));
    }

    @Test
    void leftoversOfAKilledRunAreRecognisedResumedOrCleaned() throws IOException {
        Path dir = tmp.resolve("run");
        Path staging = tmp.resolve(".run.relulab-partial");
        Files.createDirectories(staging.resolve("work"));
        Files.writeString(staging.resolve("work").resolve("chunk-0-10.csv"), "kept");
        Files.writeString(staging.resolve(".summary.json.x1.tmp"), "{\"half");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputFolder.open(dir, "--out", OutputFolder.Mode.NEW));
        assertTrue(e.getMessage().contains("interrupted") && e.getMessage().contains("--resume"), e.getMessage());
        try (OutputFolder f = OutputFolder.open(dir, "--out", OutputFolder.Mode.RESUME)) {
            assertTrue(f.resumed());
            assertEquals("kept", Files.readString(f.work().resolve("chunk-0-10.csv")));
        }
        assertTrue(Files.isDirectory(staging), "a resumed run that stops keeps what it found");
        try (OutputFolder f = OutputFolder.open(dir, "--out", OutputFolder.Mode.OVERWRITE)) {
            assertFalse(f.resumed());
            assertEquals(List.of(), names(f.work()), "--overwrite cleans the leftovers");
        }
        assertEquals(List.of(), names(tmp));
    }

    @Test
    void aCommitKilledBetweenItsRenamesGivesTheOldFolderBack() throws IOException {
        Path old = tmp.resolve(".run.relulab-old");
        Files.createDirectories(old);
        Files.writeString(old.resolve("summary.json"), "{}");
        try (OutputFolder f = OutputFolder.open(tmp.resolve("run"), "--out", OutputFolder.Mode.RESUME)) {
            assertFalse(f.resumed());
        } catch (IllegalArgumentException e) {
            // the restored folder is a finished run: nothing to resume
            assertTrue(e.getMessage().contains("finished"), e.getMessage());
        }
        assertEquals(List.of("summary.json"), names(tmp.resolve("run")));
        assertFalse(Files.exists(old));
    }

    @Test
    void nonFiniteNumbersAreNullInEverySummary() {
        var body = Json.object();
        body.put("loss", Double.NaN);
        body.putArray("per_layer").add(1.0).add(Float.POSITIVE_INFINITY);
        body.putObject("deep").put("x", Double.NEGATIVE_INFINITY);
        var p = new Provenance("t", "v", null, "relulab t", "cpu", "d", 1L, java.time.Instant.EPOCH, 0.5);
        var root = SummaryJson.build(p, body);
        assertTrue(root.get("loss").isNull() && root.get("per_layer").get(1).isNull()
                && root.get("deep").get("x").isNull(), root.toString());
        assertEquals(1.0, root.get("per_layer").get(0).asDouble());
        assertFalse(root.toString().contains("NaN") || root.toString().contains("Infinity"), root.toString());
    }
}
