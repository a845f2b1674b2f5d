package dev.relulab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NpyTest {
    @Test
    void readsUint8Matrix() throws Exception {
        NdArray a = Npy.parse(TestFiles.npy("|u1", new int[] {2, 3}, new byte[] {1, 2, 3, (byte) 250, 5, 6}), "a.npy");
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new float[] {1, 2, 3, 250, 5, 6}, a.values);
    }

    @Test
    void readsLittleEndianInt64AndFloat32() throws Exception {
        ByteBuffer l = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(7).putLong(-3);
        assertArrayEquals(new float[] {7, -3}, Npy.parse(TestFiles.npy("<i8", new int[] {2}, l.array()), "l").values);
        ByteBuffer f = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-2f);
        assertArrayEquals(new float[] {0.5f, -2f}, Npy.parse(TestFiles.npy("<f4", new int[] {2}, f.array()), "f").values);
    }

    @Test
    void badMagicAndWrongLengthNameTheFile() {
        byte[] ok = TestFiles.npy("|u1", new int[] {4}, new byte[] {1, 2, 3, 4});
        byte[] bad = ok.clone();
        bad[1] = 'X';
        DataFormatException m = assertThrows(DataFormatException.class, () -> Npy.parse(bad, "m.npy"));
        assertTrue(m.getMessage().startsWith("m.npy: bad magic number"), m.getMessage());
        DataFormatException t = assertThrows(DataFormatException.class,
                () -> Npy.parse(Arrays.copyOf(ok, ok.length - 1), "t.npy"));
        assertTrue(t.getMessage().startsWith("t.npy: wrong length"), t.getMessage());
    }

    @Test
    void refusesUnsupportedDtypeAndFortranOrder() {
        assertThrows(DataFormatException.class, () -> Npy.parse(TestFiles.npy("<c8", new int[] {1}, new byte[8]), "c"));
        byte[] f = TestFiles.npy("|u1", new int[] {1}, new byte[1]);
        String s = new String(f, java.nio.charset.StandardCharsets.ISO_8859_1).replace("False", "True ");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> Npy.parse(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "fo.npy"));
        assertTrue(e.getMessage().contains("fortran_order"), e.getMessage());
    }
}
