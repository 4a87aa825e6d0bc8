package org.digestkg.extractor.jsonl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Placeholders;

/**
 * The markdown's reading of a paper, checked against the record it was rendered from: title, authors, main category
 * and every text field the markdown shows. Texts are equal as text: runs of whitespace count as one space, as
 * markdown shows them (a fork's converter may join an abstract's lines). A failure placeholder is no text in either
 * source. Every user's own data thus becomes a test of the reader.
 */
public final class JsonlComparison {

    /** One field the two sources disagree on. */
    public record Difference(String field, String markdown, String jsonl) {
    }

    private JsonlComparison() {
    }

    public static List<Difference> differences(Paper p, GeneratorRecord r) {
        List<Difference> d = new ArrayList<>();
        if (r.title() != null && !sameText(p.title(), r.title())) {
            d.add(new Difference("title", p.title(), r.title()));
        }
        List<String> authors = r.authors().stream().map(String::strip).toList();
        if (!authors.isEmpty() && !p.authors().equals(authors)) {
            d.add(new Difference("authors", String.join(", ", p.authors()), String.join(", ", authors)));
        }
        if (p.mainCategory() != null && !r.categories().isEmpty() && !p.mainCategory().equals(r.categories().get(0))) {
            d.add(new Difference("main category", p.mainCategory(), r.categories().get(0)));
        }
        for (Map.Entry<Field, String> f : p.fields().entrySet()) {
            String truth = text(r, f.getKey());
            if (truth != null && !sameText(f.getValue(), truth)) {
                d.add(new Difference(name(f.getKey()), f.getValue(), truth));
            }
        }
        for (Field f : p.failed()) {
            String truth = text(r, f);
            if (truth != null) {
                d.add(new Difference(name(f), "(a failure placeholder)", truth));
            }
        }
        return d;
    }

    /** The record's text of a field, null when it has none (or a failure placeholder). */
    static String text(GeneratorRecord r, Field f) {
        String t = GeneratorKeys.text(r, f);
        return t == null || t.isBlank() || Placeholders.isFailure(t) ? null : t;
    }

    /** Equal as text: runs of whitespace count as one space. */
    public static boolean sameText(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    private static String normalise(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** How a field is named in messages. */
    public static String name(Field f) {
        return switch (f) {
            case TLDR -> "TL;DR";
            case MOTIVATION -> "motivation";
            case METHOD -> "method";
            case RESULT -> "result";
            case CONCLUSION -> "conclusion";
            case ABSTRACT -> "abstract";
            case COMMENT -> "comment";
            case KEYWORDS -> "keywords";
            case TRANSLATED_TITLE -> "translated title";
            case ABSTRACT_TRANSLATION -> "abstract translation";
        };
    }
}
