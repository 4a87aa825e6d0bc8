package org.digestkg.extractor.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first pass over a digest: which label-shaped lines occur in how many entries. Every entry of a digest is
 * generated from one template, so the template's labels recur across the entries in the same style and order,
 * while a label-like line an LLM wrote into one summary ("整体总结：", "Step 1:") does not. {@link DigestTemplate}
 * turns the counts into the digest's template.
 *
 * <p>Counted per entry (once each, however often it occurs in it): each label-shaped line's normalised name
 * ({@link LabelShape}), the parts of a line of several fields ({@link Segments}), a {@code <summary>Name</summary>}
 * line, and unlabelled text outside every value, by what it follows ({@code after:tldr}: the paragraph after the
 * TL;DR). Memory is bounded: at most {@value #MAX_KEYS} distinct names are kept, the rest cannot recur enough to
 * matter.
 */
final class TemplateSurvey {

    static final int MAX_KEYS = 4096;
    static final String AFTER_HEADING = "heading";
    static final String AFTER_AUTHORS = "authors";
    /** The key under which a {@code > *translated title*} line under the heading is counted. */
    static final String TITLE_LINE = "\u0000translatedtitle";

    /** How one name occurred over the digest. */
    static final class Stats {
        final String printed;
        final LabelMatch.Form form;
        final int line;
        int entries;
        /** Entries where a heading-style label had text of its own below it (else it only heads other fields). */
        int valued;
        /** Entries where it was the last thing counted. */
        int last;
        /** Entries per form it is printed in: a template prints its label the same way in every entry. */
        final int[] forms = new int[LabelMatch.Form.values().length];
        /** Entries where its value starts with bracketed tags, {@code [Embodied][9.5] …} ({@link #tagPrefix}). */
        int tagged;
        private int lastTagged = -1;
        long ordinals;
        private int lastEntry = -1;
        private int lastValued = -1;

        Stats(String printed, LabelMatch.Form form, int line) {
            this.printed = printed;
            this.form = form;
            this.line = line;
        }

        /** In how many entries it is printed in its most frequent form. */
        int consistent() {
            int max = 0;
            for (int f : forms) {
                max = Math.max(max, f);
            }
            return max;
        }

        double meanOrdinal() {
            return entries == 0 ? 0 : (double) ordinals / entries;
        }
    }

    private final Labels labels;
    final Map<String, Stats> names = new HashMap<>();
    final Map<String, Stats> unlabelled = new HashMap<>();
    /** Level-3 headings by name, for a digest whose entries are headed by a title without a link. */
    final Map<String, Integer> headings = new HashMap<>();
    int entries;

    // the entry being counted
    private int ordinal;
    private Stats lastCounted;

    TemplateSurvey(Labels labels) {
        this.labels = labels;
    }

    /** A level-3 heading line anywhere in the digest. */
    void heading(String line) {
        LabelShape.Line shape = LabelShape.of(line);
        if (shape != null && shape.level() == 3 && (headings.size() < MAX_KEYS || headings.containsKey(shape.key()))) {
            headings.merge(shape.key(), 1, Integer::sum);
        }
    }

    void entry(EntryBlock block) {
        entries++;
        ordinal = 0;
        lastCounted = null;
        List<String> lines = block.lines();
        String after = AFTER_HEADING;
        boolean authors = false;
        boolean open = false;
        boolean bullet = false;
        Stats heading = null;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = block.lineOf(i);
            if (bullet && line.isBlank()) {
                open = bullet = false;
            }
            if (bullet && !EntryParser.isListItem(line) && !Lines.isStructure(line)) {
                continue; // a list item's lazy continuation line, whatever it looks like
            }
            if (Lines.isStructure(line)) {
                LabelShape.Line summary = LabelShape.summary(line);
                open = bullet = false;
                heading = null;
                if (summary != null) {
                    heading = count(names, summary, lineNo);
                    after = summary.key();
                    open = true;
                }
                continue;
            }
            List<Segments.Part> parts = Segments.split(line);
            if (!authors && (AuthorLine.matches(line) || hasAuthors(parts))) {
                authors = true;
                countParts(parts, lineNo);
                after = AFTER_AUTHORS;
                open = bullet = false;
                heading = null;
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            if (!authors && after.equals(AFTER_HEADING) && !open && EntryParser.translatedTitle(line) != null) {
                count(names, new LabelShape.Line("> *…*", TITLE_LINE, "", LabelMatch.Form.PLAIN, true, false, 0), lineNo);
                continue;
            }
            if (parts != null) {
                after = countParts(parts, lineNo);
                open = bullet = false;
                heading = null;
                continue;
            }
            LabelShape.Line shape = LabelShape.of(line);
            if (shape != null) {
                Stats s = count(names, shape, lineNo);
                if (s != null && s.lastTagged != entries && tagPrefix(shape.rest()) > 0) {
                    s.lastTagged = entries;
                    s.tagged++;
                }
                heading = shape.valueBelow() ? s : null;
                after = shape.key();
                Label known = labels.lookup(shape, true);
                open = shape.form() != LabelMatch.Form.TABLE && (known == null || known.extent() != Label.Extent.LINE);
                bullet = open && shape.bullet();
                continue;
            }
            if (heading != null && heading.lastValued != entries) {
                heading.lastValued = entries;
                heading.valued++;
            }
            if (!open) {
                count(unlabelled, new LabelShape.Line(after, after, "", LabelMatch.Form.PLAIN, false, false, 0), lineNo);
                open = true;
            }
        }
        if (lastCounted != null) {
            lastCounted.last++;
        }
    }

    /**
     * The length of bracketed tags that start a value, with the symbols and spaces after them ({@code [Embodied][9.5]
     * ✅ }), or 0. A template that prints other values before a field's own ({@code [{tag}][{score}] {tldr}}) does
     * so in every entry; a markdown link {@code [text](url)} is no tag.
     */
    static int tagPrefix(String value) {
        int i = 0;
        int groups = 0;
        while (i < value.length() && value.charAt(i) == '[' && groups < 4) {
            int close = value.indexOf(']', i + 1);
            if (close < 0 || close - i > 41 || close == i + 1 || value.substring(i + 1, close).indexOf('[') >= 0
                    || close + 1 < value.length() && value.charAt(close + 1) == '(') {
                return 0;
            }
            groups++;
            i = close + 1;
        }
        if (groups == 0 || i >= value.length() || !Character.isWhitespace(value.charAt(i))) {
            return 0;
        }
        while (i < value.length() && Character.isWhitespace(value.charAt(i))) {
            i++;
        }
        int end = LabelShape.skipDecoration(value, i);
        return end < value.length() ? end : 0;
    }

    private static boolean hasAuthors(List<Segments.Part> parts) {
        return parts != null && parts.stream().anyMatch(p -> p.kind() == Segments.Kind.AUTHORS);
    }

    /** Counts the labels of a line of several fields; the key of its last label (or what came before). */
    private String countParts(List<Segments.Part> parts, int lineNo) {
        String last = AFTER_AUTHORS;
        if (parts == null) {
            return last;
        }
        for (Segments.Part p : parts) {
            if (p.kind() == Segments.Kind.LABEL) {
                count(names, p.label(), lineNo);
                last = p.label().key();
            }
        }
        return last;
    }

    private Stats count(Map<String, Stats> map, LabelShape.Line shape, int lineNo) {
        Stats s = map.get(shape.key());
        if (s == null) {
            if (map.size() >= MAX_KEYS) {
                return null;
            }
            s = new Stats(shape.printed(), shape.form(), lineNo);
            map.put(shape.key(), s);
        }
        if (s.lastEntry != entries) {
            s.lastEntry = entries;
            s.entries++;
            s.forms[shape.form().ordinal()]++;
            s.ordinals += ordinal++;
        }
        lastCounted = s;
        return s;
    }
}
