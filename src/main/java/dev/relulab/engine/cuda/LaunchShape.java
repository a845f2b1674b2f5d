package dev.relulab.engine.cuda;

/** A kernel launch's grid and block (and dynamic shared memory), printed as {@code grid=(x,y,z) block=(x,y,z)}. */
final class LaunchShape {
    /** Threads per block for one-thread-per-element kernels: a multiple of the warp, enough to hide latency. */
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

    /** One thread per element of {@code n}, in blocks of {@link #DEFAULT_BLOCK}. */
    static LaunchShape linear(long n) {
        return linear(n, DEFAULT_BLOCK);
    }

    static LaunchShape linear(long n, int block) {
        long blocks = Math.max(1, (n + block - 1) / block);
        if (blocks > Integer.MAX_VALUE) throw new IllegalArgumentException("n=" + n + " needs more than 2^31 blocks");
        return new LaunchShape((int) blocks, 1, 1, block, 1, 1, 0);
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
