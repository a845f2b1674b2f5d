package dev.relulab.report;

import dev.relulab.train.Checkpoint;
import dev.relulab.train.EnsembleResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finished chunks of one ensemble as {@code networks.csv} pieces in a run folder's work area:
 * {@code PREFIXchunk-FIRST-COUNT.csv}, each written atomically when its chunk completes. On resume every piece is
 * read back (float columns round-trip exactly), so chunks that are wholly kept are not trained again, whatever
 * chunk size the resumed run uses.
 */
public final class ChunkCheckpoint implements Checkpoint {
    private static final Pattern NAME = Pattern.compile("chunk-(\\d+)-(\\d+)\\.csv");
    private final OutputFolder folder;
    private final String prefix;
    private final EnsembleResult kept;
    private final boolean[] done;
    private int restored;

    /** Reads the pieces under {@code prefix} for networks [first, first + networks) of the given widths. */
    public ChunkCheckpoint(OutputFolder folder, String prefix, int first, int networks, int[] widths)
            throws IOException {
        this.folder = folder;
        this.prefix = prefix;
        this.kept = new EnsembleResult(first, networks, widths);
        this.done = new boolean[networks];
        if (!Files.isDirectory(folder.work())) return;
        boolean[] seen = new boolean[networks]; // per piece: pieces of two chunkings may overlap, and agree
        try (var files = Files.list(folder.work())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (!name.startsWith(prefix)) continue;
                Matcher m = NAME.matcher(name.substring(prefix.length()));
                if (!m.matches()) continue;
                int lo = Integer.parseInt(m.group(1)), hi = lo + Integer.parseInt(m.group(2));
                if (lo < first || hi > first + networks) continue;
                java.util.Arrays.fill(seen, lo - first, hi - first, false);
                try (BufferedReader in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    NetworksCsv.read(in, p.toString(), lo, hi, kept, seen);
                }
                for (int e = lo - first; e < hi - first; e++) {
                    if (!seen[e]) throw new IllegalArgumentException(p + " lacks network " + (e + first));
                    done[e] = true;
                }
            }
        }
    }

    /** Networks read back from earlier runs' pieces. */
    public int kept() {
        int n = 0;
        for (boolean d : done) if (d) n++;
        return n;
    }

    /** Networks restored into the run so far (not trained again). */
    public synchronized int restored() {
        return restored;
    }

    @Override
    public boolean restore(int first, int count, EnsembleResult out) {
        for (int e = first - kept.firstNetwork; e < first - kept.firstNetwork + count; e++) if (!done[e]) return false;
        out.copy(kept, first, count);
        synchronized (this) {
            restored += count;
        }
        return true;
    }

    @Override
    public void save(int first, int count, EnsembleResult out) {
        try {
            folder.writeWork(prefix + "chunk-" + first + "-" + count + ".csv", w -> NetworksCsv.write(out, w, first, count));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a finished chunk in " + folder.work() + ": "
                    + OutputFolder.reason(e), e);
        }
    }
}
