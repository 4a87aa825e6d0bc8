package org.digestkg.storage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.Iris;
import org.digestkg.storage.Stats.DayCount;
import org.digestkg.storage.query.NamedQueries;

/** The papers per category per day of {@link Stats}: all of them, or those a change touched. */
final class PapersPerCategory {

    private PapersPerCategory() {
    }

    /** Every row, by papers-per-category.rq. */
    static List<DayCount> count(DatasetGraph dsg) {
        List<DayCount> days = new ArrayList<>();
        try (QueryExec qe = QueryExec.dataset(dsg).query(QueryFactory.create(NamedQueries.load("papers-per-category"))).build()) {
            qe.select().forEachRemaining(b -> days.add(dayCount(b)));
        }
        return days;
    }

    /**
     * The papers per category per day after a change to the digest graphs {@code changed}, from {@code before}: the
     * rows of those graphs' days counted again, the others kept. That is right when each digest's rows come from its
     * own graph: every digest has section headings (papers-per-category.rq counts one without them from its
     * listings, whose main category may hang off the paper in another graph), sits in the graph of its day, dated that
     * day, as the loader writes it, and the change wrote no date other than its graph's. Otherwise all rows are
     * counted again, by the query over every digest.
     */
    static List<DayCount> afterChange(DatasetGraph dsg, List<DayCount> before, Set<Node> changed) {
        Set<LocalDate> days = new HashSet<>();
        for (Node g : changed) {
            LocalDate day = g == null ? null : Iris.digestDay(g);
            if (day == null) return count(dsg);
            days.add(day);
        }
        if (!eachDigestCountedInItsOwnGraph(dsg)) return count(dsg);
        List<DayCount> rows = new ArrayList<>();
        for (DayCount d : before) if (!days.contains(d.date())) rows.add(d);
        Query query = QueryFactory.create(SECTION_COUNTS);
        for (LocalDate day : days) {
            try (QueryExec qe = QueryExec.dataset(dsg).query(query).substitution("digestGraph", Iris.digest(day)).build()) {
                qe.select().forEachRemaining(b -> rows.add(dayCount(b)));
            }
        }
        rows.sort(Comparator.comparing(DayCount::date).thenComparing(DayCount::category));
        return rows;
    }

    /**
     * Whether every digest is in the graph of its day, dated that day, where the loader writes it, and has a listing
     * under a section heading, so that papers-per-category.rq counts it from that graph alone. Looked up directly: as
     * SPARQL ({@code FILTER NOT EXISTS} over the digests) it took a quarter of a second in a JVM just started.
     */
    private static boolean eachDigestCountedInItsOwnGraph(DatasetGraph dsg) {
        Iterator<Quad> digests = dsg.findNG(Node.ANY, Node.ANY, RDF.Nodes.type, DKG.Digest);
        try {
            while (digests.hasNext()) {
                Quad q = digests.next();
                LocalDate day = Iris.digestDay(q.getGraph());
                if (day == null || !datedOnly(dsg, q.getGraph(), q.getSubject(), day.toString())
                        || !hasSectionedListing(dsg, q.getSubject())) {
                    return false;
                }
            }
            return true;
        } finally {
            Iter.close(digests);
        }
    }

    private static boolean datedOnly(DatasetGraph dsg, Node graph, Node digest, String day) {
        Iterator<Quad> dates = dsg.find(graph, digest, DCTerms.date.asNode(), Node.ANY);
        try {
            while (dates.hasNext()) {
                Node date = dates.next().getObject();
                if (!date.isLiteral() || !date.getLiteralLexicalForm().equals(day)) return false;
            }
            return true;
        } finally {
            Iter.close(dates);
        }
    }

    /** {@code ?listed dkg:digest digest ; dkg:section ?any} over the union, as the query asks it. */
    private static boolean hasSectionedListing(DatasetGraph dsg, Node digest) {
        Iterator<Quad> listed = dsg.findNG(Node.ANY, Node.ANY, DKG.digest, digest);
        try {
            while (listed.hasNext()) {
                Iterator<Quad> section = dsg.findNG(Node.ANY, listed.next().getSubject(), DKG.section, Node.ANY);
                try {
                    if (section.hasNext()) return true;
                } finally {
                    Iter.close(section);
                }
            }
            return false;
        } finally {
            Iter.close(listed);
        }
    }

    private static final String PREFIXES = """
            PREFIX dkg:     <https://w3id.org/digest-kg/ontology#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
            """;

    /** papers-per-category.rq's first branch, for the digest graph ?digestGraph. */
    private static final String SECTION_COUNTS = PREFIXES + """
            SELECT ?date ?category ?papers {
              GRAPH ?digestGraph {
                ?digest  a dkg:Digest ; dcterms:date ?date ; dkg:categoryCount ?count .
                ?count   dkg:foundCount ?papers ; dkg:category ?concept .
                ?concept skos:notation ?category .
                FILTER (?papers > 0)
              }
            }""";

    private static DayCount dayCount(Binding b) {
        return new DayCount(LocalDate.parse(b.get("date").getLiteralLexicalForm()),
                b.get("category").getLiteralLexicalForm(), Long.parseLong(b.get("papers").getLiteralLexicalForm()));
    }
}
