package dev.relulab.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The header every summary.json starts with (docs/summary-json.md): what ran, which relulab build, the full command
 * line, on which engine and device, with which seed, on which Java, when, and for how long.
 *
 * @param experiment the command's experiment name (collapse, collapse-grid, mnist-lr, ...)
 * @param version relulab's version
 * @param gitCommit the commit relulab was built from, or null when unknown
 * @param commandLine the command line as typed, arguments shell-quoted
 * @param engine engine kind (cpu, cuda, opencl; none for commands that train nothing)
 * @param device the engine's device, or null
 * @param seed the seed of every random stream, or null for commands without one
 * @param started when the run started (UTC)
 * @param seconds wall-clock seconds of the work
 */
public record Provenance(String experiment, String version, String gitCommit, String commandLine, String engine,
                         String device, Long seed, Instant started, double seconds) {

    /** The header's keys in order, as written. */
    public static final String[] KEYS = {"experiment", "relulab_version", "git_commit", "command_line", "engine",
        "device", "seed", "java", "started_utc", "seconds"};

    public ObjectNode header() {
        ObjectNode h = Json.object();
        h.put("experiment", experiment);
        h.put("relulab_version", version);
        h.put("git_commit", gitCommit);
        h.put("command_line", commandLine);
        h.put("engine", engine);
        h.put("device", device);
        if (seed == null) h.putNull("seed"); else h.put("seed", seed.longValue());
        h.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        h.put("started_utc", started.truncatedTo(ChronoUnit.MILLIS).toString());
        h.put("seconds", seconds);
        return h;
    }

    /** The same header with other engine, device and seconds (a merge of shards). */
    public Provenance with(String engine, String device, double seconds) {
        return new Provenance(experiment, version, gitCommit, commandLine, engine, device, seed, started, seconds);
    }
}
