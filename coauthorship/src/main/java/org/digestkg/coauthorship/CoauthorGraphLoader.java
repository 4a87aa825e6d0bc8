package org.digestkg.coauthorship;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.vocabulary.RDF;
import org.digestkg.extractor.rdf.DCTERMS;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.FOAF;
import org.digestkg.extractor.rdf.SKOS;
import org.digestkg.storage.QuadTap;

/**
 * Reads papers and their authors: from the store, one scan of its index per predicate inside one read
 * transaction, or from the quads a load writes as it writes them ({@link Collector}). Either way each triple goes
 * through {@link Reading}, the one place that says what a triple means to the network, in any order, and becomes
 * {@link Facts}: joined in hash maps ({@link Rows}), or, for a load's collection, sorted on disk
 * ({@link SpilledNetwork}), which makes the same network.
 *
 * <p>The store is read as quads, not SPARQL solutions: over the union default graph, a query makes TDB2 drop
 * repeats of each triple across the named graphs, which for a year of digests cost more than everything else.
 * Repeats are harmless here: a paper's authors and days are sets, and where a paper could have two values (two
 * titles in two digests), the least is taken, whatever order the triples come in.
 */
final class CoauthorGraphLoader {

    private CoauthorGraphLoader() {
    }

    private static final Node TYPE = RDF.Nodes.type;

    /** Author ids follow this order, so that every listing is deterministic. */
    static final Comparator<AuthorRef> AUTHOR_ORDER =
            Comparator.comparing(AuthorRef::name).thenComparing(AuthorRef::iri);

    /**
     * A network as read, before its links are worked out: its authors (in id order), papers (in id order), each
     * paper's author ids, and the days each paper was listed on (epoch days, ascending). Keeping or updating the
     * network needs no links; {@link #graph()} works them out.
     */
    record Loaded(AuthorRef[] authors, PaperRef[] papers, int[][] authorsByPaper, int[][] days) {

        /** The network with its links: worked out anew on each call. */
        CoauthorGraph graph() {
            return CoauthorGraph.of(authors, papers, authorsByPaper);
        }
    }

    /**
     * The triples the network is read from, as a query with the loader's context reads the dataset: the union of
     * the named graphs when the context (else the dataset's own) says the default graph is that union, else the
     * default graph alone.
     */
    private record Triples(DatasetGraph dsg, boolean union) {

        static Triples of(DatasetGraph dsg, Context context) {
            Context settings = context != null && definesUnion(context) ? context : dsg.getContext();
            return new Triples(dsg, settings != null
                    && (settings.isTrue(TDB2.symUnionDefaultGraph1) || settings.isTrue(TDB2.symUnionDefaultGraph2)));
        }

        private static boolean definesUnion(Context c) {
            return c.isDefined(TDB2.symUnionDefaultGraph1) || c.isDefined(TDB2.symUnionDefaultGraph2);
        }

        /** Each subject and object of the triples matching {@code s p o} (null: any), repeats included. */
        void each(Node s, Node p, Node o, BiConsumer<Node, Node> subjectObject) {
            Node ss = s == null ? Node.ANY : s;
            Node oo = o == null ? Node.ANY : o;
            Iterator<Quad> quads = union ? dsg.findNG(Node.ANY, ss, p, oo) : dsg.find(Quad.defaultGraphIRI, ss, p, oo);
            try {
                while (quads.hasNext()) {
                    Quad q = quads.next();
                    subjectObject.accept(q.getSubject(), q.getObject());
                }
            } finally {
                Iter.close(quads);
            }
        }

        /** Hands every triple the network reads ({@link Reading#PREDICATES}) to {@code reading}. */
        void readAll(Reading reading) {
            for (Node predicate : Reading.PREDICATES) {
                each(null, predicate, null, (s, o) -> reading.accept(s, predicate, o));
            }
        }
    }

    /**
     * The network of a load into an empty store, collected from the quads the load writes, in any order, so that
     * it need not be read back from the store afterwards; written to disk as it comes ({@link SpilledNetwork}), so
     * that a decade's network does not stay in memory through the load. Papers whose listings the loader settled in
     * the store are read again from it at the end; anything else it was not shown makes the collection useless.
     */
    static final class Collector implements QuadTap, AutoCloseable {
        private SpilledNetwork spill;
        private Reading reading;
        private final Map<String, Node> settled = new LinkedHashMap<>();

