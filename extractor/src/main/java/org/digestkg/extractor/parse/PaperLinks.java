package org.digestkg.extractor.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestkg.extractor.model.ArxivId;

/**
 * What an entry's title link identifies. arXiv abs/pdf/html URLs give the arXiv id; so do the mirrors forks link
 * to instead (alphaXiv, Hugging Face papers, papers.cool) and a bare id ({@code 2602.02537}, {@code arXiv:…}).
 * Any other absolute URL (a {@code doi.org} link, OpenReview) identifies the paper by itself.
 */
final class PaperLinks {

    private static final int MAX_LENGTH = 2048;
    private static final Pattern MIRROR = Pattern.compile(
            "https?://(?:www\\.)?(?:alphaxiv\\.org/(?:abs|overview|pdf)|huggingface\\.co/papers|papers\\.cool/arxiv"
                    + "|[a-z]+\\.arxiv\\.org/(?:abs|pdf|html))/([^?#\\s]+?)(?:\\.pdf)?/?(?:[?#].*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI = Pattern.compile(
            "(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)(10\\.\\d{4,9}/\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ABSOLUTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,30}:[^\\s]+");

    private PaperLinks() {
    }

    /** The arXiv id the link names, if it names one. */
    static Optional<ArxivId> arxivId(String link) {
        String s = link.strip();
        if (s.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Optional<ArxivId> id = ArxivId.fromUrl(s);
        if (id.isPresent()) {
            return id;
        }
        Matcher m = MIRROR.matcher(s);
        if (m.matches()) {
            return ArxivId.parse(m.group(1));
        }
        return ArxivId.parse(s);
    }

    /** The DOI of a {@code doi.org} link or a {@code doi:} reference. */
    static Optional<String> doi(String link) {
        String s = link.strip();
        if (s.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = DOI.matcher(s);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether the link can identify a paper on its own: an absolute URI ({@code https://…}, {@code doi:…}). */
    static boolean isAbsolute(String link) {
        String s = link.strip();
        return s.length() <= MAX_LENGTH && ABSOLUTE.matcher(s).matches();
    }
}
