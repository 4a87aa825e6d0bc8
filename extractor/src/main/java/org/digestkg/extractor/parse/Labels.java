package org.digestkg.extractor.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.parse.Label.Extent;

/**
 * The one table of labels an entry line may start with, with their synonyms. Fork dialects are supported by
 * adding synonyms here, not by new parsing code. A line is a label line only if it starts with a synonym from
 * this table followed by a colon: abstracts are full of "Introduction:" or "Results:" that are text.
 *
 * <p>Accepted around a synonym: leading {@code > } quote markers, bold {@code **Name:**} / {@code **Name**:}
 * (or with {@code __}), spaces before the colon, and the full-width colon {@code ：}. Synonyms match ignoring
 * ASCII case ({@code Main Category:}).
 */
class Labels {

    private record Synonym(String text, Label label) {
    }

    private final List<Synonym> synonyms;

    Labels(List<Label> labels, List<List<String>> synonymsPerLabel) {
        if (labels.size() != synonymsPerLabel.size()) {
            throw new IllegalArgumentException("one synonym list per label");
        }
        List<Synonym> all = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            for (String s : synonymsPerLabel.get(i)) {
                all.add(new Synonym(s, labels.get(i)));
            }
        }
        // longest first, so "Comments" is not read as "Comment" followed by junk
        all.sort(Comparator.comparingInt((Synonym s) -> s.text().length()).reversed());
        this.synonyms = List.copyOf(all);
    }

    static Labels standard() {
        return new TableBuilder()
                .add(Label.mainCategory(), "Main category", "主要类别")
                .add(Label.field("TL;DR", Field.TLDR, Extent.UNTIL_NEXT_LABEL), "TL;DR", "TLDR", "AI概要")
                .add(Label.field("Motivation", Field.MOTIVATION, Extent.UNTIL_NEXT_LABEL), "Motivation", "动机")
                .add(Label.field("Method", Field.METHOD, Extent.UNTIL_NEXT_LABEL), "Method", "方法")
                .add(Label.field("Result", Field.RESULT, Extent.UNTIL_NEXT_LABEL), "Result", "结果")
                .add(Label.field("Conclusion", Field.CONCLUSION, Extent.UNTIL_NEXT_LABEL), "Conclusion", "结论")
                .add(Label.field("Abstract", Field.ABSTRACT, Extent.UNTIL_STRUCTURE), "Abstract", "原文摘要")
                .add(Label.field("Keywords", Field.KEYWORDS, Extent.UNTIL_NEXT_LABEL), "Keywords", "Key words")
                .add(Label.field("Comment", Field.COMMENT, Extent.UNTIL_NEXT_LABEL), "Comment", "Comments")
                .build();
    }

    /** The label this line starts with, if any. */
    Optional<LabelMatch> match(String line) {
        int i = 0;
        boolean quoted = false;
        while (i < line.length() && line.charAt(i) == '>') {
            quoted = true;
            i++;
            if (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
        }
        String bold = null;
        if (line.startsWith("**", i) || line.startsWith("__", i)) {
            bold = line.substring(i, i + 2);
            i += 2;
        }
        for (Synonym s : synonyms) {
            Optional<LabelMatch> m = matchAt(line, i, s, bold, quoted);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    private static Optional<LabelMatch> matchAt(String line, int start, Synonym s, String bold, boolean quoted) {
        String text = s.text();
        if (!line.regionMatches(true, start, text, 0, text.length())) {
            return Optional.empty();
        }
        int j = start + text.length();
        boolean closed = false;
        if (bold != null && line.startsWith(bold, j)) {
            closed = true;
            j += 2;
        }
        while (j < line.length() && line.charAt(j) == ' ') {
            j++;
        }
        if (j >= line.length() || (line.charAt(j) != ':' && line.charAt(j) != '：')) {
            return Optional.empty();
        }
        j++;
        if (bold != null && !closed && line.startsWith(bold, j)) {
            closed = true;
            j += 2;
        }
        String rest = line.substring(j).stripLeading();
        if (bold != null && !closed && rest.stripTrailing().endsWith(bold)) {
            // a whole bold line, "**Main category: cs.CL**": the closing marker is not part of the value
            rest = rest.stripTrailing();
            rest = rest.substring(0, rest.length() - bold.length());
        }
        return Optional.of(new LabelMatch(s.label(), line.substring(start, start + text.length()), rest, quoted));
    }

    /** Keeps the table readable as one label per line with its synonyms. */
    static final class TableBuilder {
        private final List<Label> labels = new ArrayList<>();
        private final List<List<String>> synonyms = new ArrayList<>();

        TableBuilder add(Label label, String... names) {
            labels.add(label);
            synonyms.add(List.of(names));
            return this;
        }

        Labels build() {
            return new Labels(labels, synonyms);
        }
    }
}
