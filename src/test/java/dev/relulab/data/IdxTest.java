package dev.relulab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IdxTest {
    @Test
    void readsRawAndGzippedImages() throws Exception {
        byte[] raw = TestFiles.idxImages(3, 2, 4, 5);
        NdArray a = Idx.parse(raw, "raw"), g = Idx.parse(TestFiles.gzip(raw), "gz");
        assertArrayEquals(new int[] {3, 2, 4}, a.shape());
        assertEquals(3, a.rows());
        assertEquals(8, a.rowSize());
        assertEquals(5f, a.values[0]);
        assertEquals((37 + 5) & 0xFF, (int) a.values[1]);
        assertArrayEquals(a.values, g.values);
    }

    @Test
    void readsLabelsAsUnsignedBytes() throws Exception {
        NdArray a = Idx.parse(TestFiles.idxLabels(new int[] {0, 9, 200}), "labels");
        assertArrayEquals(new float[] {0, 9, 200}, a.values);
    }

    @Test
    void badMagicNumberNamesTheFile() {
        byte[] b = TestFiles.idxImages(1, 2, 2, 0);
        b[2] = 0x0D;
        DataFormatException e = assertThrows(DataFormatException.class, () -> Idx.parse(b, "images.idx"));
        assertTrue(e.getMessage().startsWith("images.idx: bad magic number 0x00000d03"), e.getMessage());
    }

    @Test
    void truncatedDataIsAWrongLength() {
        byte[] b = Arrays.copyOf(TestFiles.idxImages(2, 3, 3, 0), 16 + 17);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Idx.parse(b, "t.idx"));
        assertTrue(e.getMessage().contains("t.idx: wrong length: 33 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("needs 34"), e.getMessage());
    }

    @Test
    void trailingBytesAreAWrongLengthToo() {
        byte[] b = Arrays.copyOf(TestFiles.idxLabels(new int[] {1, 2}), 11);
        assertThrows(DataFormatException.class, () -> Idx.parse(b, "l.idx"));
    }

    @Test
    void truncatedHeaderAndGzipStreamAreReported() {
        assertThrows(DataFormatException.class, () -> Idx.parse(new byte[] {0, 0, 8, 3, 0, 0}, "h.idx"));
        byte[] gz = TestFiles.gzip(TestFiles.idxImages(20, 28, 28, 1));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Idx.parse(cut, "x.gz"));
        assertTrue(e.getMessage().startsWith("x.gz: truncated gzip stream"), e.getMessage());
    }
}