        /** @param storeDir the store's folder, where the facts go while the load goes on */
        Collector(Path storeDir) {
            this(new SpilledNetwork(storeDir));
        }

        Collector(SpilledNetwork spill) {
            this.spill = spill;
            this.reading = new Reading(spill);
        }

        @Override
        public void quad(Quad quad) {
            if (reading != null) reading.accept(quad.getSubject(), quad.getPredicate(), quad.getObject());
        }

        @Override
        public void settled(Collection<Node> papers) {
            papers.forEach(p -> settled.put(key(p), p));
        }

        @Override
        public void missed() {
            close(); // the store must be read; drop what was collected
        }

        boolean complete() {
            return spill != null;
        }

        /**
         * Writes the network of the store after the load, as the calling thread's read transaction sees it, to
         * {@code file} under {@code stateKey}; once: what was collected is deleted.
         */
        void write(DatasetGraph dsg, Context context, Path file, String stateKey) throws IOException {
            try {
                if (!settled.isEmpty()) {
                    spill.replace(settled.keySet());
                    readAgain(Triples.of(dsg, context), settled.values(), new Reading(spill));
                }
                spill.write(file, stateKey);
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            if (spill != null) spill.close();
            spill = null;
            reading = null;
        }
    }

    /** @param context settings for reading the dataset over its own (whether the default graph is the union), or null */
    static CoauthorGraph load(DatasetGraph dsg, PaperFilter filter, Context context) {
        return loadWithDays(dsg, filter, context).graph();
    }

    /** Like {@link #load}, with the days each paper was listed on. */
    static Loaded loadWithDays(DatasetGraph dsg, PaperFilter filter, Context context) {
        Triples triples = Triples.of(dsg, context);
        return Txn.calculateRead(dsg, () -> {
            Rows r = new Rows();
            triples.readAll(r.reading);
            return r;
        }).build(filter);
    }

    /**
     * The whole network of the store, as {@link #loadWithDays} reads it with no filter, but put together on disk
     * ({@link SpilledNetwork}) and written to {@code file} under {@code stateKey}: read into rows in memory, a decade's
     * network did not fit a 1 GB heap beside the network made of them.
     *
     * @param storeDir the store's folder, where the facts are sorted meanwhile
     */
    static void writeWhole(DatasetGraph dsg, Context context, Path storeDir, Path file, String stateKey)
            throws IOException {
        Triples triples = Triples.of(dsg, context);
        try (SpilledNetwork spill = new SpilledNetwork(storeDir)) {
            Txn.executeRead(dsg, () -> triples.readAll(new Reading(spill)));
            spill.write(file, stateKey);
        }
    }

    /**
     * The whole network after the digests of {@code changedDays} were loaded, replaced or removed, from the network
     * {@code before} them and the store: only the papers listed on those days, before or now, are read again, the
     * others are taken as they were. A paper's facts live in its listings' digests, so a paper not listed on a
     * changed day has not changed; an author's name is read again when one of their papers was.
     *
     * @param before     the whole network of the store's state before the change, with its papers' listing days
     * @param changedDays the days of every digest changed since that state
     */
    static Loaded update(DatasetGraph dsg, Context context, Loaded before, Set<LocalDate> changedDays) {
        Triples triples = Triples.of(dsg, context);
        Set<Integer> changed = new HashSet<>();
        changedDays.forEach(d -> changed.add((int) d.toEpochDay()));
        return Txn.calculateRead(dsg, () -> {
            Map<String, Node> affected = new LinkedHashMap<>();
            for (int p = 0; p < before.papers().length; p++) {
                for (int day : before.days()[p]) {
                    if (changed.contains(day)) affected.put(before.papers()[p].iri(), NodeFactory.createURI(before.papers()[p].iri()));
                }
            }
            for (LocalDate d : changedDays) {
                Node day = NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate);
                triples.each(null, DCTERMS.date, day, (appearance, date) ->
                        triples.each(appearance, DKG.paper, null, (a, paper) -> affected.put(key(paper), paper)));
            }
            return reread(triples, before, affected);
        });
    }

