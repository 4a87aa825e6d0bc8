package org.digestkg.extractor.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.parse.Label.Extent;
import org.digestkg.extractor.parse.LabelMatch.Form;

/**
 * The one table of labels an entry line may start with, with their synonyms. Fork dialects are supported by
 * adding synonyms here, not by new parsing code. A line is a label line only if it starts with a synonym from
 * this table followed by a colon, or is a heading-style label (below): abstracts are full of "Introduction:" or
 * "Results:" that are text.
 *
 * <p>Accepted around a synonym: leading {@code > } quote markers, bold {@code **Name:**} / {@code **Name**:}
 * (or with {@code __}), spaces before the colon, the full-width colon {@code ：}, and emoji decoration before the
 * name ({@code 🧩 TL;DR:}). Synonyms match ignoring ASCII case ({@code Main Category:}).
 *
 * <p>Heading-style labels carry their value on the next lines: a markdown heading of level 3 to 6
 * ({@code #### 🧩 TL;DR}, {@code ### Abstract}), a bold name alone on its line ({@code **TL;DR**}) and a
 * {@code <summary>Abstract</summary>} line. Level 4 to 6 headings inside an entry are labels even when their
 * name is not in the table: their value is kept as a note under the heading's text.
 */
class Labels {

    private record Synonym(String text, Label label) {
    }

    /** Longer lines are text, never a heading-style label. */
    private static final int MAX_HEADING_LABEL = 200;

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

    /**
     * The labels of the generator and of its forks seen in the wild. {@code interrupting()} marks the labels that
     * end a running abstract even when printed plainly (see {@link Label#interrupts()}).
     */
    static Labels standard() {
        Extent line = Extent.LINE;
        Extent next = Extent.UNTIL_NEXT_LABEL;
        Extent structure = Extent.UNTIL_STRUCTURE;
        return new TableBuilder()
                .add(Label.mainCategory(), "Main category", "Primary category", "主要类别", "主类别", "主分类")
                // "Category: cs.CL, cs.AI": the first is the main one, the whole list is kept as a note
                .add(Label.mainCategory("Category"), "Category", "Categories", "类别", "分类", "カテゴリ", "카테고리")
                .add(Label.authors(), "Authors", "Author", "作者", "著者", "저자")
                .add(Label.field("TL;DR", Field.TLDR, next), "TL;DR", "TLDR", "TL; DR", "AI概要", "AI 概要",
                        "一句话总结", "要約", "요약")
                .add(Label.field("Motivation", Field.MOTIVATION, next), "Motivation", "动机", "研究动机", "動機", "동기")
                .add(Label.field("Method", Field.METHOD, next), "Method", "方法", "手法", "방법")
                .add(Label.field("Result", Field.RESULT, next), "Result", "结果", "結果", "결과")
                .add(Label.field("Conclusion", Field.CONCLUSION, next), "Conclusion", "结论", "結論", "결론")
                .add(Label.field("Abstract", Field.ABSTRACT, structure), "Abstract", "Original abstract",
                        "原文摘要", "英文摘要", "摘要原文", "초록")
                .add(Label.field("Abstract translation", Field.ABSTRACT_TRANSLATION, structure),
                        "Abstract translation", "Translated abstract", "中文摘要", "摘要翻译", "翻译摘要")
                .add(Label.field("Translated title", Field.TRANSLATED_TITLE, next).interrupting(),
                        "Translated title", "Title translation", "中文标题", "标题翻译", "翻译标题")
                .add(Label.field("Keywords", Field.KEYWORDS, next).interrupting(), "Keywords", "Key words",
                        "Keyword", "关键词", "关键字", "キーワード", "키워드")
                .add(Label.field("Comment", Field.COMMENT, next).interrupting(), "Comment", "Comments",
                        "arXiv comment", "arXiv comments", "评论", "备注")
                .add(Label.note("AI comments", next).interrupting(), "AI comments", "AI comment", "AI评论",
                        "AI 评论", "AI点评", "AI 点评")
                .add(Label.note("Relevance score", next).interrupting(), "Relevance score", "Relevance",
                        "相关性", "相关性评分", "相关度")
                .add(Label.note("Recommendation", next).interrupting(), "Recommendation", "推荐", "推荐理由",
                        "推荐指数", "推荐度")
                // these also head the paragraphs of structured abstracts, so they never cut an abstract short
                .add(Label.note("Key contributions", next), "Key contributions", "Contributions", "主要贡献",
                        "核心贡献", "贡献")
                .add(Label.note("Limitations", next), "Limitations", "Limitation", "局限性", "局限")
                .add(Label.note("Background", next), "Background", "背景")
                .add(Label.note("Data", next), "Data", "Dataset", "Datasets", "数据", "数据集")
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
        int hashes = 0;
        while (i + hashes < line.length() && line.charAt(i + hashes) == '#') {
            hashes++;
        }
        if (hashes > 0) {
            boolean heading = hashes >= 3 && hashes <= 6 && i + hashes < line.length()
                    && (line.charAt(i + hashes) == ' ' || line.charAt(i + hashes) == '\t');
            return heading ? headingLabel(line.substring(i + hashes), quoted, hashes >= 4) : Optional.empty();
        }
        String bold = null;
        int start = i;
        if (line.startsWith("**", i) || line.startsWith("__", i)) {
            bold = line.substring(i, i + 2);
            start = i + 2;
        }
        start = skipDecoration(line, start);
        for (Synonym s : synonyms) {
            Optional<LabelMatch> m = matchAt(line, start, s, bold, quoted);
            if (m.isPresent()) {
                return m;
            }
        }
        if (bold != null) {
            // "**TL;DR**" alone on its line: a heading-style label
            String s = line.substring(i).strip();
            if (s.length() > 4 && s.length() <= MAX_HEADING_LABEL && s.endsWith(bold)) {
                return known(s.substring(2, s.length() - 2), quoted);
            }
        }
        return Optional.empty();
    }

