package org.digestkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.digestkg.coauthorship.StoredNetwork;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.parse.DigestParser;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.ImportResult;
import org.digestkg.storage.LoadResult;
import org.digestkg.storage.QuadTap;
import org.digestkg.storage.RdfImport;
import org.digestkg.storage.Stats;
import org.digestkg.storage.StatsChange;
import org.digestkg.storage.StoredDigests;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Loads digests (files, or folders of *.md files) into the TDB2 store, each",
                "all or nothing (digests share transactions). A digest already stored with the",
                "same bytes is skipped; a changed one replaces its graph.",
                "",
                "Also imports RDF files (a 'kg export', also .gz), one transaction per file, by extension:",
                "  .nq .trig .jsonld   each named graph in the file replaces the stored graph",
                "                      of that name",
                "  .ttl .nt .rdf .owl .xml   the triples go into one named graph,",
                "      " + RdfImport.GRAPH_BASE + "<file name>, which they replace",
                "Folders are searched for *.md, *.markdown and these RDF extensions.",
                "",
                "Problems are printed as file:line: message. Exits 0 when everything loaded",
                "(warnings allowed), 1 when an entry was rejected or a file failed (after",
                "loading all that was good)."},
        footer = {"", "Examples:",
                "  kg build data/",
                "  kg build --date 2026-02-04 digest.md",
                "  kg build --report report.json ~/digests/",
                "  kg build --store copy kg.nq"})
final class BuildCommand implements Callable<Integer> {

    /** Below this many files a progress bar is noise. */
    private static final int PROGRESS_FROM = 10;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The digest's day, for a file whose name carries no date (one digest only).")
    LocalDate date;

    @Option(names = "--strict", description = "Reject a digest (or an RDF file) on any warning instead of loading what was good.")
    boolean strict;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the build report as JSON.")
    Path report;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary and problems.")
    boolean quiet;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Digest files, RDF files to import, or folders.")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        List<Path> files;
        try {
            files = DigestFiles.expand(paths);
        } catch (IllegalArgumentException e) {
            throw ExitCode.usage(spec, e.getMessage());
        }
        if (date != null && files.size() != 1) {
            throw ExitCode.usage(spec, "--date applies to one file; " + files.size() + " were given");
        }
        if (date != null && DigestFiles.isImport(files.get(0))) {
            throw ExitCode.usage(spec, "--date applies to a digest, not to an RDF file: " + files.get(0));
        }
        PrintWriter out = spec.commandLine().getOut();
        BuildReport summary;
        long t0 = System.nanoTime();
        Optional<List<LoadResult>> stored = StoredDigests.allUnchanged(store.dir(), files, date);
        if (stored.isPresent()) {
            // every file is a digest the store holds with these very bytes: said without opening the store
            stored.get().forEach(r -> print(out, r, date, quiet));
            summary = summarise(out, stored.get(), List.of(), 0, t0);
        } else {
            try (GraphStore s = store.openOrCreate()) {
                summary = load(s, files, date, strict, quiet, out);
                if (summary.changedStore()) CompactCommand.suggestIfGrown(s, spec.commandLine().getErr());
            }
        }
        if (report != null) {
            OutputFile.write(report, os -> {
                os.write(summary.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return null;
            });
        }
        return summary.allClean() ? ExitCode.OK : ExitCode.FAILED;
    }

    /**
     * Loads {@code files} into the open store, printing a line per file (problems only when quiet) and a summary,
     * then brings the store's kept co-authorship network up to date, so that readers find it ready instead of
     * reading it from the store.
     */
    static BuildReport load(GraphStore store, List<Path> files, LocalDate date, boolean strict, boolean quiet, PrintWriter out) {
        Optional<String> before = StoredNetwork.stateKey(store);
        QuadTap network = StoredNetwork.collector(store);
        DigestLoader loader = new DigestLoader(store).strict(strict).tap(network);
        StatsChange change = loader.followChanges();
        BuildReport summary = loadFiles(store, loader, files, date, strict, quiet, out);
        if (summary.changedStore()) {
            StoredNetwork.update(store, before, summary.imports().isEmpty() ? summary.loadedDays() : null, network);
            if (!summary.imports().isEmpty()) change.untracked(); // written by RdfImport, not the loader
            Stats.update(store, before, change);
        }
        StoredDigests.keep(store);
        return summary;
    }