    /**
     * The network {@code before} with the papers {@code affected} (and their authors' names) read again from the
     * store, the others taken as they were; inside a read transaction.
     */
    private static Loaded reread(Triples triples, Loaded before, Map<String, Node> affected) {
        Rows r = new Rows();
        readAgain(triples, affected.values(), r.reading);
        return merge(before, affected.keySet(), r.build(PaperFilter.ALL));
    }

    /**
     * What the network needs of these papers, read from the store: their own triples, their listings, their
     * authors' names, and the codes of every category.
     */
    private static void readAgain(Triples triples, Collection<Node> papers, Reading r) {
        Set<Node> authors = new LinkedHashSet<>();
        for (Node paper : papers) {
            for (Node predicate : Reading.PAPER_PREDICATES) {
                triples.each(paper, predicate, null, (s, o) -> {
                    r.accept(s, predicate, o);
                    if (predicate.equals(DCTERMS.creator)) authors.add(o);
                });
            }
            triples.each(null, DKG.paper, paper, (appearance, p) -> {
                r.accept(appearance, DKG.paper, p);
                triples.each(appearance, DCTERMS.date, null, (a, day) -> r.accept(a, DCTERMS.date, day));
            });
        }
        for (Node author : authors) {
            triples.each(author, FOAF.name, null, (a, name) -> r.accept(a, FOAF.name, name));
        }
        triples.each(null, SKOS.notation, null, (c, code) -> r.accept(c, SKOS.notation, code));
    }

    /**
     * {@code before} without the papers {@code replaced}, with the papers of {@code fresh} (read again: those of
     * {@code replaced} the store still holds, and any new ones), in the orders {@link Rows#build} gives: papers by
     * IRI, authors by name then IRI, each paper's author ids ascending. An author of a paper read again takes the
     * name read with it; an author no paper names any more is dropped.
     *
     * <p>Both networks are in those orders already, so this is a merge of sorted runs, without the hash maps and
     * sorts of taking the whole network through {@link Rows}: in a fresh process, a year's network was updated for a
     * new day in 0.12-0.15 s this way (the day's papers read from the store included), against 0.28-0.42 s.
     */
    static Loaded merge(Loaded before, Set<String> replaced, Loaded fresh) {
        PaperRef[] oldPapers = before.papers();
        boolean[] keptPaper = new boolean[oldPapers.length];
        boolean[] used = new boolean[before.authors().length];
        int count = fresh.papers().length;
        for (int p = 0; p < oldPapers.length; p++) {
            if (!replaced.contains(oldPapers[p].iri())) {
                keptPaper[p] = true;
                count++;
                for (int a : before.authorsByPaper()[p]) {
                    used[a] = true;
                }
            }
        }
        Authors authors = Authors.merge(before.authors(), used, fresh.authors());

        // papers: the kept ones (in IRI order already) merged with fresh's
        PaperRef[] newPapers = fresh.papers();
        PaperRef[] papers = new PaperRef[count];
        int[][] authorsByPaper = new int[count][];
        int[][] days = new int[count][];
        int n = 0;
        for (int p = 0, q = 0; ; ) {
            while (p < oldPapers.length && !keptPaper[p]) {
                p++;
            }
            if (p == oldPapers.length && q == newPapers.length) {
                break;
            }
            if (p == oldPapers.length
                    || (q < newPapers.length && newPapers[q].iri().compareTo(oldPapers[p].iri()) < 0)) {
                papers[n] = newPapers[q];
                authorsByPaper[n] = renumbered(fresh.authorsByPaper()[q], authors.freshToNew);
                days[n++] = fresh.days()[q++];
            } else {
                papers[n] = oldPapers[p];
                authorsByPaper[n] = renumbered(before.authorsByPaper()[p], authors.oldToNew);
                days[n++] = before.days()[p++];
            }
        }
        return new Loaded(authors.merged, papers, authorsByPaper, days);
    }

    /** The authors of a {@link #merge}, and where each old and fresh author id went. */
    private record Authors(AuthorRef[] merged, int[] oldToNew, int[] freshToNew) {

