package org.digestkg.cli.search;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.digestkg.cli.EnumNames;
import org.digestkg.cli.ExitCode;
import org.digestkg.cli.StoreOption;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.search.SearchHit;
import org.digestkg.storage.search.SearchJson;
import org.digestkg.storage.search.SearchRequest;
import org.digestkg.storage.search.SearchResults;
import org.digestkg.storage.search.SearchService;
import org.digestkg.storage.search.Snippet;
import org.digestkg.storage.text.BadQueryException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Full-text search over titles, abstracts, the summary fields, notes and keywords, in English,",
                "Chinese or any language. One line per paper, best first, with the text that matched."},
        footer = {"", "Query syntax (Lucene's): words are all required; \"a phrase\"; OR, NOT, ( ); prefix*;",
                "a field: title:, abstract:, tldr:, motivation:, method:, result:, conclusion:, keywords:, note:",
                "(also translatedTitle:, abstractTranslation:). A run of Chinese is matched as written.",
                "", "Examples:",
                "  kg search diffusion",
                "  kg search '扩散模型 视频' --since 2026-02-01",
                "  kg search 'title:agent* AND (planning OR 规划)' --category cs.AI --limit 50",
                "  kg search '\"vision language model\" NOT medical' --format json"})
public final class SearchCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "QUERY", description = "What to look for (quote it in the shell).")
    String query;

    @Option(names = "--category", paramLabel = "C", description = "Only papers whose main category is C (cs.CV).")
    String category;

    @Option(names = "--since", paramLabel = "DAY", description = "Only papers listed on DAY (YYYY-MM-DD) or later.")
    LocalDate since;

    @Option(names = "--until", paramLabel = "DAY", description = "Only papers listed on DAY or earlier.")
    LocalDate until;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Show the best N papers (default: ${DEFAULT-VALUE}; 0 for all).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", completionCandidates = FormatNames.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Format { TABLE, CSV, JSON }

    static final class FormatNames extends EnumNames {
        FormatNames() {
            super(Format.class);
        }
    }

    @Override
    public Integer call() {
        if (limit < 0) throw ExitCode.usage(spec, "--limit must be 0 (all) or more");
        SearchRequest request = new SearchRequest(query, category, since, until, 0, limit == 0 ? Integer.MAX_VALUE : limit);
        SearchResults results;
        try (GraphStore s = store.openExisting()) {
            results = new SearchService(s).search(request);
        } catch (BadQueryException e) {
            throw ExitCode.usage(spec, e.getMessage()); // the query is part of the command line
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        switch (format) {
            case JSON -> {
                SearchJson.write(SearchJson.of(results), out);
                out.println();
            }
            case CSV -> csv(results, out);
            case TABLE -> table(results, out);
        }
        out.flush();
        return 0;
    }

    private static void table(SearchResults r, PrintStream out) {
        if (r.total() == 0) {
            out.println("No papers match " + quoted(r.request().query()) + ".");
            return;
        }
        out.printf(Locale.ROOT, "%,d paper%s match%s %s%s%n", r.total(), r.total() == 1 ? "" : "s",
                r.total() == 1 ? "es" : "", quoted(r.request().query()),
                r.hits().size() < r.total() ? ", best " + r.hits().size() + " shown" : "");
        for (SearchHit h : r.hits()) {
            out.printf(Locale.ROOT, "%n%3d  %-11s  %s  %s%n", h.rank(), h.arxivId() == null ? "-" : h.arxivId(), days(h),
                    h.title());
            if (h.snippet() != null) {
                out.printf("     %s: %s%n", h.snippet().label(), h.snippet().marked("«", "»"));
            }
        }
    }

    private static void csv(SearchResults r, PrintStream out) {
        out.println("rank,arxivId,days,title,field,snippet,score");
        for (SearchHit h : r.hits()) {
            Snippet s = h.snippet();
            out.println(String.join(",", Integer.toString(h.rank()), cell(h.arxivId()), cell(String.join(" ",
                    h.days().stream().map(LocalDate::toString).toList())), cell(h.title()), cell(s == null ? "" : s.field()),
                    cell(s == null ? "" : s.marked("«", "»")), String.format(Locale.ROOT, "%.3f", h.score())));
        }
    }

    private static String days(SearchHit h) {
        return h.days().stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    private static String quoted(String q) {
        return "'" + q + "'";
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break. */
    private static String cell(String s) {
        if (s == null) return "";
        return s.matches("(?s).*[,\"\\r\\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
