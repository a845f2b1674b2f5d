package dev.relulab.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The regular files of a tar stream (POSIX, GNU and pax forms, through commons-compress), each member's declared size
 * checked against the heap before it is read.
 */
public final class TarReader {
    private TarReader() {}

    /** The regular files of the tar stream whose names {@code wanted} accepts, by name, in archive order. */
    public static Map<String, byte[]> read(InputStream in, String archive, Predicate<String> wanted)
            throws DataFormatException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (!e.isFile() || !wanted.test(e.getName())) continue;
                Bytes.checkDeclared(archive, "member " + e.getName(), e.getSize());
                byte[] b;
                try {
                    b = tar.readNBytes((int) e.getSize());
                } catch (IOException cut) {
                    throw new DataFormatException(archive, "truncated member " + e.getName() + " ("
                            + cut.getMessage() + ")", cut);
                }
                if (b.length < e.getSize()) {
                    throw new DataFormatException(archive, "truncated member " + e.getName() + ": " + b.length
                            + " of " + e.getSize() + " bytes");
                }
                out.put(e.getName(), b);
            }
        } catch (DataFormatException e) {
            throw e;
        } catch (EOFException e) {
            throw new DataFormatException(archive, "truncated compressed stream", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new DataFormatException(archive, "unreadable tar archive (" + e.getMessage() + ")", e);
        }
        return out;
    }
}
