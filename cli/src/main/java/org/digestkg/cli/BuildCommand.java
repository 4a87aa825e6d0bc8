package org.digestkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.digestkg.extractor.model.Problem;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.LoadResult;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Loads digests (files, or folders of *.md files) into the TDB2 store, one transaction per digest.",
                "A digest already stored with the same bytes is skipped; a changed one replaces its graph.",
                "Exits 0 when everything loaded, 1 when anything was rejected (after loading all that was good)."},
        footer = {"", "Examples:",
                "  kg build data/",
                "  kg build --date 2026-02-04 digest.md",
                "  kg build --report report.json ~/digests/"})
final class BuildCommand implements Callable<Integer> {

    /** Below this many files a progress bar is noise. */
    private static final int PROGRESS_FROM = 10;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The digest's day, for a file whose name carries no date (one file only).")
    LocalDate date;

    @Option(names = "--strict", description = "Reject a digest on any warning instead of loading what was good.")
    boolean strict;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the build report as JSON.")
    Path report;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary and problems.")
    boolean quiet;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Digest files or folders.")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        List<Path> files = DigestFiles.expand(paths);
        if (date != null && files.size() != 1) {
            throw new IllegalArgumentException("--date applies to one file; " + files.size() + " were given");
        }
        PrintWriter out = spec.commandLine().getOut();
        BuildReport summary;
        try (GraphStore s = store.openOrCreate()) {
            summary = load(s, files, date, strict, quiet, out);
        }
        if (report != null) {
            Files.writeString(report, summary.toJson());
        }
        return summary.allClean() ? 0 : 1;
    }

    /** Loads {@code files} into the open store, printing a line per file (problems only when quiet) and a summary. */
    static BuildReport load(GraphStore store, List<Path> files, LocalDate date, boolean strict, boolean quiet, PrintWriter out) {
        long t0 = System.nanoTime();
        List<LoadResult> results = new ArrayList<>();
        DigestLoader loader = new DigestLoader(store).strict(strict);
        try (ProgressBar bar = progressBar(files.size())) {
            for (Path file : files) {
                LoadResult r = loader.load(file, date);
                results.add(r);
                if (bar != null) bar.step();
                if (!quiet || !r.clean() || !r.warnings().isEmpty()) print(out, r);
            }
        }
        BuildReport summary = new BuildReport(results, loader.distinctAuthors(), Duration.ofNanos(System.nanoTime() - t0));
        out.println(summary.line());
        out.flush();
        return summary;
    }

    private static void print(PrintWriter out, LoadResult r) {
        switch (r.status()) {
            case FAILED -> out.printf("FAILED     %s%n  %s%n", r.source(), r.error());
            case UNCHANGED -> out.printf("unchanged  %s  %s  (same bytes as stored)%n", r.source(), r.date());
            case LOADED -> out.printf("loaded     %s  %s  %,d papers, %,d authors, %,d triples, %d warnings, %d rejected, %.2f s%n",
                    r.source(), r.date(), r.papers(), r.authors(), r.triples(), r.warnings().size(), r.rejected().size(),
                    r.time().toNanos() / 1e9);
        }
        for (Problem p : r.warnings()) out.println("  warning: " + p);
        for (Problem p : r.rejected()) out.println("  rejected: " + p);
    }

    private static ProgressBar progressBar(int files) {
        if (files < PROGRESS_FROM || System.console() == null) return null;
        return new ProgressBarBuilder().setTaskName("digests").setInitialMax(files)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).build();
    }
}
