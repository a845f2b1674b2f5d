package dev.relulab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

class OutputFolderTest {
    @TempDir
    Path tmp;

    @Test
    void writtenFilesHaveTheUsersPermissionsAndNoTemporaryFileRemains() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions only");
        Path dir = tmp.resolve("run");
        OutputFolder folder = OutputFolder.prepare(dir, "--out");
        assertFalse(Files.exists(dir), "prepare makes nothing");
        folder.write("summary.json", w -> w.write("{}"));
        folder.writeBytes("figure.png", new byte[] {1, 2, 3});
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Assumptions.assumeTrue(Files.getPosixFilePermissions(plain).size() > 2,
                "umask 077: new files are owner-only either way, so the two ways of making them cannot be told apart");
        for (String name : List.of("summary.json", "figure.png")) {
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve(name)), name);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("figure.png", "plain.txt", "summary.json"),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        OutputFolder folder = OutputFolder.prepare(tmp, "--out");
        folder.write("a.txt", w -> w.write("old"));
        assertThrows(IOException.class, () -> folder.write("a.txt", w -> {
            w.write("half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(tmp.resolve("a.txt")));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.count());
        }
    }
}