        /**
         * The old authors that {@code used} marks and that were not read again, merged with the fresh ones: an
         * author in both takes the fresh entry (the name read again) and its place.
         */
        static Authors merge(AuthorRef[] old, boolean[] used, AuthorRef[] fresh) {
            Map<String, Integer> freshIds = new HashMap<>();
            for (int f = 0; f < fresh.length; f++) {
                freshIds.put(fresh[f].iri(), f);
            }
            int[] oldToNew = new int[old.length];
            int[] freshToNew = new int[fresh.length];
            int size = 0;
            for (int b = 0, f = 0; ; ) {
                while (b < old.length && (!used[b] || freshIds.containsKey(old[b].iri()))) {
                    b++;
                }
                if (b == old.length && f == fresh.length) {
                    break;
                }
                if (b == old.length || (f < fresh.length && AUTHOR_ORDER.compare(fresh[f], old[b]) < 0)) {
                    freshToNew[f++] = size++;
                } else {
                    oldToNew[b++] = size++;
                }
            }
            AuthorRef[] merged = new AuthorRef[size];
            for (int f = 0; f < fresh.length; f++) {
                merged[freshToNew[f]] = fresh[f];
            }
            for (int b = 0; b < old.length; b++) {
                if (used[b]) {
                    Integer f = freshIds.get(old[b].iri());
                    if (f != null) {
                        oldToNew[b] = freshToNew[f];
                    } else {
                        merged[oldToNew[b]] = old[b];
                    }
                }
            }
            return new Authors(merged, oldToNew, freshToNew);
        }
    }

    /** Author ids in the merged numbering, ascending. */
    private static int[] renumbered(int[] ids, int[] newId) {
        int[] renumbered = new int[ids.length];
        boolean ascending = true;
        for (int i = 0; i < ids.length; i++) {
            renumbered[i] = newId[ids[i]];
            ascending &= i == 0 || renumbered[i] > renumbered[i - 1];
        }
        if (!ascending) {
            Arrays.sort(renumbered); // an author read again may have moved with a new name
        }
        return renumbered;
    }

    /**
     * What the network is made of, as {@link Reading} finds it in triples: kept in memory ({@link Rows}) or written to
     * disk ({@link SpilledNetwork}). Any fact may come more than once, and in any order.
     */
    interface Facts {
        /** The subject is typed dkg:Paper: only papers are kept. */
        void paper(String paper);

        void creator(String paper, String author);

        void arxivId(String paper, String id);

        void title(String paper, String title);

        void mainCategory(String paper, String concept);

        void name(String author, String name);

        void notation(String concept, String code);

        /** The paper was listed on that day (an epoch day). */
        void listed(String paper, int epochDay);
    }

    /**
     * What one triple says about the network, the one place that says it; a triple of another predicate says
     * nothing. In any order: a listing's paper and day come in two triples about the appearance, joined here.
     */
    static final class Reading {
        /** The predicates of a paper's own triples the network reads. */
        static final List<Node> PAPER_PREDICATES = List.of(TYPE, DCTERMS.creator, DKG.arxivId, DCTERMS.title,
                DKG.mainCategory);
        /** Every predicate the network reads: a paper's, authors' names, categories' codes, listings and days. */
        static final List<Node> PREDICATES = List.of(TYPE, DCTERMS.creator, DKG.arxivId, DCTERMS.title,
                DKG.mainCategory, FOAF.name, SKOS.notation, DKG.paper, DCTERMS.date);

        private final Facts facts;
        /**
         * Appearances of papers in digests whose paper or day has not arrived yet: once both have, the paper is
         * told the day and the appearance forgotten, so that a load's stream holds only its current digest's.
         */
        private final Map<String, Appearance> appearances = new HashMap<>();

        private static final class Appearance {
            String paper;
            /** Epoch day; {@link #UNDATED} while not known. */
            int day = UNDATED;

            static final int UNDATED = Integer.MIN_VALUE;
        }

        Reading(Facts facts) {
            this.facts = facts;
        }

        void accept(Node s, Node p, Node o) {
            if (p.equals(DCTERMS.creator)) {
                facts.creator(key(s), key(o));
            } else if (p.equals(TYPE)) {
                if (o.equals(DKG.Paper)) facts.paper(key(s));
            } else if (p.equals(DKG.arxivId)) {
                facts.arxivId(key(s), lexical(o));
            } else if (p.equals(DCTERMS.title)) {
                facts.title(key(s), lexical(o));
            } else if (p.equals(DKG.mainCategory)) {
                facts.mainCategory(key(s), key(o));
            } else if (p.equals(FOAF.name)) {
                facts.name(key(s), lexical(o));
            } else if (p.equals(SKOS.notation)) {
                facts.notation(key(s), lexical(o));
            } else if (p.equals(DKG.paper)) {
                String appearance = key(s);
                Appearance a = appearances.computeIfAbsent(appearance, k -> new Appearance());
                a.paper = key(o);
                listed(appearance, a);
            } else if (p.equals(DCTERMS.date)) {
                LocalDate day = date(o);
                if (day != null) {
                    String appearance = key(s);
                    Appearance a = appearances.computeIfAbsent(appearance, k -> new Appearance());
                    a.day = (int) day.toEpochDay();
                    listed(appearance, a);
                }
            }
        }

