package org.digestkg.extractor.rdf;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.digestkg.extractor.model.AuthorName;
import org.digestkg.extractor.model.Languages;
import org.digestkg.extractor.model.Digest;
import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Note;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.parse.DigestSink;

/**
 * Turns the events of a digest into quads, streamed into a Jena {@link StreamRDF} as they come: nothing of the
 * digest is held but a few sets of IRIs, so a digest of any size maps in constant memory per paper.
 *
 * <p>Every quad of a digest goes into the named graph {@link Iris#digest(LocalDate)}, so a digest can be replaced or
 * deleted as a whole. The mapper does not call {@code start()}/{@code finish()} on the stream: the caller owns it
 * (and may push several digests through one mapper, one {@code start}/{@code finish} pair each).
 *
 * <p>A paper listed twice in one digest (cross-listed under two section headings) has one appearance with two
 * {@code dkg:section} values; the second listing adds only its section, its rank, line and texts are the first's.
 */
public final class RdfMapper implements DigestSink {

    /**
     * The predicates whose subject is the paper on its latest listing and the appearance on older ones (see
     * {@link ListingPolicy}). Besides title, abstract, main category and authorships, arXiv's comment, keywords,
     * categories (cross-lists come and go), code links and the dblp record (which follows the categories): they too
     * change with versions, and keeping an old listing's on the paper would give it several in the union.
     * The store moves exactly these when a listing stops or becomes the latest.
     */
    public static final List<Node> LISTING_FACTS = List.of(
            DCTERMS.title, DCTERMS.abstract_, DKG.mainCategory, DKG.authorship, DKG.arxivComment, DKG.keywords,
            DKG.arxivCategory, DKG.codeRepository, DKG.dblpRecord);

    private final StreamRDF out;
    private final ListingPolicy policy;
    private long papers;

    // the digest being mapped, and what of it has been written already (to write each node once per graph)
    private Digest digest;
    private Node graph;
    private Node digestNode;
    private final Set<Node> listed = new HashSet<>();
    private final Set<Node> authors = new HashSet<>();
    private final Set<String> concepts = new HashSet<>();
    private final Map<String, Integer> claimed = new LinkedHashMap<>();
    private final Map<String, Set<Node>> found = new LinkedHashMap<>();

    /** A mapper for which every listing is its paper's latest (a digest on its own, or an export). */
    public RdfMapper(StreamRDF out) {
        this(out, ListingPolicy.ALWAYS_LATEST);
    }

    public RdfMapper(StreamRDF out, ListingPolicy policy) {
        this.out = out;
        this.policy = policy;
    }

    /** Listings mapped so far, over all digests; a paper cross-listed within one digest counts once. */
    public long papers() {
        return papers;
    }

    @Override
    public void start(Digest d) {
        digest = d;
        graph = Iris.digest(d.date());
        digestNode = graph;
        listed.clear();
        authors.clear();
        concepts.clear();
        claimed.clear();
        found.clear();

        quad(digestNode, RDF.type, DKG.Digest);
        quad(digestNode, DCTERMS.date, date(d.date()));
        if (d.source() != null) quad(digestNode, DKG.sourceFile, string(d.source()));
        if (d.sha256() != null) quad(digestNode, DKG.sha256, string(d.sha256()));
        quad(digestNode, RDFS.label, string("arXiv digest of " + d.date()));
    }

    @Override
    public void claimedCount(String code, int count) {
        requireStarted();
        String c = blankToNull(code);
        if (c == null) return;   // a nameless claim names no category (and "" would mint the scheme's IRI)
        // a table of contents naming a category twice keeps its first count: a second would break "one claim"
        if (claimed.putIfAbsent(c, count) == null) concept(c);
    }

