package org.digestkg.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

import org.digestkg.storage.Stats.DayCount;
import org.slf4j.LoggerFactory;

/**
 * {@link Stats} kept in a small text file in the store's folder under the key of the store's committed state they
 * were counted in ({@code CommittedState}), so they are used only for exactly that state. Anything unexpected in
 * the file (another format, another state, a checksum that does not match, a line cut short, the closing line
 * missing) makes it unusable: the store is counted again and the file replaced. It is written to a temporary file
 * moved over the old one, so a reader never sees half of it.
 */
final class StatsFile {

    static final String NAME = "stats.txt";
    private static final String HEADER = "digest-kg stats, format 1";

    private StatsFile() {
    }

    /** The stats kept for the state {@code key}; empty when there are none or the file cannot be trusted. */
    static Optional<Stats> read(Path file, String key) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        // the header and state first: a writer asks for two states' counts, and only one of them can be here
        byte[] head = (HEADER + "\nstate " + key + "\n").getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(bytes, 0, Math.min(head.length, bytes.length), head, 0, head.length)) return Optional.empty();
        // the closing line: the checksum is of every byte before it
        int end = bytes.length - 1;
        if (end < 0 || bytes[end] != '\n') return Optional.empty();
        int closing = end;
        while (closing > 0 && bytes[closing - 1] != '\n') closing--;
        String[] lines = new String(bytes, 0, closing, StandardCharsets.UTF_8).split("\n", -1);
        String last = new String(bytes, closing, end - closing, StandardCharsets.UTF_8);
        try {
            // split leaves an empty string after the body's last line break
            int days = lines.length - 4;
            if (days < 0 || !lines[0].equals(HEADER) || !lines[1].equals("state " + key)) {
                return Optional.empty();
            }
            String[] c = lines[2].split(" ");
            if (c.length != 9 || !c[0].equals("counts")) {
                return Optional.empty();
            }
            if (!last.equals("end " + days + " " + checksum(bytes, closing))) {
                return Optional.empty();
            }
            List<DayCount> perDay = new ArrayList<>(days);
            for (int i = 3; i < 3 + days; i++) {
                String[] d = lines[i].split("\t");
                if (d.length != 3) {
                    return Optional.empty();
                }
                perDay.add(new DayCount(date(d[0]), d[1], Long.parseLong(d[2])));
            }
            return Optional.of(new Stats(n(c[1]), n(c[2]), n(c[3]), n(c[4]), n(c[5]), n(c[6]), n(c[7]), n(c[8]),
                    perDay));
        } catch (RuntimeException e) { // a date or number that does not parse
            return Optional.empty();
        }
    }

    /** Keeps {@code stats} for the state {@code key}; a file that cannot be written only means counting again. */
    static void write(Path file, String key, Stats stats) {
        StringBuilder b = new StringBuilder();
        b.append(HEADER).append('\n').append("state ").append(key).append('\n');
        b.append("counts ").append(stats.papers()).append(' ').append(stats.authors()).append(' ')
                .append(stats.authorships()).append(' ').append(stats.categories()).append(' ')
                .append(stats.digests()).append(' ').append(stats.appearances()).append(' ')
                .append(stats.triples()).append(' ').append(stats.quads()).append('\n');
        for (DayCount d : stats.perCategoryPerDay()) {
            b.append(d.date()).append('\t').append(d.category()).append('\t').append(d.papers()).append('\n');
        }
        byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
        long checksum = checksum(body, body.length); // of everything before the closing line, as read() checks it
        b.append("end ").append(stats.perCategoryPerDay().size()).append(' ').append(checksum).append('\n');
        try {
            Path tmp = Files.createTempFile(file.getParent(), NAME + ".", ".tmp");
            try {
                Files.writeString(tmp, b, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // the logger only now: setting it up would cost every reader of the file a tenth of a second
            LoggerFactory.getLogger(StatsFile.class).warn("Could not keep the store's counts in {}: {}", file, e.toString());
        }
    }

    private static long checksum(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    /**
     * {@code yyyy-mm-dd}, as {@link LocalDate#toString} wrote it: read by hand, since {@code LocalDate.parse} took
     * a tenth of a second over a decade's 5,000 lines in a JVM just started.
     */
    private static LocalDate date(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') throw new IllegalArgumentException(s);
        return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10), Integer.parseInt(s, 8, 10, 10));
    }

    private static long n(String s) {
        return Long.parseLong(s);
    }
}