        /** An appearance whose paper and day are both known: the paper is listed that day. */
        private void listed(String appearance, Appearance a) {
            if (a.paper != null && a.day != Appearance.UNDATED) {
                facts.listed(a.paper, a.day);
                appearances.remove(appearance);
            }
        }
    }

    /** Everything read, interned by IRI, in memory. */
    private static final class Rows implements Facts {
        private final Map<String, Integer> authorIndex = new HashMap<>();
        private final List<String> authorIris = new ArrayList<>();
        /** By author id, null while not known: keyed by IRI, it held a second copy of every author's IRI. */
        private final List<String> names = new ArrayList<>();
        private final Map<String, String> notations = new HashMap<>();
        /** Each category concept's IRI once: a decade's papers held a copy each. */
        private final Map<String, String> concepts = new HashMap<>();
        private final Map<String, PaperRow> papers = new HashMap<>();
        /** Triples become this one's facts through it. */
        private final Reading reading = new Reading(this);

        @Override
        public void paper(String paper) {
            row(paper).paper = true;
        }

        @Override
        public void creator(String paper, String author) {
            row(paper).addAuthor(intern(author));
        }

        @Override
        public void arxivId(String paper, String id) {
            PaperRow row = row(paper);
            row.arxivId = least(row.arxivId, id);
        }

        @Override
        public void title(String paper, String title) {
            PaperRow row = row(paper);
            row.title = least(row.title, title);
        }

        @Override
        public void mainCategory(String paper, String concept) {
            PaperRow row = row(paper);
            row.concept = least(row.concept, concepts.computeIfAbsent(concept, k -> k));
        }

        @Override
        public void name(String author, String name) {
            int id = intern(author);
            names.set(id, least(names.get(id), name));
        }

        @Override
        public void notation(String concept, String code) {
            notations.merge(concept, code, CoauthorGraphLoader::least);
        }

        @Override
        public void listed(String paper, int epochDay) {
            row(paper).seenOn(epochDay);
        }

        private PaperRow row(String iri) {
            return papers.computeIfAbsent(iri, PaperRow::new);
        }

        private int intern(String author) {
            Integer id = authorIndex.get(author);
            if (id == null) {
                id = authorIris.size();
                authorIndex.put(author, id);
                authorIris.add(author);
                names.add(null);
            }
            return id;
        }

