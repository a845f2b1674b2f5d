package dev.relulab.train;

/**
 * Shard {@code index} of {@code count} (1-based, as in {@code --shard 2/4}) of an ensemble: a contiguous range of
 * network ids, the ranges of 1..count covering the ensemble once with sizes that differ by at most one.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " must be K/N with 1 <= K <= N");
        }
    }

    /** Parses {@code K/N}; the error names the text and the form. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        try {
            if (parts.length == 2) return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            // falls through to the message below
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
        }
        throw new IllegalArgumentException("'" + text + "' is not K/N (shard K of N, 1 <= K <= N), e.g. 2/4");
    }

    /** Global id of the shard's first network in an ensemble of {@code networks}. */
    public int first(int networks) {
        return (int) ((long) (index - 1) * networks / count);
    }

    /** Networks in the shard (at least 1 when {@code networks >= count}). */
    public int size(int networks) {
        return (int) ((long) index * networks / count) - first(networks);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
