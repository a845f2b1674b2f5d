package dev.relulab.report;

import dev.relulab.train.EnsembleResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;

/**
 * The per-network CSV of a collapse run: global network id, outcome flags, final loss, then dead units per hidden
 * layer at the end, at the start, and revived, then the prediction and target standard deviations, then per hidden
 * layer the epoch it was first entirely dead at (0: born dead; empty: never) and the first of those (the epoch of
 * structural collapse). {@link #read} takes back exactly what {@link #write} wrote (floats print in Java's shortest
 * round-trip form).
 */
public final class NetworksCsv {
    private NetworksCsv() {}

    /** The header line (without its newline) for {@code hiddenLayers} hidden layers. */
    public static String header(int hiddenLayers) {
        StringBuilder head = new StringBuilder(
                "network,born_dead,collapsed_structural,collapsed_functional,collapsed_exact,diverged,final_loss");
        for (String prefix : new String[] {"dead_l", "dead_start_l", "revived_l"}) {
            for (int h = 1; h <= hiddenLayers; h++) head.append(',').append(prefix).append(h);
        }
        head.append(",prediction_std,target_std");
        for (int h = 1; h <= hiddenLayers; h++) head.append(",death_epoch_l").append(h);
        return head.append(",collapse_epoch").toString();
    }

    public static void write(EnsembleResult r, Writer w) throws IOException {
        write(r, w, r.firstNetwork, r.networks);
    }

    /** The header and the rows of networks [first, first + count) (global ids) only: a finished chunk. */
    public static void write(EnsembleResult r, Writer w, int first, int count) throws IOException {
        w.write(header(r.hiddenLayers) + "\n");
        StringBuilder row = new StringBuilder();
        for (int e = first - r.firstNetwork, end = e + count; e < end; e++) {
            row.setLength(0);
            row.append(r.firstNetwork + e).append(',').append(bit(r.bornDead[e])).append(',')
                    .append(bit(r.structural[e])).append(',').append(bit(r.functional[e])).append(',')
                    .append(bit(r.exact[e])).append(',').append(bit(r.diverged[e])).append(',').append(r.finalLoss[e]);
            for (int[][] table : new int[][][] {r.deadEnd, r.deadStart, r.revived}) {
                for (int h = 0; h < r.hiddenLayers; h++) row.append(',').append(table[e][h]);
            }
            row.append(',').append(r.predictionStd[e]).append(',').append(r.targetStd[e]);
            for (int h = 0; h < r.hiddenLayers; h++) row.append(',').append(epoch(r.deathEpoch[e][h]));
            row.append(',').append(epoch(r.collapseEpoch(e))).append('\n');
            w.write(row.toString());
        }
    }

    /**
     * Reads rows into {@code into} (by global id), marking each id read in {@code seen} (indexed like {@code into});
     * every row's id must lie in [lo, hi) of the ensemble and appear once. Errors name {@code source} and the line.
     */
    public static void read(BufferedReader in, String source, int lo, int hi, EnsembleResult into, boolean[] seen)
            throws IOException {
        int H = into.hiddenLayers, columns = 10 + 4 * H;
        String head = in.readLine();
        if (!header(H).equals(head)) {
            throw new IllegalArgumentException(source + ": header is not that of " + H + " hidden layers: " + head);
        }
        int lineNo = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            String[] f = line.split(",", -1);
            String where = source + " line " + lineNo;
            if (f.length != columns) throw new IllegalArgumentException(where + ": " + f.length + " fields, want " + columns);
            try {
                int id = Integer.parseInt(f[0]);
                if (id < lo || id >= hi) {
                    throw new IllegalArgumentException(where + ": network " + id + " is outside [" + lo + ", " + hi + ")");
                }
                int e = id - into.firstNetwork;
                if (seen[e]) throw new IllegalArgumentException(where + ": network " + id + " appears twice");
                seen[e] = true;
                into.bornDead[e] = flag(f[1], where);
                into.structural[e] = flag(f[2], where);
                into.functional[e] = flag(f[3], where);
                into.exact[e] = flag(f[4], where);
                into.diverged[e] = flag(f[5], where);
                into.finalLoss[e] = Float.parseFloat(f[6]);
                int c = 7;
                for (int[][] table : new int[][][] {into.deadEnd, into.deadStart, into.revived}) {
                    for (int h = 0; h < H; h++) table[e][h] = Integer.parseInt(f[c++]);
                }
                into.predictionStd[e] = Float.parseFloat(f[c++]);
                into.targetStd[e] = Float.parseFloat(f[c++]);
                for (int h = 0; h < H; h++) {
                    String v = f[c++];
                    into.deathEpoch[e][h] = v.isEmpty() ? -1 : Integer.parseInt(v);
                }
                if (!f[c].equals(epoch(into.collapseEpoch(e)))) {
                    throw new IllegalArgumentException(where + ": collapse_epoch '" + f[c] + "' is not the first of the"
                            + " death epochs");
                }
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(where + ": not a number: " + ex.getMessage());
            }
        }
    }

    private static boolean flag(String v, String where) {
        if (v.equals("0") || v.equals("1")) return v.equals("1");
        throw new IllegalArgumentException(where + ": flag '" + v + "' is not 0 or 1");
    }

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }

    /** An epoch, or the empty field for "never" (-1). */
    private static String epoch(int e) {
        return e < 0 ? "" : Integer.toString(e);
    }
}
