package org.digestkg.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

import org.digestkg.storage.Stats.DayCount;
import org.slf4j.Logger;
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

    private static final Logger LOG = LoggerFactory.getLogger(StatsFile.class);

    private StatsFile() {
    }

    /** The stats kept for the state {@code key}; empty when there are none or the file cannot be trusted. */
    static Optional<Stats> read(Path file, String key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            if (lines.size() < 4 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("state " + key)) {
                return Optional.empty();
            }
            String[] c = lines.get(2).split(" ");
            if (c.length != 9 || !c[0].equals("counts")) {
                return Optional.empty();
            }
            int days = lines.size() - 4;
            String body = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
            if (!lines.get(lines.size() - 1).equals("end " + days + " " + checksum(body))) {
                return Optional.empty();
            }
            List<DayCount> perDay = new ArrayList<>(days);
            for (String line : lines.subList(3, 3 + days)) {
                String[] d = line.split("\t");
                if (d.length != 3) {
                    return Optional.empty();
                }
                perDay.add(new DayCount(LocalDate.parse(d[0]), d[1], Long.parseLong(d[2])));
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
        long checksum = checksum(b.toString()); // of everything before the closing line, as read() checks it
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
            LOG.warn("Could not keep the store's counts in {}: {}", file, e.toString());
        }
    }

    private static long checksum(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static long n(String s) {
        return Long.parseLong(s);
    }
}