        Loaded build(PaperFilter filter) {
            List<PaperRow> kept = new ArrayList<>();
            for (PaperRow row : papers.values()) {
                if (!row.paper) continue; // a subject with a title or creator that is not a dkg:Paper
                row.finish(notations);
                if (filter.accepts(row.ref)) {
                    kept.add(row);
                }
            }
            kept.sort(Comparator.comparing(r -> r.iri));

            // only authors of kept papers are nodes; ids in name order make every listing deterministic
            boolean[] used = new boolean[authorIris.size()];
            for (PaperRow row : kept) {
                for (int i = 0; i < row.authorCount; i++) {
                    used[row.authors[i]] = true;
                }
            }
            List<AuthorRef> refs = new ArrayList<>();
            List<Integer> rawIds = new ArrayList<>();
            for (int raw = 0; raw < used.length; raw++) {
                if (used[raw]) {
                    String iri = authorIris.get(raw);
                    String name = names.get(raw);
                    if (name == null) name = nameFromIri(iri); // not as getOrDefault's argument: made for every author
                    refs.add(new AuthorRef(iri, name));
                    rawIds.add(raw);
                }
            }
            Integer[] order = new Integer[refs.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> AUTHOR_ORDER.compare(refs.get(x), refs.get(y)));
            AuthorRef[] authors = new AuthorRef[order.length];
            int[] newId = new int[authorIris.size()];
            for (int i = 0; i < order.length; i++) {
                authors[i] = refs.get(order[i]);
                newId[rawIds.get(order[i])] = i;
            }

            PaperRef[] paperRefs = new PaperRef[kept.size()];
            int[][] authorsByPaper = new int[kept.size()][];
            int[][] days = new int[kept.size()][];
            for (int p = 0; p < kept.size(); p++) {
                PaperRow row = kept.get(p);
                paperRefs[p] = row.ref;
                days[p] = Arrays.copyOf(row.days, row.dayCount);
                int[] ids = new int[row.authorCount];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = newId[row.authors[i]];
                }
                Arrays.sort(ids);
                authorsByPaper[p] = ids;
            }
            return new Loaded(authors, paperRefs, authorsByPaper, days);
        }
    }

    /** A paper being read: its fields and its author ids, which arrive one triple at a time. */
    private static final class PaperRow {
        final String iri;
        /** Typed dkg:Paper: only papers are kept. */
        boolean paper;
        String arxivId;
        String title;
        /** The IRI of the main category's concept. */
        String concept;
        int[] authors = new int[4];
        int authorCount;
        int[] days = new int[2];
        int dayCount;
        /** Once {@link #finish finished}. */
        PaperRef ref;

        PaperRow(String iri) {
            this.iri = iri;
        }

        void seenOn(int epochDay) {
            if (dayCount == days.length) {
                days = Arrays.copyOf(days, dayCount * 2);
            }
            days[dayCount++] = epochDay;
        }

        void addAuthor(int id) {
            if (authorCount == authors.length) {
                authors = Arrays.copyOf(authors, authorCount * 2);
            }
            authors[authorCount++] = id;
        }

        /** Drops the repeats that several appearances (or several digests) of the paper produce; makes its {@link #ref}. */
        void finish(Map<String, String> notations) {
            authorCount = distinct(authors, authorCount);
            dayCount = distinct(days, dayCount);
            ref = paperRef(iri, arxivId, title, concept, notations, dayCount == 0 ? null : days[0], authorCount);
        }
    }

    /** Sorts the first {@code n} values and keeps each once, at the front; how many are kept. */
    static int distinct(int[] values, int n) {
        Arrays.sort(values, 0, n);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (kept == 0 || values[kept - 1] != values[i]) {
                values[kept++] = values[i];
            }
        }
        return kept;
    }

    /**
     * A paper as the network lists it, from what was read of it: the least of each value read, the rules for one
     * missing (the arXiv id from the IRI, no title, the category's code from its concept's IRI) in this one place.
     *
     * @param firstDay the least epoch day it was listed on, or null
     */
    static PaperRef paperRef(String iri, String arxivId, String title, String concept, Map<String, String> notations,
            Integer firstDay, int authorCount) {
        String id = arxivId != null ? arxivId : lastSegment(iri);
        String category = concept == null ? null : notations.getOrDefault(concept, lastSegment(concept));
        LocalDate firstListed = firstDay == null ? null : LocalDate.ofEpochDay(firstDay);
        return new PaperRef(iri, id, title != null ? title : "", category, firstListed, authorCount);
    }

    private static String key(Node node) {
        return node.isURI() ? node.getURI() : node.toString();
    }

    /** The lesser of two values, either of which may be null: the same whichever comes first. */
    static String least(String current, String candidate) {
        if (current == null) return candidate;
        if (candidate == null) return current;
        return candidate.compareTo(current) < 0 ? candidate : current;
    }

    private static String lexical(Node node) {
        if (node == null) {
            return null;
        }
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
    }

    private static LocalDate date(Node node) {
        if (node == null || !node.isLiteral()) {
            return null;
        }
        String lexical = node.getLiteralLexicalForm();
        try {
            // xsd:date may carry a timezone ("2026-02-04Z"); the day is what matters here
            return LocalDate.parse(lexical.length() > 10 ? lexical.substring(0, 10) : lexical);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String lastSegment(String iri) {
        return decode(iri.substring(iri.lastIndexOf('/') + 1));
    }

    /** An author without foaf:name: recover a readable name from the IRI (minted as the name, {@code _} for spaces). */
    static String nameFromIri(String iri) {
        return lastSegment(iri).replace('_', ' ');
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
