package dev.relulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code relulab devices} exits 0 and prints one opencl line (with its devices) and one cuda line. */
class OpenClDevicesCommandTest {
    @Test
    void listsOpenClAndCuda() {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            rc = Main.run("devices");
        } finally {
            System.setOut(saved);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertEquals(0, rc, text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("opencl: ")), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("cuda: ")), text);
    }
}
