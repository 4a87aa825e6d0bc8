package org.digestkg.extractor.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier without its version: new style {@code 2602.02537}, old style {@code cs/0501001}.
 * One paper has one id whatever version a digest linked to; the version is kept separately.
 */
public record ArxivId(String id, Integer version) {

    // new style: YYMM.NNNN or YYMM.NNNNN; old style: archive(.SUBJ)?/YYMMNNN
    private static final String BARE = "\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[A-Z]{2})?/\\d{7}";
    private static final Pattern ID = Pattern.compile("(" + BARE + ")(?:v(\\d+))?");
    private static final Pattern IN_URL = Pattern.compile(
            "^https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/" + ID.pattern() + "(?:\\.pdf)?/?(?:[?#].*)?$");

    public ArxivId {
        if (!id.matches(BARE)) {
            throw new IllegalArgumentException("not an arXiv id: " + id);
        }
    }

    /** Parses {@code 2602.02537}, {@code 2602.02537v2}, {@code cs/0501001v1}, or an {@code arXiv:} prefixed id. */
    public static Optional<ArxivId> parse(String text) {
        String s = text.strip();
        if (s.regionMatches(true, 0, "arXiv:", 0, 6)) s = s.substring(6);
        Matcher m = ID.matcher(s);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new ArxivId(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2))));
    }

    /** The id of an arXiv abs/pdf/html URL, if it is one. */
    public static Optional<ArxivId> fromUrl(String url) {
        Matcher m = IN_URL.matcher(url.strip());
        if (!m.matches()) return Optional.empty();
        return Optional.of(new ArxivId(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2))));
    }

    /** The canonical abstract page, without version. */
    public String absUrl() {
        return "https://arxiv.org/abs/" + id;
    }

    @Override
    public String toString() {
        return version == null ? id : id + "v" + version;
    }
}
