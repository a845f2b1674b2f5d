package dev.relulab.selftest;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One engine call with its host data: named inputs (uploaded as given), outputs the call writes (poisoned first, so
 * an element it misses fails), and in-out buffers (uploaded, then compared). {@link #run} replays it on an engine.
 */
public final class ParityOp {
    /** Written into every float output before the call. */
    static final float POISON = Float.NaN;
    /** Written into every int output before the call (exactly representable as a float, and never a count). */
    static final int INT_POISON = -7777777;

    public final String kernel;
    public final String shape;
    private final Map<String, Object> initial = new LinkedHashMap<>();
    private final Map<String, Tolerance> compared = new LinkedHashMap<>();
    private BiConsumer<Engine, Function<String, Buffer>> call;

    public ParityOp(String kernel, String shape) {
        this.kernel = kernel;
        this.shape = shape;
    }

    /** An input the call only reads. */
    public ParityOp in(String name, float[] data) {
        initial.put(name, data);
        return this;
    }

    public ParityOp in(String name, int[] data) {
        initial.put(name, data);
        return this;
    }

    /** An output of n floats the call must write completely. */
    public ParityOp out(String name, int n, Tolerance tol) {
        float[] p = new float[n];
        Arrays.fill(p, POISON);
        return inOut(name, p, tol);
    }

    public ParityOp outInts(String name, int n) {
        int[] p = new int[n];
        Arrays.fill(p, INT_POISON);
        return inOut(name, p);
    }

    /** A buffer the call reads and updates (accumulators, optimizer state, in-place gradients). */
    public ParityOp inOut(String name, float[] data, Tolerance tol) {
        initial.put(name, data);
        compared.put(name, tol);
        return this;
    }

    public ParityOp inOut(String name, int[] data) {
        initial.put(name, data);
        compared.put(name, Tolerance.EXACT);
        return this;
    }

    /** The engine call; {@code buffers.apply(name)} gives a named buffer, null for a name never declared. */
    public ParityOp call(BiConsumer<Engine, Function<String, Buffer>> call) {
        this.call = call;
        return this;
    }

    /** Uploads, calls and reads back the compared buffers, as float[] or int[] by name. */
    public Map<String, Object> run(Engine engine) {
        Map<String, Buffer> buffers = new LinkedHashMap<>();
        List<Buffer> all = new ArrayList<>();
        try {
            for (Map.Entry<String, Object> e : initial.entrySet()) {
                Buffer b = upload(engine, e.getValue());
                all.add(b);
                buffers.put(e.getKey(), b);
            }
            call.accept(engine, buffers::get);
            Map<String, Object> results = new LinkedHashMap<>();
            for (String name : compared.keySet()) {
                Object host = initial.get(name);
                if (host instanceof float[]) {
                    float[] r = new float[((float[]) host).length];
                    engine.read(buffers.get(name), r, r.length);
                    results.put(name, r);
                } else {
                    int[] r = new int[((int[]) host).length];
                    engine.readInts(buffers.get(name), r, r.length);
                    results.put(name, r);
                }
            }
            return results;
        } finally {
            for (Buffer b : all) b.close();
        }
    }

    Tolerance tolerance(String output) {
        return compared.get(output);
    }

    private static Buffer upload(Engine engine, Object host) {
        if (host instanceof float[]) {
            float[] f = (float[]) host;
            Buffer b = engine.floats(f.length);
            engine.write(b, f, f.length);
            return b;
        }
        int[] i = (int[]) host;
        Buffer b = engine.ints(i.length);
        engine.writeInts(b, i, i.length);
        return b;
    }
}
