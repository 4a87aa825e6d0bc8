package org.digestkg.storage.text;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.digestkg.extractor.rdf.DCTERMS;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.RDF;

/**
 * The texts the search index holds, one Lucene field each: every literal stated with one of these predicates,
 * in any graph, is indexed, and nothing else is. This is the one place that says what is searchable; a new kind of
 * text (a new note predicate, say) is one more constant here, and {@code kg index --rebuild} indexes it in an
 * existing store.
 *
 * <p>The boost is how much a match in the field counts against a match elsewhere: a paper whose title holds the
 * words ranks above one that only mentions them in its abstract.
 */
public enum IndexedText {

    TITLE("title", DCTERMS.title, "title", 4f),
    TRANSLATED_TITLE("translatedTitle", DKG.translatedTitle, "translated title", 4f),
    KEYWORDS("keywords", DKG.keywords, "keywords", 2f),
    TLDR("tldr", DKG.tldr, "TL;DR", 1.5f),
    ABSTRACT("abstract", DCTERMS.abstract_, "abstract", 1f),
    ABSTRACT_TRANSLATION("abstractTranslation", DKG.abstractTranslation, "abstract translation", 1f),
    MOTIVATION("motivation", DKG.motivation, "motivation", 1f),
    METHOD("method", DKG.method, "method", 1f),
    RESULT("result", DKG.result, "result", 1f),
    CONCLUSION("conclusion", DKG.conclusion, "conclusion", 1f),
    /** The text of a note ({@code dkg:Note}, under an appearance): {@code rdf:value}. */
    NOTE("note", RDF.value, "note", 1f);

    /** Lucene field name; also what a query names to search only this text ({@code title:diffusion}). */
    public final String field;
    public final Node predicate;
    /** How a person calls it. */
    public final String label;
    public final float boost;

    IndexedText(String field, Node predicate, String label, float boost) {
        this.field = field;
        this.predicate = predicate;
        this.label = label;
        this.boost = boost;
    }

    public static Optional<IndexedText> ofField(String field) {
        return Arrays.stream(values()).filter(t -> t.field.equals(field)).findFirst();
    }

    public static Optional<IndexedText> ofPredicate(Node predicate) {
        return Arrays.stream(values()).filter(t -> t.predicate.equals(predicate)).findFirst();
    }

    /** The field names, for messages: "title, translatedTitle, ...". */
    public static List<String> fieldNames() {
        return Arrays.stream(values()).map(t -> t.field).toList();
    }
}
