package org.digestkg.coauthorship;

import static org.digestkg.coauthorship.SpillFile.readString;
import static org.digestkg.coauthorship.SpillFile.writeString;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.digestkg.coauthorship.CoauthorGraphLoader.Facts;
import org.digestkg.storage.Folders;

/**
 * The facts of a network written to disk as they come and put together into a {@link NetworkFile} by sorting them
 * there, so that the memory it takes does not grow with the network: a first build of a decade of digests held
 * hundreds of megabytes of rows otherwise. The result is the file {@link CoauthorGraphLoader.Rows} would make of
 * the same facts, in the same orders: papers by IRI, authors by name then IRI, each paper's author ids ascending.
 *
 * <p>Four sorts, each a pass over what the last one wrote: the papers' facts by paper, which makes each paper and the
 * list of its authors; those (author, paper) links by author, joined with the authors' names sorted the same way;
 * the authors by name, which numbers them; and the (paper, author id) pairs by paper, which the file takes with each
 * paper. Its own folder, in the store's, holds the files meanwhile.
 */
final class SpilledNetwork implements Facts, AutoCloseable {

    /**
     * The folder's name in the store's folder, made when the first run is written; one left by a process that was
     * stopped is deleted by the next writer ({@link #removeLeftover}).
     */
    static final String FOLDER = "coauthorship.spill";
    /** Records held in memory per sort before they are written as a run; a test sets it low to make runs. */
    static final String IN_MEMORY = "digestkg.networkSpillInMemory";
    private static final int DEFAULT_IN_MEMORY = 1 << 17;

    private enum Kind { PAPER, CREATOR, ARXIV_ID, TITLE, CATEGORY, LISTED }

    /** A fact about a paper; {@code kept} when it holds even for a paper whose facts were {@link #replace replaced}. */
    private record PaperFact(String paper, Kind kind, String value, int day, boolean kept) {
    }

    private record Link(String author, int paper) {
    }

    private record Author(String name, String iri, int[] papers) {
    }

    private record PaperAuthor(int paper, int author) {
    }

    /** A paper of the file, its authors' ids still to be joined. */
    private record Paper(PaperRef ref, int[] days) {
    }

    private final Path dir;
    private final int inMemory;
    private final ExternalSort<PaperFact> facts;
    /** Each name read, as an author (IRI, name): the least is the author's. */
    private final ExternalSort<AuthorRef> names;
    /** Category codes: a few hundred concepts. */
    private final Map<String, String> notations = new HashMap<>();
    /** Papers whose facts so far no longer hold: only those added as {@code kept} count for them. */
    private final Set<String> replaced = new HashSet<>();
    /** Whether facts added now hold for replaced papers. */
    private boolean keeping;

    SpilledNetwork(Path storeDir) {
        this(storeDir, Integer.getInteger(IN_MEMORY, DEFAULT_IN_MEMORY));
    }

    /** @param inMemory records held in memory per sort before they are written as a run */
    SpilledNetwork(Path storeDir, int inMemory) {
        this.dir = storeDir.resolve(FOLDER);
        this.inMemory = inMemory;
        this.facts = new ExternalSort<>(dir, "facts", FACT_CODEC, Comparator.comparing(PaperFact::paper), inMemory);
        this.names = new ExternalSort<>(dir, "names", AUTHOR_REF_CODEC,
                Comparator.comparing(AuthorRef::iri).thenComparing(AuthorRef::name), inMemory);
    }