    @Override
    public void paper(Paper p) {
        requireStarted();
        LocalDate day = digest.date();
        Node paper = Iris.paper(p);
        Node appearance = Iris.appearance(day, paper);
        String section = blankToNull(p.section());

        if (!listed.add(paper)) {
            if (section != null && foundIn(section, paper)) quad(appearance, DKG.section, concept(section));
            return;
        }
        papers++;

        boolean latest = policy.isLatest(paper, day);
        // the listing's own metadata: on the paper if this is its latest listing, else kept on the appearance
        Node facts = latest ? paper : appearance;

        quad(paper, RDF.type, DKG.Paper);
        if (p.arxivId() != null) {
            quad(paper, DKG.arxivId, string(p.arxivId().id()));
            quad(paper, FOAF.page, Iris.webPage(p.arxivId().absUrl()));
            // the arXiv DOI is the id's, whatever the version or the day
            String doi = Iris.doi(p.arxivId());
            quad(paper, DKG.doi, string(doi));
            quad(paper, DKG.doiLink, Iris.doiLink(doi));
        } else {
            quad(paper, FOAF.page, Iris.webPage(p.link()));
        }
        if (blankToNull(p.title()) != null) quad(facts, DCTERMS.title, string(p.title()));
        // the generator files each paper under its main category, so a listing that prints none has its section's
        String main = blankToNull(p.mainCategory());
        if (main == null) main = blankToNull(p.section());
        if (main != null) quad(facts, DKG.mainCategory, concept(main));
        // every category, cross-lists too: the primary one is also the main category
        Set<String> categories = new LinkedHashSet<>();
        if (main != null) categories.add(main);
        p.categories().forEach(c -> { if (blankToNull(c) != null) categories.add(c.strip()); });
        for (String c : categories) quad(facts, DKG.arxivCategory, concept(c));
        // dblp lists the papers of computer science categories: a listing's categories say whether it has a record
        if (p.arxivId() != null) {
            Iris.dblpRecord(p.arxivId(), List.copyOf(categories)).ifPresent(d -> quad(facts, DKG.dblpRecord, d));
        }
        for (String code : new LinkedHashSet<>(p.codeLinks())) {
            if (blankToNull(code) != null) quad(facts, DKG.codeRepository, Iris.webPage(code));
        }

        int position = 0;
        for (int i = 0; i < p.authors().size(); i++) {
            String printed = p.authors().get(i);
            if (printed == null || printed.isBlank()) continue;
            position++;
            // the person: the printed name, or the name an alias file shows them under
            String identity = p.identities().get(i);
            Node author = Iris.author(identity);
            if (authors.add(author)) {
                quad(author, RDF.type, DKG.Author);
                quad(author, FOAF.name, string(AuthorName.normalise(identity)));
            }
            Node ship = Iris.authorship(appearance, position);
            quad(ship, RDF.type, DKG.Authorship);
            quad(ship, DKG.author, author);
            quad(ship, DKG.position, integer(position));
            quad(ship, DKG.printedName, string(printed.strip()));
            quad(facts, DKG.authorship, ship);
            if (latest) quad(paper, DCTERMS.creator, author);
        }

        quad(appearance, RDF.type, DKG.Appearance);
        quad(appearance, DKG.paper, paper);
        quad(appearance, DKG.digest, digestNode);
        quad(appearance, DCTERMS.date, date(day));
        if (p.rank() > 0) quad(appearance, DKG.rank, integer(p.rank()));
        if (section != null && foundIn(section, paper)) quad(appearance, DKG.section, concept(section));
        if (p.line() > 0) quad(appearance, DKG.sourceLine, integer(p.line()));
        if (p.arxivId() != null && p.arxivId().version() != null) {
            quad(appearance, DKG.arxivVersion, integer(p.arxivId().version()));
        }

        // a field the generator printed as "Error" is a fact about the listing, not a text
        for (Field f : p.failed()) {
            quad(appearance, DKG.failedField, predicate(f));
        }
        for (Map.Entry<Field, String> f : p.fields().entrySet()) {
            field(f.getKey(), f.getValue(), facts, appearance);
        }
        int index = 0;
        for (Note n : p.notes()) {
            if (n.text() == null || n.text().isBlank()) continue;
            Node note = Iris.note(appearance, ++index);
            quad(appearance, DKG.note, note);
            quad(note, RDF.type, DKG.Note);
            // text a template prints without a label has none
            if (blankToNull(n.label()) != null) quad(note, RDFS.label, string(n.label().strip()));
            quad(note, RDF.value, text(n.text()));
        }
    }

