package org.digestkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.digestkg.extractor.model.Digest;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.model.Template;
import org.digestkg.extractor.parse.DigestException;
import org.digestkg.extractor.parse.DigestParser;
import org.digestkg.extractor.parse.DigestSink;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kg inspect}: reads digests without a store and shows, per digest, the template it is read with (each field's
 * label as printed, what it maps to, in how many entries), what is left as text, and the checks against the JSONL.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Shows how digests are read, without loading them: per digest, the template",
                "inferred from its entries (each field's label as printed, what it maps to,",
                "in how many entries it occurs), the label-like lines read as text, and the",
                "check of the markdown against the generator's JSONL beside it."},
        footer = {"", "Examples:",
                "  kg inspect data/2026-02-04.md",
                "  kg inspect --problems ~/fork/data/"})
final class InspectCommand implements Callable<Integer> {

    /** Problems shown per digest unless all are asked for. */
    static final int SHOWN_PROBLEMS = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The digest's day, for a file whose name carries no date (one digest only).")
    LocalDate date;

    @Option(names = "--problems", description = "Print every warning and rejected entry, not only the first "
            + SHOWN_PROBLEMS + ".")
    boolean allProblems;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Digest files (markdown or JSONL), or folders.")
    List<Path> paths;

    @Override
    public Integer call() {
        List<Path> files = DigestFiles.expand(paths).stream().filter(f -> !DigestFiles.isImport(f)).toList();
        if (date != null && files.size() != 1) {
            throw new IllegalArgumentException("--date applies to one file; " + files.size() + " were given");
        }
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (Path file : files) {
            Inspection i = new Inspection();
            try {
                DigestParser.Builder b = DigestParser.create().source(file);
                if (date != null) b.date(date);
                DigestParser parser = b.build();
                i.companions = parser.companions();
                parser.parse(i);
            } catch (DigestException e) {
                out.printf("FAILED  %s%n  %s%n%n", file, e.getMessage());
                failed++;
                continue;
            }
            print(out, file, i);
            out.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    /** What reading one digest gave. */
    static final class Inspection implements DigestSink {
        Digest digest;
        Template template;
        List<Path> companions = List.of();
        int papers;
        final List<Problem> warnings = new ArrayList<>();
        final List<Problem> rejected = new ArrayList<>();

        @Override
        public void start(Digest d) {
            digest = d;
        }

        @Override
        public void template(Template t) {
            template = t;
        }

        @Override
        public void paper(Paper paper) {
            papers++;
        }

        @Override
        public void warning(Problem problem) {
            warnings.add(problem);
        }

        @Override
        public void rejected(Problem problem) {
            rejected.add(problem);
        }

        long differences() {
            return warnings.stream().filter(p -> p.message().contains(" differs from ")).count();
        }
    }

    private void print(PrintWriter out, Path file, Inspection i) {
        Template t = i.template;
        out.printf("%s  %s  %s%n", file, i.digest.date(), describe(t));
        if (!t.fields().isEmpty()) {
            int width = Math.max(24, t.fields().stream().mapToInt(s -> columns(s.label())).max().orElse(0) + 2);
            out.println("  " + pad(t.kind() == Template.Kind.JSONL ? "key" : "label as printed", width) + " "
                    + pad("maps to", 22) + " entries");
            for (Template.Slot s : t.fields()) {
                out.println("  " + pad(s.label(), width) + " " + pad(s.mapsTo(), 22) + " " + s.entries() + "/" + t.entries());
            }
        }
        if (!t.unrecognised().isEmpty()) {
            out.println("  label-like lines that do not recur, read as text of the field they sit in:");
            for (Template.Slot s : t.unrecognised()) {
                String where = (s.entries() == 1 ? "1 entry" : s.entries() + " entries") + ", first at line " + s.line();
                out.println("    " + pad(s.label(), 30) + " " + (s.mapsTo().equals("text") ? where
                        : where + " (" + s.mapsTo() + " where it stands alone)"));
            }
        }
        if (t.strayLines() > 0) {
            out.printf("  %d entr%s hold lines outside every field: left out (see the warnings)%n", t.strayLines(),
                    t.strayLines() == 1 ? "y" : "ies");
        }
        if (!i.companions.isEmpty()) {
            out.printf("  checked against %s: %d difference%s%n", String.join(", ",
                    i.companions.stream().map(p -> p.getFileName().toString()).toList()), i.differences(),
                    i.differences() == 1 ? "" : "s");
        }
        out.printf("  %,d papers read, %,d rejected, %,d warnings%n", i.papers, i.rejected.size(), i.warnings.size());
        List<String> problems = new ArrayList<>();
        i.rejected.forEach(p -> problems.add("rejected: " + p));
        i.warnings.forEach(p -> problems.add("warning: " + p));
        int shown = allProblems ? problems.size() : Math.min(SHOWN_PROBLEMS, problems.size());
        problems.subList(0, shown).forEach(p -> out.println("    " + p));
        if (shown < problems.size()) {
            out.printf("    … %d more (--problems shows all)%n", problems.size() - shown);
        }
        out.println();
    }

    /** {@code s} followed by spaces to {@code width} terminal columns (an ideograph takes two). */
    static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - columns(s)));
    }

    /** The terminal columns {@code s} takes: East Asian wide characters and emoji take two. */
    static int columns(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean wide = cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF || cp >= 0xAC00 && cp <= 0xD7A3
                    || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60
                    || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x1F300 && cp <= 0x1FAFF;
            n += wide ? 2 : Character.getType(cp) == Character.NON_SPACING_MARK ? 0 : 1;
        }
        return n;
    }

    /** One line on how the digest is read. */
    static String describe(Template t) {
        return switch (t.kind()) {
            case INFERRED -> "template inferred from " + t.entries() + " entries";
            case TABLE -> t.entries() + " entr" + (t.entries() == 1 ? "y" : "ies")
                    + ": too few to infer a template from, read with the label table";
            case JSONL -> "the generator's JSONL, " + t.entries() + " records";
        };
    }

    /** The template as the build report's JSON carries it. */
    static JsonObject json(Template t) {
        JsonObject o = new JsonObject();
        o.put("kind", t.kind().name().toLowerCase());
        o.put("entries", t.entries());
        o.put("fields", slots(t.fields()));
        o.put("unrecognised", slots(t.unrecognised()));
        o.put("strayLines", t.strayLines());
        return o;
    }

    private static JsonArray slots(List<Template.Slot> slots) {
        JsonArray a = new JsonArray();
        for (Template.Slot s : slots) {
            JsonObject o = new JsonObject();
            o.put("label", s.label());
            o.put("mapsTo", s.mapsTo());
            o.put("entries", s.entries());
            o.put("line", s.line());
            a.add(o);
        }
        return a;
    }
}