    /** Deletes a folder a stopped process left in the store's folder. */
    static void removeLeftover(Path storeDir) {
        try {
            Folders.deleteTree(storeDir.resolve(FOLDER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + storeDir.resolve(FOLDER) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The facts added so far about these papers no longer hold: the facts added from now on (the papers read again)
     * replace them.
     */
    void replace(Set<String> papers) {
        replaced.addAll(papers);
        keeping = true;
    }

    @Override
    public void paper(String paper) {
        facts.add(new PaperFact(paper, Kind.PAPER, null, 0, keeping));
    }

    @Override
    public void creator(String paper, String author) {
        facts.add(new PaperFact(paper, Kind.CREATOR, author, 0, keeping));
    }

    @Override
    public void arxivId(String paper, String id) {
        facts.add(new PaperFact(paper, Kind.ARXIV_ID, id, 0, keeping));
    }

    @Override
    public void title(String paper, String title) {
        facts.add(new PaperFact(paper, Kind.TITLE, title, 0, keeping));
    }

    @Override
    public void mainCategory(String paper, String concept) {
        facts.add(new PaperFact(paper, Kind.CATEGORY, concept, 0, keeping));
    }

    @Override
    public void name(String author, String name) {
        names.add(new AuthorRef(author, name));
    }

    @Override
    public void notation(String concept, String code) {
        notations.merge(concept, code, CoauthorGraphLoader::least);
    }

    @Override
    public void listed(String paper, int epochDay) {
        facts.add(new PaperFact(paper, Kind.LISTED, null, epochDay, keeping));
    }

    /** Writes the network of every fact added to {@code file}, under {@code stateKey}; nothing can be added after. */
    void write(Path file, String stateKey) throws IOException {
        Files.createDirectories(dir);
        SpillFile<Paper> papers = new SpillFile<>(dir.resolve("papers"), PAPER_CODEC);
        ExternalSort<Link> links = new ExternalSort<>(dir, "links", LINK_CODEC,
                Comparator.comparing(Link::author).thenComparingInt(Link::paper), inMemory);
        try (ExternalSort.Merge<PaperFact> sorted = facts.sorted()) {
            papers(sorted, papers, links);
        }
        ExternalSort<Author> authors = new ExternalSort<>(dir, "authors", AUTHOR_CODEC,
                Comparator.comparing(Author::name).thenComparing(Author::iri), inMemory);
        try (ExternalSort.Merge<Link> byAuthor = links.sorted(); ExternalSort.Merge<AuthorRef> byName = names.sorted()) {
            authors(byAuthor, byName, authors);
        }
        SpillFile<AuthorRef> numbered = new SpillFile<>(dir.resolve("numbered"), AUTHOR_REF_CODEC);
        ExternalSort<PaperAuthor> pairs = new ExternalSort<>(dir, "pairs", PAIR_CODEC,
                Comparator.comparingInt(PaperAuthor::paper).thenComparingInt(PaperAuthor::author), inMemory);
        try (ExternalSort.Merge<Author> ordered = authors.sorted()) {
            for (int id = 0; ordered.hasNext(); id++) {
                Author a = ordered.next();
                numbered.add(new AuthorRef(a.iri(), a.name()));
                for (int p : a.papers()) pairs.add(new PaperAuthor(p, id));
            }
        }
        try (SpillFile.Reader<AuthorRef> authorRefs = numbered.read(); SpillFile.Reader<Paper> paperRows = papers.read();
             ExternalSort.Merge<PaperAuthor> byPaper = pairs.sorted()) {
            NetworkFile.write(file, stateKey, (int) numbered.size(), authorRefs, (int) papers.size(),
                    withAuthors(paperRows, byPaper));
        }
    }

    /**
     * Each paper from its facts, in IRI order, into {@code papers}; its distinct authors, with its place in that order,
     * into {@code links}. A subject never typed dkg:Paper is not a paper.
     */
    private void papers(ExternalSort.Merge<PaperFact> sorted, SpillFile<Paper> papers, ExternalSort<Link> links) {
        List<String> authors = new ArrayList<>();
        int[] days = new int[8];
        while (sorted.hasNext()) {
            String iri = sorted.peek().paper();
            boolean onlyKept = replaced.contains(iri);
            boolean paper = false;
            String arxivId = null;
            String title = null;
            String concept = null;
            int dayCount = 0;
            authors.clear();
            while (sorted.hasNext() && sorted.peek().paper().equals(iri)) {
                PaperFact f = sorted.next();
                if (onlyKept && !f.kept()) continue;
                switch (f.kind()) {
                    case PAPER -> paper = true;
                    case CREATOR -> authors.add(f.value());
                    case ARXIV_ID -> arxivId = CoauthorGraphLoader.least(arxivId, f.value());
                    case TITLE -> title = CoauthorGraphLoader.least(title, f.value());
                    case CATEGORY -> concept = CoauthorGraphLoader.least(concept, f.value());
                    case LISTED -> {
                        if (dayCount == days.length) days = Arrays.copyOf(days, dayCount * 2);
                        days[dayCount++] = f.day();
                    }
                }
            }
            if (!paper) continue;
            List<String> distinct = authors.stream().distinct().toList();
            dayCount = CoauthorGraphLoader.distinct(days, dayCount);
            int seq = (int) papers.size();
            papers.add(new Paper(CoauthorGraphLoader.paperRef(iri, arxivId, title, concept, notations,
                    dayCount == 0 ? null : days[0], distinct.size()), Arrays.copyOf(days, dayCount)));
            for (String author : distinct) links.add(new Link(author, seq));
        }
    }

    /** Each author of a paper once, with the least of their names (or one made from the IRI) and their papers. */
    private static void authors(ExternalSort.Merge<Link> byAuthor, ExternalSort.Merge<AuthorRef> byName,
            ExternalSort<Author> authors) {
        int[] papers = new int[16];
        while (byAuthor.hasNext()) {
            String iri = byAuthor.peek().author();
            int count = 0;
            while (byAuthor.hasNext() && byAuthor.peek().author().equals(iri)) {
                if (count == papers.length) papers = Arrays.copyOf(papers, count * 2);
                papers[count++] = byAuthor.next().paper();
            }
            while (byName.hasNext() && byName.peek().iri().compareTo(iri) < 0) {
                byName.next(); // an author of no paper
            }
            String name = null;
            while (byName.hasNext() && byName.peek().iri().equals(iri)) {
                name = CoauthorGraphLoader.least(name, byName.next().name());
            }
            authors.add(new Author(name != null ? name : CoauthorGraphLoader.nameFromIri(iri), iri,
                    Arrays.copyOf(papers, count)));
        }
    }

    /** The papers, in order, each with the ids of its authors (ascending). */
    private static Iterator<NetworkFile.Entry> withAuthors(Iterator<Paper> papers, ExternalSort.Merge<PaperAuthor> byPaper) {
        return new Iterator<>() {
            private int seq;

            @Override
            public boolean hasNext() {
                return papers.hasNext();
            }

            @Override
            public NetworkFile.Entry next() {
                if (!papers.hasNext()) throw new NoSuchElementException();
                Paper paper = papers.next();
                int[] ids = new int[paper.ref().authorCount()];
                for (int i = 0; i < ids.length; i++) {
                    PaperAuthor pair = byPaper.next();
                    if (pair.paper() != seq) throw new IllegalStateException("paper " + seq + " lacks authors");
                    ids[i] = pair.author();
                }
                seq++;
                return new NetworkFile.Entry(paper.ref(), ids, paper.days());
            }
        };
    }

    @Override
    public void close() {
        removeLeftover(dir.getParent());
    }

    private static final SpillFile.Codec<PaperFact> FACT_CODEC = new SpillFile.Codec<>() {
        private static final Kind[] KINDS = Kind.values();

        @Override
        public void write(DataOutputStream out, PaperFact f) throws IOException {
            writeString(out, f.paper());
            out.writeByte(f.kind().ordinal() | (f.kept() ? 0x80 : 0));
            if (f.kind() == Kind.LISTED) {
                out.writeInt(f.day());
            } else if (f.kind() != Kind.PAPER) {
                writeString(out, f.value());
            }
        }

        @Override
        public PaperFact read(DataInputStream in) throws IOException {
            String paper = readString(in);
            int b = in.readUnsignedByte();
            Kind kind = KINDS[b & 0x7f];
            boolean kept = (b & 0x80) != 0;
            return switch (kind) {
                case LISTED -> new PaperFact(paper, kind, null, in.readInt(), kept);
                case PAPER -> new PaperFact(paper, kind, null, 0, kept);
                default -> new PaperFact(paper, kind, readString(in), 0, kept);
            };
        }
    };

    private static final SpillFile.Codec<Link> LINK_CODEC = new SpillFile.Codec<>() {
        @Override
        public void write(DataOutputStream out, Link l) throws IOException {
            writeString(out, l.author());
            out.writeInt(l.paper());
        }

        @Override
        public Link read(DataInputStream in) throws IOException {
            return new Link(readString(in), in.readInt());
        }
    };

    private static final SpillFile.Codec<Author> AUTHOR_CODEC = new SpillFile.Codec<>() {
        @Override
        public void write(DataOutputStream out, Author a) throws IOException {
            writeString(out, a.name());
            writeString(out, a.iri());
            writeInts(out, a.papers());
        }

        @Override
        public Author read(DataInputStream in) throws IOException {
            return new Author(readString(in), readString(in), readInts(in));
        }
    };

    private static final SpillFile.Codec<AuthorRef> AUTHOR_REF_CODEC = new SpillFile.Codec<>() {
        @Override
        public void write(DataOutputStream out, AuthorRef a) throws IOException {
            writeString(out, a.iri());
            writeString(out, a.name());
        }

        @Override
        public AuthorRef read(DataInputStream in) throws IOException {
            return new AuthorRef(readString(in), readString(in));
        }
    };

    private static final SpillFile.Codec<PaperAuthor> PAIR_CODEC = new SpillFile.Codec<>() {
        @Override
        public void write(DataOutputStream out, PaperAuthor p) throws IOException {
            out.writeInt(p.paper());
            out.writeInt(p.author());
        }

        @Override
        public PaperAuthor read(DataInputStream in) throws IOException {
            return new PaperAuthor(in.readInt(), in.readInt());
        }
    };

    private static final SpillFile.Codec<Paper> PAPER_CODEC = new SpillFile.Codec<>() {
        @Override
        public void write(DataOutputStream out, Paper p) throws IOException {
            NetworkFile.paper(out, p.ref());
            writeInts(out, p.days());
        }

        @Override
        public Paper read(DataInputStream in) throws IOException {
            return new Paper(NetworkFile.paper(in), readInts(in));
        }
    };

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) out.writeInt(v);
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++) values[i] = in.readInt();
        return values;
    }
}
