package dev.relulab.report.figure;

import java.awt.Color;

/** Tableau-10, so that the n-th series of every figure has the same colour; and the greys of frames and grids. */
public final class Palette {
    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    static final Color TEXT = new Color(0x222222), FRAME = new Color(0x888888), GRID = new Color(0xe8e8e8),
            ZERO = new Color(0xb0b0b0);

    private Palette() {}

    public static Color color(int i) {
        return COLORS[Math.floorMod(i, COLORS.length)];
    }
}
