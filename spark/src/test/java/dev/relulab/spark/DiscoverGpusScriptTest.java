package dev.relulab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relulab.report.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spark/src/main/scripts/discover-gpus.sh against stand-ins for nvidia-smi, read back with Spark's own parser. */
class DiscoverGpusScriptTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    private Run run(String nvidiaSmi, Map<String, String> env) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        if (nvidiaSmi != null) {
            Path smi = bin.resolve("nvidia-smi");
            Files.writeString(smi, "#!/bin/sh\n" + nvidiaSmi + "\n");
            assertTrue(smi.toFile().setExecutable(true));
        }
        Path script = Path.of(System.getProperty("relulab.spark.scripts"), "discover-gpus.sh");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", script.toString());
        pb.environment().remove("CUDA_VISIBLE_DEVICES");
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    private static List<String> addresses(String json) throws Exception {
        ResourceInformation info = ResourceInformation.parseJson(json);
        assertEquals("gpu", info.name());
        JsonNode n = Json.MAPPER.readTree(json);
        List<String> a = new ArrayList<>();
        for (JsonNode v : n.get("addresses")) a.add(v.asText());
        assertEquals(a, List.of(info.addresses()), "Spark reads the addresses the script wrote");
        return a;
    }

    @Test
    void nvidiaSmisIndicesAreTheAddresses() throws Exception {
        Run r = run("printf '0\\n1\\n2\\n3\\n'", Map.of());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("0", "1", "2", "3"), addresses(r.out()));
    }

    @Test
    void withCudaVisibleDevicesTheAddressesAreCudasOrdinalsNotThePhysicalIndices() throws Exception {
        Run r = run("printf '0\\n1\\n2\\n3\\n'", Map.of("CUDA_VISIBLE_DEVICES", "3,1"));
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("0", "1"), addresses(r.out()));
        Run cut = run(null, Map.of("CUDA_VISIBLE_DEVICES", "2,-1,0"));
        assertEquals(List.of("0"), addresses(cut.out()), "CUDA stops at the first invalid entry");
    }

    @Test
    void noGpuIsExitOneWithAOneLineReason() throws Exception {
        for (Run r : List.of(run(null, Map.of()), run("exit 9", Map.of()), run("true", Map.of()),
                run("echo 'No devices were found'", Map.of()), run(null, Map.of("CUDA_VISIBLE_DEVICES", "-1")))) {
            assertEquals(1, r.code(), r.out() + r.err());
            assertEquals("", r.out());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("discover-gpus.sh: "), r.err());
        }
    }
}
