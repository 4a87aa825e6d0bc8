package org.digestkg.extractor.rdf;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.digestkg.extractor.model.ArxivId;
import org.digestkg.extractor.model.AuthorName;
import org.digestkg.extractor.model.Paper;

/**
 * Mints the graph's IRIs. They are stable: one per arXiv id whatever the version, one per normalised author
 * name, one per category code, one per digest day; a listing's IRIs hang under its digest's.
 */
public final class Iris {

    private Iris() {
    }

    public static Node paper(ArxivId id) {
        return iri("paper/" + id.id());
    }

    /** The paper an entry lists: by its arXiv id, or by its URL when the link is not arXiv. */
    public static Node paper(Paper p) {
        if (p.arxivId() != null) return paper(p.arxivId());
        if (p.link() == null || p.link().isBlank()) {
            throw new IllegalArgumentException("entry at line " + p.line() + " has neither an arXiv id nor a link");
        }
        return paperAt(p.link().strip());
    }

    /** A paper whose link is not arXiv is identified by its URL. */
    public static Node paperAt(String url) {
        return iri("paper/url/" + encode(url));
    }

    /**
     * The author a name identifies ({@link AuthorName#identity}): {@code Runjie Zhou}, {@code RUNJIE ZHOU} and
     * {@code Runjie-Zhou} are {@code …/author/Runjie_Zhou}. A function of the name alone, so any load order gives the
     * same IRI.
     */
    public static Node author(String name) {
        return iri("author/" + encode(AuthorName.identity(name).replace(' ', '_')));
    }

    /** The arXiv DOI of a paper: {@code 10.48550/arXiv.2602.02537}, {@code 10.48550/arXiv.cs/0501001}. */
    public static String doi(ArxivId id) {
        return "10.48550/arXiv." + id.id();
    }

    /** Where a DOI resolves: {@code https://doi.org/10.48550/arXiv.2602.02537}. */
    public static Node doiLink(String doi) {
        return NodeFactory.createURI("https://doi.org/" + doi);
    }

    /**
     * The paper's record in dblp, which lists every arXiv paper in a computer science category as a CoRR article:
     * {@code journals/corr/abs-2602-02537} for new-style ids, {@code journals/corr/cs-DS-0310049} for old-style ones
     * ({@code cs/0310049}, subject class from the id or the paper's computer science category). Empty for a paper in no
     * cs.* category, or an old-style id outside the cs archive.
     */
    public static java.util.Optional<Node> dblpRecord(ArxivId id, java.util.List<String> categories) {
        java.util.Optional<String> cs = categories.stream().filter(c -> c != null && c.startsWith("cs.")).findFirst();
        if (cs.isEmpty()) {
            return java.util.Optional.empty();
        }
        String key;
        int slash = id.id().indexOf('/');
        if (slash < 0) {
            key = "abs-" + id.id().replace('.', '-');
        } else {
            String archive = id.id().substring(0, slash);
            if (!archive.startsWith("cs")) {
                return java.util.Optional.empty();
            }
            String subject = archive.contains(".") ? archive.substring(archive.indexOf('.') + 1) : cs.get().substring(3);
            key = "cs-" + subject + "-" + id.id().substring(slash + 1);
        }
        return java.util.Optional.of(NodeFactory.createURI("https://dblp.org/rec/journals/corr/" + key));
    }

    /** The SKOS concept scheme holding the arXiv categories. */
    public static Node categoryScheme() {
        return iri("category/");
    }

    public static Node category(String code) {
        return iri("category/" + encode(code));
    }

    /** The digest of a day; also the name of the graph its triples live in. */
    public static Node digest(LocalDate date) {
        return iri("digest/" + date);
    }

    /** The day of a digest graph, from its IRI ({@link #digest(LocalDate)} backwards); null for other IRIs. */
    public static LocalDate digestDay(Node graph) {
        String iri = graph != null && graph.isURI() ? graph.getURI() : "";
        String prefix = DKG.BASE + "digest/";
        if (!iri.startsWith(prefix) || iri.length() != prefix.length() + 10) return null;
        try {
            return LocalDate.parse(iri.substring(prefix.length()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The paper a node is about, from its IRI: a paper is its own; an appearance ({@link #appearance}) and the nodes
     * minted under it (its notes, its authorships) give the paper they list. Null for anything else.
     */
    public static Node paperOf(Node node) {
        String iri = node != null && node.isURI() ? node.getURI() : "";
        String papers = DKG.BASE + "paper/";
        if (iri.startsWith(papers)) return node;
        String digests = DKG.BASE + "digest/";
        int day = digests.length() + 10;                      // .../digest/YYYY-MM-DD
        if (!iri.startsWith(digests) || !iri.startsWith("/paper/", day)) return null;
        String path = LISTING_NODE_SUFFIX.matcher(iri.substring(day + 1)).replaceFirst("");
        return NodeFactory.createURI(DKG.BASE + path);
    }

    /** What {@link #note} and {@link #authorship} append to an appearance's IRI. */
    private static final Pattern LISTING_NODE_SUFFIX = Pattern.compile("/(note|author)/\\d+$");

    /** One paper listed in one digest: the appearance, {@code .../digest/DAY/paper/ID}. */
    public static Node appearance(LocalDate date, Node paper) {
        return NodeFactory.createURI(digest(date).getURI() + "/" + paper.getURI().substring(DKG.BASE.length()));
    }

    /** The author at {@code position} (1-based) of a listing. */
    public static Node authorship(Node appearance, int position) {
        return NodeFactory.createURI(appearance.getURI() + "/author/" + position);
    }

    public static Node categoryCount(LocalDate date, String code) {
        return NodeFactory.createURI(digest(date).getURI() + "/category/" + encode(code));
    }

    public static Node note(Node appearance, int index) {
        return NodeFactory.createURI(appearance.getURI() + "/note/" + index);
    }

    /**
     * A web page as printed in a digest, made safe as an IRI: the few characters an IRI may never hold (spaces,
     * controls, {@code <>"{}|\\^`}) are percent-encoded, everything else is kept so the link still resolves.
     */
    public static Node webPage(String url) {
        String s = url.strip();
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp <= 0x20 || cp == 0x7F || "<>\"{}|\\^`".indexOf(cp) >= 0) {
                for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    b.append('%').append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
                }
            } else {
                b.appendCodePoint(cp);
            }
        });
        return NodeFactory.createURI(b.toString());
    }

    private static Node iri(String path) {
        return NodeFactory.createURI(DKG.BASE + path);
    }

    /**
     * Percent-encodes what an IRI path segment may not hold; letters of any script stay as they are
     * (IRIs allow them), so names remain readable.
     */
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static String encode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '.' || cp == '_' || cp == '~') {
                b.appendCodePoint(cp);
            } else {
                for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    b.append('%').append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
                }
            }
        });
        return b.toString();
    }
}
