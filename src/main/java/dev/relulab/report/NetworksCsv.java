package dev.relulab.report;

import dev.relulab.train.EnsembleResult;
import java.io.IOException;
import java.io.Writer;

/**
 * The per-network CSV of a collapse run: outcome flags, final loss, then dead units per hidden layer at the end,
 * at the start, and revived.
 */
public final class NetworksCsv {
    private NetworksCsv() {}

    public static void write(EnsembleResult r, Writer w) throws IOException {
        StringBuilder head = new StringBuilder(
                "network,born_dead,collapsed_structural,collapsed_functional,collapsed_exact,diverged,final_loss");
        for (String prefix : new String[] {"dead_l", "dead_start_l", "revived_l"}) {
            for (int h = 1; h <= r.hiddenLayers; h++) head.append(',').append(prefix).append(h);
        }
        head.append(",prediction_std,target_std\n");
        w.write(head.toString());
        StringBuilder row = new StringBuilder();
        for (int e = 0; e < r.networks; e++) {
            row.setLength(0);
            row.append(e).append(',').append(bit(r.bornDead[e])).append(',').append(bit(r.structural[e])).append(',')
                    .append(bit(r.functional[e])).append(',').append(bit(r.exact[e])).append(',')
                    .append(bit(r.diverged[e])).append(',').append(r.finalLoss[e]);
            for (int[][] table : new int[][][] {r.deadEnd, r.deadStart, r.revived}) {
                for (int h = 0; h < r.hiddenLayers; h++) row.append(',').append(table[e][h]);
            }
            row.append(',').append(r.predictionStd[e]).append(',').append(r.targetStd[e]).append('\n');
            w.write(row.toString());
        }
    }

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }
}
