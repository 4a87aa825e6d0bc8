package org.digestkg.extractor.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.parse.Label.Extent;
import org.digestkg.extractor.parse.Label.Target;

/**
 * The synonym table: which canonical property a label maps to, in every language seen in the generator's forks. The
 * table is data ({@code template-labels.txt} beside this class, with the survey it was built from); this class
 * reads it and looks labels up by their normalised name ({@link LabelShape#key}).
 *
 * <p>For a digest whose template is inferred, the table only names properties: which lines are fields is decided
 * by recurrence ({@link TemplateSurvey}). For a digest too small to infer from (one or two entries), the table
 * also decides which lines are labels ({@link #match}): a line is a label only if its name is in the table, or
 * if it is a heading of level 4 to 6 (kept as a note under its text). Abstracts are full of "Introduction:" or
 * "Results:" that are text.
 */
class Labels {

    private static final String TABLE = "template-labels.txt";

    /** A synonym's label, and whether it maps only in an inferred template (written with a trailing "?"). */
    private record Entry(Label label, boolean inferredOnly) {
    }

    private final Map<String, Entry> byKey;

    private Labels(Map<String, Entry> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    /** The standard table, for a subclass (a test's). */
    Labels() {
        this(standard().byKey);
    }

    /** The table of the generator and of its forks. */
    static Labels standard() {
        return Standard.LABELS;
    }

    /**
     * The label a label-shaped line names, or null: its whole name first, then a parenthesised part
     * ({@code 연구 동기 (Motivation)}). Synonyms marked "?" count only when {@code inferred}.
     */
    Label lookup(LabelShape.Line line, boolean inferred) {
        Label label = lookup(line.key(), inferred);
        if (label == null) {
            String inner = LabelShape.innerKey(line.printed());
            if (!inner.isEmpty()) {
                label = lookup(inner, inferred);
            }
        }
        return label;
    }

    private Label lookup(String key, boolean inferred) {
        Entry e = byKey.get(key);
        return e == null || e.inferredOnly && !inferred ? null : e.label;
    }

    /**
     * The label this line starts with in a digest read with the table alone: a name in the table, or a heading of
     * level 4 to 6 whatever its name (a note).
     */
    Optional<LabelMatch> match(String line) {
        LabelShape.Line shape = LabelShape.of(line);
        if (shape == null || shape.form() == LabelMatch.Form.TABLE) {
            return Optional.empty();
        }
        Label label = lookup(shape, false);
        if (label == null && shape.level() >= 4) {
            label = Label.note(shape.printed(), Extent.UNTIL_NEXT_LABEL);
        }
        return label == null ? Optional.empty() : Optional.of(new LabelMatch(label, shape));
    }

    /**
     * A {@code <summary>Name</summary>} line (optionally after {@code <details>}) whose name is a known label:
     * the value is the rest of the {@code <details>} block.
     */
    Optional<LabelMatch> matchSummary(String line) {
        LabelShape.Line shape = LabelShape.summary(line);
        Label label = shape == null ? null : lookup(shape, false);
        return label == null ? Optional.empty() : Optional.of(new LabelMatch(label, shape));
    }

    // ---------------------------------------------------------------- the table

    /** Loaded once, on first use. */
    private static final class Standard {
        static final Labels LABELS = load();
    }

    private static Labels load() {
        Map<String, Entry> byKey = new HashMap<>();
        try (InputStream in = Labels.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TABLE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new IllegalStateException(TABLE + ":" + lineNo + ": no ':' after the target");
                }
                Label label = target(line.substring(0, colon).strip(), lineNo);
                for (String synonym : line.substring(colon + 1).split("\\|")) {
                    String s = synonym.strip();
                    boolean inferredOnly = s.endsWith("?");
                    String key = LabelShape.key(inferredOnly ? s.substring(0, s.length() - 1) : s);
                    Entry previous = byKey.put(key, new Entry(label, inferredOnly));
                    if (previous != null && !previous.label.equals(label)) {
                        throw new IllegalStateException(TABLE + ":" + lineNo + ": '" + s + "' already maps to "
                                + previous.label.name());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Labels(byKey);
    }

    /** The label a target of the table names. */
    private static Label target(String target, int lineNo) {
        Extent next = Extent.UNTIL_NEXT_LABEL;
        Extent structure = Extent.UNTIL_STRUCTURE;
        if (target.startsWith("note! ")) {
            return Label.note(target.substring(6).strip(), next).interrupting();
        }
        if (target.startsWith("note ")) {
            return Label.note(target.substring(5).strip(), next);
        }
        return switch (target) {
            case "main category" -> Label.mainCategory();
            case "categories" -> Label.of("Categories", Target.CATEGORIES);
            case "authors" -> Label.of("Authors", Target.AUTHORS);
            case "title" -> Label.of("Title", Target.TITLE);
            case "link" -> Label.of("Link", Target.LINK);
            case "code" -> Label.of("Code", Target.CODE);
            case "tldr" -> Label.field("TL;DR", Field.TLDR, next);
            case "motivation" -> Label.field("Motivation", Field.MOTIVATION, next);
            case "method" -> Label.field("Method", Field.METHOD, next);
            case "result" -> Label.field("Result", Field.RESULT, next);
            case "conclusion" -> Label.field("Conclusion", Field.CONCLUSION, next);
            case "abstract" -> Label.field("Abstract", Field.ABSTRACT, structure);
            case "abstract translation" -> Label.field("Abstract translation", Field.ABSTRACT_TRANSLATION, structure);
            case "translated title" -> Label.field("Translated title", Field.TRANSLATED_TITLE, next).interrupting();
            case "keywords" -> Label.field("Keywords", Field.KEYWORDS, next).interrupting();
            case "comment" -> Label.field("Comment", Field.COMMENT, next).interrupting();
            default -> throw new IllegalStateException(TABLE + ":" + lineNo + ": unknown target '" + target + "'");
        };
    }
}
