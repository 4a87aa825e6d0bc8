package org.digestkg.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Files and folders the benchmark makes, measures and throws away. */
public final class Disk {

    private Disk() {
    }

    /** Deletes a folder tree; what cannot be deleted is left for the next run to delete again. */
    public static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    // left behind; the next run deletes it again
                }
            });
        } catch (IOException e) {
            // same
        }
    }

    /** What {@code du} says a folder takes on disk (TDB2's files are sparse: their length says little). */
    public static String duMiB(Path dir) {
        try {
            Process p = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
            String out;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                out = r.readLine();
            }
            p.waitFor();
            return Fmt.mib(Long.parseLong(out.split("\\s+")[0]) / 1024.0);
        } catch (Exception e) {
            return "?";
        }
    }

    public static long countLines(Path file) throws IOException {
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                for (int i = 0; i < r; i++) if (buf[i] == '\n') n++;
            }
        }
        return n;
    }

    /** The file's length, -1 when it cannot be read. */
    public static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The file's text, "" when it cannot be read. */
    public static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    /** A hard link to {@code target} (a copy where links are not possible). */
    static void link(Path target, Path link) throws IOException {
        try {
            Files.createLink(link, target);
        } catch (FileAlreadyExistsException e) {
            Files.delete(link);
            Files.createLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(target, link, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