    /**
     * A {@code <summary>Name</summary>} line (optionally after {@code <details>}) whose name is a known label:
     * the value is the rest of the {@code <details>} block.
     */
    Optional<LabelMatch> matchSummary(String line) {
        String s = line.strip();
        if (s.length() > MAX_HEADING_LABEL) {
            return Optional.empty();
        }
        String lower = s.toLowerCase(Locale.ROOT);
        int open = lower.indexOf("<summary>");
        int close = lower.lastIndexOf("</summary>");
        if (open < 0 || close < open || !lower.substring(0, open).replace("<details>", "").isBlank()
                || !lower.substring(close + "</summary>".length()).isBlank()) {
            return Optional.empty();
        }
        return known(s.substring(open + "<summary>".length(), close), false);
    }

    /** The text of a heading ({@code ## …} already removed) as a label with its value on the next lines. */
    private Optional<LabelMatch> headingLabel(String text, boolean quoted, boolean anyName) {
        if (text.length() > MAX_HEADING_LABEL) {
            return Optional.empty();
        }
        String s = text.strip();
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '#') {
            end--; // closing sequence "#### TL;DR ####"
        }
        s = s.substring(0, end).strip();
        s = unbold(s);
        int start = skipDecoration(s, 0);
        // "#### TL;DR: text" keeps its value on the line
        for (Synonym syn : synonyms) {
            Optional<LabelMatch> m = matchAt(s, start, syn, null, quoted);
            if (m.isPresent()) {
                LabelMatch found = m.get();
                return Optional.of(new LabelMatch(found.label(), found.printed(), found.rest(), quoted, Form.HEADING));
            }
        }
        Optional<LabelMatch> known = known(s, quoted);
        if (known.isPresent() || !anyName) {
            return known;
        }
        String name = withoutColon(s.substring(start)).strip();
        if (name.isEmpty() || name.codePoints().noneMatch(Character::isLetter)) {
            return Optional.empty();
        }
        return Optional.of(new LabelMatch(Label.note(name, Extent.UNTIL_NEXT_LABEL), name, "", quoted, Form.HEADING));
    }

    /** A label name alone ("🧩 TL;DR", "TL;DR:"), matched whole against the table. */
    private Optional<LabelMatch> known(String text, boolean quoted) {
        String s = unbold(text.strip());
        String name = withoutColon(s.substring(skipDecoration(s, 0))).strip();
        for (Synonym syn : synonyms) {
            if (syn.text().equalsIgnoreCase(name)) {
                return Optional.of(new LabelMatch(syn.label(), name, "", quoted, Form.HEADING));
            }
        }
        return Optional.empty();
    }

    private static String unbold(String s) {
        if (s.length() > 4 && (s.startsWith("**") && s.endsWith("**") || s.startsWith("__") && s.endsWith("__"))) {
            return s.substring(2, s.length() - 2).strip();
        }
        return s;
    }

    private static String withoutColon(String s) {
        String t = s.stripTrailing();
        while (!t.isEmpty() && (t.endsWith(":") || t.endsWith("："))) {
            t = t.substring(0, t.length() - 1).stripTrailing();
        }
        return t;
    }

    /**
     * Past emoji and like symbols that decorate a label ({@code 🧩 TL;DR}, {@code 📄 Abstract}). Only when the
     * text starts with a symbol: plain leading spaces are not decoration (an indented line is text).
     */
    static int skipDecoration(String s, int from) {
        if (from >= s.length() || Character.getType(s.codePointAt(from)) != Character.OTHER_SYMBOL) {
            return from;
        }
        int i = from;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            boolean decoration = type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL
                    || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.FORMAT || Character.isWhitespace(cp) || cp == '\u3000';
            if (!decoration) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
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
        return Optional.of(new LabelMatch(s.label(), line.substring(start, start + text.length()), rest, quoted,
                bold == null ? Form.PLAIN : Form.BOLD));
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
