package org.digestkg.extractor.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;

/**
 * The heading of an entry, {@code ### [N] [Title](url)}. Flexmark finds the link, which copes with brackets
 * inside the title ({@code Di$\mathtt{[M]}$O}, {@code [Re] ...}); title and URL are the source characters
 * under the link's offsets, never rendered text.
 *
 * @param rank  N, or 0 when the heading has no number
 * @param title the link text as printed
 * @param link  the link destination as printed
 */
record EntryHeading(int rank, String title, String link) {

    /** Longer heading lines are not read: no title is that long, and flexmark never sees a huge input. */
    static final int MAX_LENGTH = 4096;

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final Pattern RANK_PREFIX = Pattern.compile("^\\s*(?:\\[(\\d{1,9})\\]\\s*)?$");
    // for titles flexmark cannot take as a link (unbalanced brackets): the title is everything up to the last "]("
    private static final Pattern FALLBACK = Pattern.compile(
            "^###[ \\t]+(?:\\[(\\d{1,9})\\][ \\t]*)?\\[(.*)\\]\\(<?([^\\s>]*)>?(?:[ \\t]+\"[^\"]*\")?\\)[ \\t#]*$");

    // "### [N] [Title](url)" whose title holds no bracket, escape, code or HTML, and whose URL no space or parenthesis:
    // read the same by flexmark and by this pattern
    private static final Pattern SIMPLE = Pattern.compile(
            "###[ \\t]+(?:\\[(\\d{1,9})\\][ \\t]*)?\\[([^\\[\\]\\\\`<>]+)\\]\\(([^\\s()<>\\\\]+)\\)[ \\t]*");
    private static final Pattern TITLE_ONLY = Pattern.compile("^###[ \\t]+(?:\\[(\\d{1,9})\\][ \\t]*)?(.*?)[ \\t#]*$");

    /** The heading's number, title and link, or empty when the line has no title link at all. */
    static Optional<EntryHeading> parse(String line) {
        if (line.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        // nearly every heading is this simple; flexmark is for the rest (brackets, escapes, code in the title)
        Matcher simple = SIMPLE.matcher(line);
        if (simple.matches()) {
            return Optional.of(new EntryHeading(rank(simple.group(1)), simple.group(2), simple.group(3)));
        }
        Optional<EntryHeading> viaMarkdown = viaMarkdown(line);
        if (viaMarkdown.isPresent()) {
            return viaMarkdown;
        }
        Matcher m = FALLBACK.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new EntryHeading(rank(m.group(1)), m.group(2), m.group(3)));
    }

    /**
     * A heading that is the title itself, {@code ### Title} (a digest whose entries name their link below the
     * heading): the title without the heading marks and an optional {@code [N]}, no link.
     */
    static Optional<EntryHeading> titleOnly(String line) {
        if (line.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = TITLE_ONLY.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new EntryHeading(rank(m.group(1)), m.group(2).strip(), ""));
    }

    private static Optional<EntryHeading> viaMarkdown(String line) {
        Node first = MARKDOWN.parse(line).getFirstChild();
        if (!(first instanceof Heading heading)) {
            return Optional.empty();
        }
        int contentStart = heading.getText().getStartOffset();
        for (Node n = heading.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Link link) {
                // the title link is the one right after the optional [N]; any other link is not ours
                Matcher prefix = RANK_PREFIX.matcher(line.substring(contentStart, link.getStartOffset()));
                if (!prefix.matches()) {
                    return Optional.empty();
                }
                return Optional.of(new EntryHeading(rank(prefix.group(1)),
                        link.getText().toString(), link.getUrl().toString()));
            }
        }
        return Optional.empty();
    }

    private static int rank(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
