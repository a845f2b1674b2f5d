package dev.relulab.engine.cuda;

import dev.relulab.engine.LaunchRange;

/** A kernel launch's grid and block (and dynamic shared memory), printed as {@code grid=(x,y,z) block=(x,y,z)}. */
final class LaunchShape {
    /** Threads per block of the 1-D launches that leave it to the device: a multiple of the warp, hides latency. */
    static final int DEFAULT_BLOCK = 256;

    final int gx, gy, gz, bx, by, bz, sharedBytes;

    LaunchShape(int gx, int gy, int gz, int bx, int by, int bz, int sharedBytes) {
        if (gx < 1 || gy < 1 || gz < 1 || bx < 1 || by < 1 || bz < 1 || sharedBytes < 0) {
            throw new IllegalArgumentException("bad launch shape " + describe(gx, gy, gz, bx, by, bz, sharedBytes));
        }
        this.gx = gx;
        this.gy = gy;
        this.gz = gz;
        this.bx = bx;
        this.by = by;
        this.bz = bz;
        this.sharedBytes = sharedBytes;
    }

    /**
     * The grid and block of an engine-neutral range: its groups are the blocks, its local bytes the dynamic shared
     * memory; 1-D defaults to {@link #DEFAULT_BLOCK}.
     */
    static LaunchShape of(LaunchRange range) {
        LaunchRange r = range.resolved(DEFAULT_BLOCK);
        long gx = r.groupsX(), gy = r.groupsY();
        if (gx > Integer.MAX_VALUE || gy > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(r + " needs more than 2^31 blocks along one axis");
        }
        return new LaunchShape((int) Math.max(1, gx), (int) Math.max(1, gy), 1, r.localX(), r.localY(), 1,
                r.localBytes());
    }

    int threadsPerBlock() {
        return bx * by * bz;
    }

    @Override
    public String toString() {
        return describe(gx, gy, gz, bx, by, bz, sharedBytes);
    }

    private static String describe(int gx, int gy, int gz, int bx, int by, int bz, int shared) {
        return "grid=(" + gx + "," + gy + "," + gz + ") block=(" + bx + "," + by + "," + bz + ")"
                + (shared > 0 ? " shared=" + shared : "");
    }
}
