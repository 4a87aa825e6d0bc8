package org.digestkg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

/**
 * Writes a synthetic corpus of daily digests ({@code YYYY-MM-DD.md}, one per consecutive day) at the scale
 * of the real feed, for benchmarking extraction, loading and the co-author network.
 *
 * <p>Everything comes from one {@link SplittableRandom} consumed in a fixed order, so a seed determines
 * the corpus byte for byte, and the first k days of a longer corpus equal a k-day corpus with the same seed
 * and start. Memory stays flat: a day is planned as small records, then written entry by entry; what spans
 * days is a bit per author and a 30-day window of papers that may be listed again.
 */
public final class CorpusGenerator {

    public static final long DEFAULT_SEED = 42L;
    public static final LocalDate DEFAULT_START = LocalDate.of(2025, 1, 1);

    private static final String USAGE =
            "usage: CorpusGenerator --days N --out DIR [--seed S] [--start YYYY-MM-DD]";

    private final long seed;

    public CorpusGenerator(long seed) {
        this.seed = seed;
    }

    /** Writes {@code days} digests into {@code out} (created if missing; same-named files are replaced). */
    public CorpusStats generate(Path out, LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        try {
            Files.createDirectories(out);
            SplittableRandom rng = new SplittableRandom(seed);
            AuthorPool authors = new AuthorPool();
            DayPlanner planner = new DayPlanner(authors);
            DigestWriter writer = new DigestWriter(new NameBook());
            long listed = 0;
            long relisted = 0;
            long bytes = 0;
            for (int day = 0; day < days; day++) {
                LocalDate date = start.plusDays(day);
                DayPlan plan = planner.plan(day, date, rng);
                Path file = out.resolve(date + ".md");
                writer.write(plan, file, rng);
                listed += plan.size();
                relisted += plan.sections().stream()
                        .flatMap(s -> s.listings().stream()).filter(Listing::relisted).count();
                bytes += Files.size(file);
            }
            return new CorpusStats(days, listed, listed - relisted, authors.distinctAuthors(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        long t0 = System.nanoTime();
        CorpusStats stats = new CorpusGenerator(options.seed()).generate(options.out(), options.start(),
                options.days());
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.println(stats);
        System.out.printf("generated in %.1f s into %s%n", seconds, options.out().toAbsolutePath());
    }

    /** The command line: {@code --days N --out DIR [--seed S] [--start YYYY-MM-DD]}. */
    record Options(int days, Path out, long seed, LocalDate start) {

        static Options parse(String[] args) {
            Integer days = null;
            Path out = null;
            long seed = DEFAULT_SEED;
            LocalDate start = DEFAULT_START;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + flag);
                }
                String value = args[++i];
                try {
                    switch (flag) {
                        case "--days" -> days = Integer.parseInt(value);
                        case "--out" -> out = Path.of(value);
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--start" -> start = LocalDate.parse(value);
                        default -> throw new IllegalArgumentException("unknown option " + flag);
                    }
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw new IllegalArgumentException("bad value for " + flag + ": " + value);
                }
            }
            if (days == null || out == null) {
                throw new IllegalArgumentException("--days and --out are required");
            }
            if (days < 1) {
                throw new IllegalArgumentException("--days must be at least 1");
            }
            return new Options(days, out, seed, start);
        }
    }
}
