package org.digestkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The generated digests the benchmark runs on: {@code max(days) + 1} days generated once (and reused by later
 * runs), the first N linked into a folder per size, and the day after the smallest corpus on its own.
 */
final class Corpora {

    private final Map<Integer, Path> folders;
    private final Path extraDay;

    private Corpora(Map<Integer, Path> folders, Path extraDay) {
        this.folders = folders;
        this.extraDay = extraDay;
    }

    Path folder(int days) {
        return folders.get(days);
    }

    Path extraDay() {
        return extraDay;
    }

    /** Generates what is missing and links the folders; adds a row per corpus. */
    static Corpora prepare(BenchRun run) throws IOException {
        BenchOptions o = run.options();
        int needed = o.days().get(o.days().size() - 1) + 1;
        Path all = o.work().resolve("corpus/all-seed" + o.seed());
        Path marker = all.resolve(".generated");
        int have = 0;
        if (Files.exists(marker)) {
            try {
                have = Integer.parseInt(Files.readString(marker).trim());
            } catch (NumberFormatException e) {
                have = 0;
            }
        }
        if (have < needed) {
            run.say("generating " + needed + " days of digests into " + all);
            long t0 = System.nanoTime();
            Disk.deleteQuietly(all);
            CorpusStats stats = new CorpusGenerator(o.seed()).generate(all, CorpusGenerator.DEFAULT_START, needed);
            Files.writeString(marker, Integer.toString(needed));
            run.say(String.format(Locale.ROOT, "generated in %.1f s: %s", (System.nanoTime() - t0) / 1e9, stats));
        } else {
            run.say("reusing the corpus in " + all + " (" + have + " days)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(all)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        Map<Integer, Path> folders = new LinkedHashMap<>();
        for (int n : o.days()) {
            Path dir = o.work().resolve("corpus/d" + n);
            Disk.deleteQuietly(dir);
            Files.createDirectories(dir);
            long bytes = 0;
            for (Path f : files.subList(0, n)) {
                Disk.link(f, dir.resolve(f.getFileName()));
                bytes += Files.size(f);
            }
            folders.put(n, dir);
            run.table().add("corpus " + n + " days", String.format(Locale.ROOT, "%d digests, %.1f MB of markdown", n, bytes / 1e6));
        }
        Path extraDir = o.work().resolve("corpus/extra");
        Disk.deleteQuietly(extraDir);
        Files.createDirectories(extraDir);
        Path day = files.get(o.smallest());
        Path extra = extraDir.resolve(day.getFileName());
        Files.copy(day, extra, StandardCopyOption.REPLACE_EXISTING);
        return new Corpora(folders, extra);
    }
}
