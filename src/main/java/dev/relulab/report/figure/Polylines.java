package dev.relulab.report.figure;

import java.util.Arrays;

/** Ramer-Douglas-Peucker simplification: the points a polyline needs to stay within a distance of the original. */
final class Polylines {
    private Polylines() {}

    /** Indices of the points of (x, y)[0, n) to keep, in order; the ends are always kept. */
    static int[] simplify(double[] x, double[] y, int n, double tolerance) {
        if (n <= 2) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        boolean[] keep = new boolean[n];
        keep[0] = keep[n - 1] = true;
        int[] stack = new int[2 * n];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = n - 1;
        while (top > 0) {
            int b = stack[--top], a = stack[--top];
            int far = -1;
            double worst = tolerance;
            for (int i = a + 1; i < b; i++) {
                double d = distance(x[i], y[i], x[a], y[a], x[b], y[b]);
                if (d > worst) {
                    worst = d;
                    far = i;
                }
            }
            if (far < 0) continue;
            keep[far] = true;
            stack[top++] = a;
            stack[top++] = far;
            stack[top++] = far;
            stack[top++] = b;
        }
        int[] out = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) if (keep[i]) out[m++] = i;
        return Arrays.copyOf(out, m);
    }

    /** Distance from (px, py) to the segment (ax, ay)-(bx, by). */
    static double distance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double ex = ax + t * dx - px, ey = ay + t * dy - py;
        return Math.sqrt(ex * ex + ey * ey);
    }
}
