package dev.relulab.engine;

/**
 * The work items a launch covers, engine-neutral: {@code globalX x globalY} items in groups of {@code localX x
 * localY}. A 1-D range with {@code localX = 0} takes the device's default group size; its global size is then rounded
 * up to a multiple of it. On CUDA a group is a block and global / local the grid; kernels return at once for items
 * past their {@code total}. {@code localBytes} is the group's dynamic local memory: CUDA passes it as the launch's
 * dynamic shared memory; OpenCL kernels that take it have it compiled in (a -D option of their variant).
 */
public record LaunchRange(long globalX, long globalY, int localX, int localY, int localBytes) {
    public LaunchRange {
        if (globalX < 0 || globalY < 0 || localX < 0 || localY < 1 || (globalY > 1 && localX == 0) || localBytes < 0) {
            throw new IllegalArgumentException("bad launch range " + globalX + "x" + globalY + " in groups of " + localX
                    + "x" + localY + (localBytes > 0 ? " with " + localBytes + " bytes of local memory" : ""));
        }
    }

    /** A range without dynamic local memory. */
    public LaunchRange(long globalX, long globalY, int localX, int localY) {
        this(globalX, globalY, localX, localY, 0);
    }

    /** One item per element of [0, items), in groups of the device's default size. */
    public static LaunchRange linear(long items) {
        return new LaunchRange(items, 1, 0, 1);
    }

    /** One item per element of [0, items), in groups of {@code group} items. */
    public static LaunchRange linear(long items, int group) {
        if (group < 1) throw new IllegalArgumentException("group=" + group + " must be at least 1");
        return new LaunchRange(roundUp(items, group), 1, group, 1);
    }

    /** A 2-D grid of {@code tilesX x tilesY} groups of {@code tile x tile} items. */
    public static LaunchRange tiles(long tilesX, long tilesY, int tile) {
        return new LaunchRange(tilesX * tile, tilesY * tile, tile, tile);
    }

    /** This range with the device's default group size filled in and the global size rounded up to whole groups. */
    public LaunchRange resolved(int defaultGroup) {
        if (localX > 0) return this;
        return new LaunchRange(roundUp(globalX, defaultGroup), globalY, defaultGroup, localY, localBytes);
    }

    public boolean isEmpty() {
        return globalX == 0 || globalY == 0;
    }

    public int dims() {
        return globalY > 1 || localY > 1 ? 2 : 1;
    }

    /** Groups (CUDA blocks) along x and y, of a resolved range. */
    public long groupsX() {
        return (globalX + localX - 1) / localX;
    }

    public long groupsY() {
        return (globalY + localY - 1) / localY;
    }

    private static long roundUp(long n, int m) {
        return (n + m - 1) / m * m;
    }

    @Override
    public String toString() {
        return "global=(" + globalX + "," + globalY + ") local=" + (localX == 0 ? "(device default)"
                : "(" + localX + "," + localY + ")") + (localBytes > 0 ? " localBytes=" + localBytes : "");
    }
}