    @Override
    public void finish() {
        requireStarted();
        LocalDate day = digest.date();
        Set<String> codes = new LinkedHashSet<>(claimed.keySet());
        codes.addAll(found.keySet());
        for (String code : codes) {
            Node count = Iris.categoryCount(day, code);
            quad(digestNode, DKG.categoryCount, count);
            quad(count, RDF.type, DKG.CategoryCount);
            quad(count, DKG.category, concept(code));
            Integer claim = claimed.get(code);
            if (claim != null) quad(count, DKG.claimedCount, integer(claim));
            quad(count, DKG.foundCount, integer(found.getOrDefault(code, Set.of()).size()));
        }
        digest = null;
    }

    /** The predicate a field's text is stated with. */
    static Node predicate(Field f) {
        return switch (f) {
            case TLDR -> DKG.tldr;
            case MOTIVATION -> DKG.motivation;
            case METHOD -> DKG.method;
            case RESULT -> DKG.result;
            case CONCLUSION -> DKG.conclusion;
            case ABSTRACT -> DCTERMS.abstract_;
            case COMMENT -> DKG.arxivComment;
            case KEYWORDS -> DKG.keywords;
            case TRANSLATED_TITLE -> DKG.translatedTitle;
            case ABSTRACT_TRANSLATION -> DKG.abstractTranslation;
        };
    }

    private void field(Field f, String value, Node facts, Node appearance) {
        if (value == null || value.isBlank()) return;
        Node p = predicate(f);
        switch (f) {
            // arXiv abstracts are English whatever the digest's language
            case ABSTRACT -> quad(facts, p, NodeFactory.createLiteralLang(value, "en"));
            case COMMENT -> quad(facts, p, string(value));
            case KEYWORDS -> quad(facts, p, text(value));
            default -> quad(appearance, p, text(value));
        }
    }

    /** Records that {@code paper} is listed under {@code section}; false if it already was. */
    private boolean foundIn(String section, Node paper) {
        return found.computeIfAbsent(section, k -> new LinkedHashSet<>()).add(paper);
    }

    /** The concept of a category code, its description written the first time this digest mentions it. */
    private Node concept(String code) {
        Node c = Iris.category(code);
        if (concepts.isEmpty()) {
            quad(Iris.categoryScheme(), RDF.type, SKOS.ConceptScheme);
            quad(Iris.categoryScheme(), RDFS.label, NodeFactory.createLiteralLang("arXiv categories", "en"));
        }
        if (concepts.add(code)) {
            quad(c, RDF.type, SKOS.Concept);
            quad(c, SKOS.notation, string(code));
            ArxivCategories.label(code).ifPresent(l -> quad(c, SKOS.prefLabel, NodeFactory.createLiteralLang(l, "en")));
            quad(c, SKOS.inScheme, Iris.categoryScheme());
        }
        return c;
    }

    private void quad(Node s, Node p, Node o) {
        out.quad(Quad.create(graph, s, p, o));
    }

    private void requireStarted() {
        if (digest == null) throw new IllegalStateException("event outside start(Digest)...finish()");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Node string(String s) {
        return NodeFactory.createLiteralString(s);
    }

    private static Node text(String s) {
        return NodeFactory.createLiteralLang(s, Languages.tag(s));
    }

    private static Node integer(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger);
    }

    private static Node date(LocalDate d) {
        return NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate);
    }
}