    private static BuildReport loadFiles(GraphStore store, DigestLoader loader, List<Path> files, LocalDate date,
            boolean strict, boolean quiet, PrintWriter out) {
        long t0 = System.nanoTime();
        List<LoadResult> results = new ArrayList<>();
        List<ImportResult> imports = new ArrayList<>();
        RdfImport importer = new RdfImport(store).strict(strict);
        List<Path> digests = files.stream().filter(f -> !DigestFiles.isImport(f)).toList();
        try (ProgressBar bar = progressBar(files.size())) {
            for (Path file : files) {
                if (!DigestFiles.isImport(file)) continue;
                ImportResult i = importer.load(file);
                imports.add(i);
                if (!quiet || !i.clean() || !i.warnings().isEmpty()) print(out, i);
                if (bar != null) bar.step();
                out.flush();
            }
            // digests go together: many new ones take the bulk path, and each is reported once committed; the bar
            // moves as they are read (a first build commits once, at the end)
            Set<String> counted = new HashSet<>();
            if (bar != null) loader.reading(f -> {
                if (counted.add(f.toString())) bar.step();
            });
            loader.loadAll(digests, date, r -> {
                results.add(r);
                print(out, r, date, quiet);
                if (bar != null && counted.add(r.source())) bar.step();
                out.flush();
            });
        }
        return summarise(out, results, imports, loader.distinctAuthors(), t0);
    }

    private static BuildReport summarise(PrintWriter out, List<LoadResult> results, List<ImportResult> imports,
            long authors, long t0) {
        BuildReport summary = new BuildReport(results, imports, authors, Duration.ofNanos(System.nanoTime() - t0));
        out.println(summary.line());
        out.flush();
        return summary;
    }

    /** A line for the file (quiet: only when it has problems), with its problems under it. */
    private static void print(PrintWriter out, LoadResult r, LocalDate date, boolean quiet) {
        if (quiet && r.clean() && r.warnings().isEmpty()) return;
        switch (r.status()) {
            case FAILED -> {
                out.printf("FAILED     %s%n  %s%n", r.source(), r.error());
                if (r.date() == null && date == null && DigestParser.dateFromFileName(Path.of(r.source())).isEmpty()) {
                    out.println("  (give the digest's day with --date YYYY-MM-DD, or name the file after it)");
                }
            }
            case UNCHANGED -> out.printf("unchanged  %s  %s  (same bytes as stored)%n", r.source(), r.date());
            case LOADED -> out.printf("loaded     %s  %s  %,d papers, %,d authors, %,d triples, %d warnings, %d rejected, %.2f s%n",
                    r.source(), r.date(), r.papers(), r.authors(), r.triples(), r.warnings().size(), r.rejected().size(),
                    r.time().toNanos() / 1e9);
        }
        for (Problem p : r.warnings()) out.println("  warning: " + p);
        for (Problem p : r.rejected()) out.println("  rejected: " + p);
    }

    private static void print(PrintWriter out, ImportResult i) {
        if (i.clean()) {
            out.printf("imported   %s  (%,d quads into %d graph%s; %.2f s)%n", i.source(), i.quads(),
                    i.graphs().size(), i.graphs().size() == 1 ? "" : "s", i.time().toNanos() / 1e9);
        } else {
            out.printf("FAILED     %s%n  %s%n", i.source(), i.error());
        }
        for (Problem p : i.warnings()) out.println("  warning: " + p);
    }

    private static ProgressBar progressBar(int files) {
        if (files < PROGRESS_FROM || System.console() == null) return null;
        return new ProgressBarBuilder().setTaskName("digests").setInitialMax(files)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).build();
    }
}
