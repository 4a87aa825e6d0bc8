package org.digestkg.coauthorship;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.digestkg.storage.GraphStore;
import org.jgrapht.Graph;

/**
 * The co-authorship network, held compactly: authors and papers are ints, and each pair of authors who share
 * at least one paper is one <em>link</em> (an undirected edge) carrying the number of joint papers and a
 * fractional weight.
 *
 * <p>The weight is Newman's collaboration weight: a paper with {@code n} authors adds {@code 1/(n-1)} to each of
 * its {@code n(n-1)/2} pairs, so every author gets exactly one unit of weight per multi-author paper however
 * many co-authors it has. A 400-author paper still links everyone on it (paths and co-author lists stay
 * truthful) but adds only {@code 1/399} to each of those links.
 *
 * <p>Links are stored in flat arrays (a year of digests is about a million links; objects per edge would
 * cost hundreds of megabytes), and the adjacency of each author is sorted by the other author's id so a link
 * is found by binary search. Author ids follow name order, paper ids IRI order, so results do not depend on
 * the order the store returned rows in. JGraphT algorithms and exporters run on {@link #asGraph()}, a
 * read-only view over these arrays.
 */
public final class CoauthorGraph {

    private final AuthorRef[] authors;
    private final PaperRef[] papers;
    private final int[][] authorsByPaper;
    private final int[][] papersByAuthor;

    /** The authors whose links among themselves this network holds; {@code null}: everyone's. */
    private final BitSet linked;
    /**
     * Worked out on first use (a year's million links take a third of a second, which one person's network does not
     * need). Read without a lock: {@link Links} has only final fields, so a thread sees it whole or not at all.
     */
    private Links links;
    /** Each author's links, worked out on first use like the links (an export needs none of it). */
    private Incidence incidence;

    private volatile Map<String, Integer> idsByIri;

    private CoauthorGraph(AuthorRef[] authors, PaperRef[] papers, int[][] authorsByPaper) {
        this(authors, papers, authorsByPaper, invert(authorsByPaper, authors.length), null);
    }

    private CoauthorGraph(AuthorRef[] authors, PaperRef[] papers, int[][] authorsByPaper, int[][] papersByAuthor,
            BitSet linked) {
        this.authors = authors;
        this.papers = papers;
        this.authorsByPaper = authorsByPaper;
        this.papersByAuthor = papersByAuthor;
        this.linked = linked;
    }

    private Links links() {
        Links l = links;
        return l != null ? l : buildLinks();
    }

    private synchronized Links buildLinks() {
        if (links == null) {
            links = Links.build(authorsByPaper, papersByAuthor, authors.length, linked);
        }
        return links;
    }

    private Incidence incidence() {
        Incidence i = incidence;
        return i != null ? i : buildIncidence();
    }

    private synchronized Incidence buildIncidence() {
        if (incidence == null) {
            incidence = new Incidence(links(), authors.length);
        }
        return incidence;
    }

    /** This network with its links, and each author's, worked out now, for readers that must not wait for them. */
    public CoauthorGraph withLinks() {
        incidence();
        return this;
    }

    /** The authors whose links among themselves this network holds; null: everyone's. Do not modify. */
    BitSet linkedAuthors() {
        return linked;
    }

    /** Whether the links have been worked out (for tests of what a command computes). */
    boolean linksBuilt() {
        return links != null;
    }

    /** Loads the whole network from the store (every paper of every digest). */
    public static CoauthorGraph load(GraphStore store) {
        return load(store.datasetGraph(), PaperFilter.ALL);
    }

    /** Loads the network of the papers {@code filter} keeps. */
    public static CoauthorGraph load(GraphStore store, PaperFilter filter) {
        return load(store.datasetGraph(), filter);
    }

    /** Loads from a dataset whose default graph is the union of the digests (as {@link GraphStore} sets up). */
    public static CoauthorGraph load(DatasetGraph dsg, PaperFilter filter) {
        return CoauthorGraphLoader.load(dsg, filter, null);
    }

    /**
     * Loads with {@code context} over the dataset's own settings for the loader's queries, so that the network is
     * read the way a query with that context reads the dataset (above all, whether its default graph is the union
     * of the named graphs).
     */
    public static CoauthorGraph load(DatasetGraph dsg, PaperFilter filter, Context context) {
        return CoauthorGraphLoader.load(dsg, filter, context);
    }

    /**
     * Builds the network from papers and their authors.
     *
     * @param authors        authors sorted as their ids should be (the loader sorts by name, then IRI)
     * @param papers         the papers, id = index
     * @param authorsByPaper for each paper, its authors' ids, sorted and distinct
     */
    static CoauthorGraph of(AuthorRef[] authors, PaperRef[] papers, int[][] authorsByPaper) {
        return new CoauthorGraph(authors, papers, authorsByPaper);
    }

    public int authorCount() {
        return authors.length;
    }

    public int paperCount() {
        return papers.length;
    }

    /** Number of co-author pairs (links). */
    public int linkCount() {
        return links().source.length;
    }

    public AuthorRef author(int author) {
        return authors[author];
    }

    public PaperRef paper(int paper) {
        return papers[paper];
    }

    /** How many papers (of this network) the author is on. */
    public int paperCountOf(int author) {
        return papersByAuthor[author].length;
    }

    /** Number of distinct co-authors. */
    public int degreeOf(int author) {
        Incidence in = incidence();
        return in.start[author + 1] - in.start[author];
    }

    /** Sum of the author's link weights: the number of their papers that have co-authors. */
    public double strengthOf(int author) {
        Incidence in = incidence();
        double[] weight = links().weight;
        double sum = 0;
        for (int i = in.start[author]; i < in.start[author + 1]; i++) {
            sum += weight[in.links[i]];
        }
        return sum;
    }

    /** The link between two authors, or -1 if they never wrote together. */
    public int link(int a, int b) {
        Incidence in = incidence();
        int from = in.start[a];
        int to = in.start[a + 1] - 1;
        while (from <= to) {
            int mid = (from + to) >>> 1;
            int other = other(in.links[mid], a);
            if (other < b) {
                from = mid + 1;
            } else if (other > b) {
                to = mid - 1;
            } else {
                return in.links[mid];
            }
        }
        return -1;
    }

    public int linkSource(int link) {
        return links().source[link];
    }

    public int linkTarget(int link) {
        return links().target[link];
    }

    /** Number of papers the two authors of the link share. */
    public int linkPapers(int link) {
        return links().papers[link];
    }

    /** The link's fractional (Newman) weight: the sum of {@code 1/(n-1)} over its joint papers. */
    public double linkWeight(int link) {
        return links().weight[link];
    }

    /** The end of {@code link} that is not {@code author}. */
    public int other(int link, int author) {
        Links l = links();
        return l.source[link] == author ? l.target[link] : l.source[link];
    }

    /** The papers two authors share, in paper-id order. Computed on demand rather than stored per link. */
    public List<PaperRef> jointPapers(int a, int b) {
        List<PaperRef> joint = new ArrayList<>();
        for (int p : jointPaperIds(a, b)) {
            joint.add(papers[p]);
        }
        return joint;
    }

    int[] jointPaperIds(int a, int b) {
        int[] pa = papersByAuthor[a];
        int[] pb = papersByAuthor[b];
        int[] out = new int[Math.min(pa.length, pb.length)];
        int n = 0;
        for (int i = 0, j = 0; i < pa.length && j < pb.length;) {
            if (pa[i] < pb[j]) {
                i++;
            } else if (pa[i] > pb[j]) {
                j++;
            } else {
                out[n++] = pa[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The author's links, ordered by the co-author's id. The array is shared: do not modify. */
    int incidenceFrom(int author) {
        return incidence().start[author];
    }

    int incidenceTo(int author) {
        return incidence().start[author + 1];
    }

    int incidentLink(int index) {
        return incidence().links[index];
    }

    int[] papersOf(int author) {
        return papersByAuthor[author];
    }

    /** The papers (of this network) the author is on, in paper-id order. */
    public List<PaperRef> papers(int author) {
        List<PaperRef> out = new ArrayList<>(papersByAuthor[author].length);
        for (int p : papersByAuthor[author]) {
            out.add(papers[p]);
        }
        return out;
    }

    int[] authorsOf(int paper) {
        return authorsByPaper[paper];
    }

    /** The id of the author with this IRI, or -1 if no paper of this network names them. */
    public int authorId(String iri) {
        Map<String, Integer> ids = idsByIri;
        if (ids == null) {
            ids = new HashMap<>(authors.length * 2);
            for (int a = 0; a < authors.length; a++) {
                ids.put(authors[a].iri(), a);
            }
            idsByIri = ids;
        }
        return ids.getOrDefault(iri, -1);
    }

    /** The author's links, ordered by the co-author's id. */
    public int[] linksOf(int author) {
        Incidence in = incidence();
        return Arrays.copyOfRange(in.links, in.start[author], in.start[author + 1]);
    }

    /**
     * The network of the papers {@code filter} keeps, over the same authors: ids stay valid in both, and an
     * author left without papers simply has no links.
     */
    public CoauthorGraph filtered(PaperFilter filter) {
        List<PaperRef> kept = new ArrayList<>();
        List<int[]> keptAuthors = new ArrayList<>();
        for (int p = 0; p < papers.length; p++) {
            if (filter.accepts(papers[p])) {
                kept.add(papers[p]);
                keptAuthors.add(authorsByPaper[p]);
            }
        }
        return new CoauthorGraph(authors, kept.toArray(PaperRef[]::new), keptAuthors.toArray(int[][]::new));
    }

    /**
     * The network of the papers {@code filter} keeps and of their authors only, exactly as
     * {@link #load(DatasetGraph, PaperFilter)} with that filter would read it: authors left without papers drop out,
     * and the others keep their order (name, then IRI), so a network read once answers every filter.
     */
    public CoauthorGraph keeping(PaperFilter filter) {
        if (filter.equals(PaperFilter.ALL)) {
            return this;
        }
        List<PaperRef> kept = new ArrayList<>();
        List<int[]> keptAuthors = new ArrayList<>();
        boolean[] used = new boolean[authors.length];
        for (int p = 0; p < papers.length; p++) {
            if (filter.accepts(papers[p])) {
                kept.add(papers[p]);
                keptAuthors.add(authorsByPaper[p]);
                for (int a : authorsByPaper[p]) {
                    used[a] = true;
                }
            }
        }
        int[] newId = new int[authors.length];
        List<AuthorRef> keptRefs = new ArrayList<>();
        for (int a = 0; a < authors.length; a++) {
            if (used[a]) {
                newId[a] = keptRefs.size();
                keptRefs.add(authors[a]);
            }
        }
        int[][] byPaper = new int[kept.size()][];
        for (int p = 0; p < byPaper.length; p++) {
            int[] ids = keptAuthors.get(p).clone();
            for (int i = 0; i < ids.length; i++) {
                ids[i] = newId[ids[i]]; // an order-keeping renumbering: still sorted and distinct
            }
            byPaper[p] = ids;
        }
        return new CoauthorGraph(keptRefs.toArray(AuthorRef[]::new), kept.toArray(PaperRef[]::new), byPaper);
    }

    /** Whether {@code other} has the same authors, papers and authorship, in the same order (links follow from them). */
    public boolean sameAs(CoauthorGraph other) {
        return Arrays.equals(authors, other.authors) && Arrays.equals(papers, other.papers)
                && Arrays.deepEquals(authorsByPaper, other.authorsByPaper);
    }

    /**
     * The {@code k} best links by {@code order}, best first. One pass with a bounded heap whose worst entry is
     * checked with primitive comparisons first, so the million links of a year cost a few milliseconds.
     */
    public int[] topLinks(int k, PairOrder order) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1, (x, y) -> compareLinks(y, x, order)); // worst on top
        for (int link = 0; link < linkCount(); link++) {
            if (heap.size() < k) {
                heap.add(link);
            } else if (compareLinks(link, heap.peek(), order) < 0) {
                heap.poll();
                heap.add(link);
            }
        }
        return heap.stream().sorted((x, y) -> compareLinks(x, y, order)).mapToInt(Integer::intValue).toArray();
    }

    /** Negative when link {@code x} ranks before {@code y}; ids follow names, so the last resort is alphabetical. */
    int compareLinks(int x, int y, PairOrder order) {
        Links l = links();
        int byPapers = Integer.compare(l.papers[y], l.papers[x]);
        int byWeight = Long.compare(CoauthorNetwork.roundedWeight(l.weight[y]),
                CoauthorNetwork.roundedWeight(l.weight[x]));
        int first = order == PairOrder.PAPERS ? byPapers : byWeight;
        if (first != 0) {
            return first;
        }
        int second = order == PairOrder.PAPERS ? byWeight : byPapers;
        if (second != 0) {
            return second;
        }
        int bySource = Integer.compare(l.source[x], l.source[y]);
        return bySource != 0 ? bySource : Integer.compare(l.target[x], l.target[y]);
    }

    /**
     * A shortest chain of links from author {@code a} to author {@code b}, as the authors along it ({@code a} first),
     * or null when none joins them. Breadth first over the links in their order ({@link #incidenceFrom}), the first
     * way an author is reached being the one kept: the path JGraphT's {@code BFSShortestPath} finds, without boxing
     * every author and exploring the whole component (a third of a second on a year of digests).
     */
    public int[] shortestPath(int a, int b) {
        int[] reachedFrom = new int[authorCount()];
        Arrays.fill(reachedFrom, -1);
        reachedFrom[a] = a;
        int[] queue = new int[authorCount()];
        int head = 0;
        int tail = 0;
        queue[tail++] = a;
        while (head < tail && reachedFrom[b] < 0) {
            int u = queue[head++];
            for (int i = incidenceFrom(u); i < incidenceTo(u); i++) {
                int v = other(incidentLink(i), u);
                if (reachedFrom[v] < 0) {
                    reachedFrom[v] = u;
                    queue[tail++] = v;
                }
            }
        }
        if (reachedFrom[b] < 0) return null;
        int length = 1;
        for (int v = b; v != a; v = reachedFrom[v]) length++;
        int[] path = new int[length];
        for (int v = b, i = length - 1; i >= 0; v = reachedFrom[v], i--) path[i] = v;
        return path;
    }

    /** The whole network as a read-only, weighted JGraphT graph: vertices are author ids, edges link ids. */
    public AuthorGraphView asGraph() {
        return new AuthorGraphView(this);
    }

    /**
     * The network induced on some authors: them and every link between two of them. Its links are worked out from
     * their papers alone, with ids of their own (0, 1, ... in the order of the whole network's), not the whole
     * network's; author ids are the same.
     */
    public AuthorGraphView subgraph(BitSet authorIds) {
        BitSet members = (BitSet) authorIds.clone();
        return new AuthorGraphView(new CoauthorGraph(authors, papers, authorsByPaper, papersByAuthor, members));
    }

    /** For each author, the sorted ids of their papers (papers are visited in id order, so lists come sorted). */
    private static int[][] invert(int[][] authorsByPaper, int authorCount) {
        int[] count = new int[authorCount];
        for (int[] list : authorsByPaper) {
            for (int a : list) {
                count[a]++;
            }
        }
        int[][] out = new int[authorCount][];
        for (int a = 0; a < authorCount; a++) {
            out[a] = new int[count[a]];
            count[a] = 0;
        }
        for (int p = 0; p < authorsByPaper.length; p++) {
            for (int a : authorsByPaper[p]) {
                out[a][count[a]++] = p;
            }
        }
        return out;
    }

    /**
     * The links, in (source, target) order. Built author by author with a dense scratch accumulator (no per-pair
     * hashing).
     */
    private static final class Links {
        // link l joins source[l] < target[l]
        final int[] source;
        final int[] target;
        final int[] papers;
        final double[] weight;

        private Links(LinkList list) {
            this.source = list.take(list.source, new int[list.size]);
            this.target = list.take(list.target, new int[list.size]);
            this.papers = list.take(list.papers, new int[list.size]);
            this.weight = list.take(list.weight, new double[list.size]);
        }

        /** The links among {@code members} (everyone when null); a paper's share counts all its authors. */
        static Links build(int[][] authorsByPaper, int[][] papersByAuthor, int authorCount, BitSet members) {
            LinkList links = new LinkList();
            int[] jointCount = new int[authorCount];
            double[] jointWeight = new double[authorCount];
            int[] touched = new int[authorCount];
            int a = members == null ? 0 : members.nextSetBit(0);
            while (a >= 0 && a < authorCount) {
                int touchedCount = 0;
                for (int p : papersByAuthor[a]) {
                    int[] coauthors = authorsByPaper[p];
                    double share = 1.0 / (coauthors.length - 1); // unused when the paper has one author
                    for (int b : coauthors) {
                        if (b <= a || members != null && !members.get(b)) {
                            continue; // each pair once, from its smaller end
                        }
                        if (jointCount[b] == 0) {
                            touched[touchedCount++] = b;
                        }
                        jointCount[b]++;
                        jointWeight[b] += share;
                    }
                }
                Arrays.sort(touched, 0, touchedCount);
                for (int i = 0; i < touchedCount; i++) {
                    int b = touched[i];
                    links.add(a, b, jointCount[b], jointWeight[b]);
                    jointCount[b] = 0;
                    jointWeight[b] = 0;
                }
                a = members == null ? a + 1 : members.nextSetBit(a + 1);
            }
            return new Links(links);
        }
    }

    /** Each author's links, ordered by the other end: links[start[a] .. start[a + 1]) for author a. */
    private static final class Incidence {
        final int[] start;
        final int[] links;

        Incidence(Links all, int authorCount) {
            int[] source = all.source;
            int[] target = all.target;
            this.start = new int[authorCount + 1];
            for (int l = 0; l < source.length; l++) {
                start[source[l] + 1]++;
                start[target[l] + 1]++;
            }
            for (int a = 0; a < authorCount; a++) {
                start[a + 1] += start[a];
            }
            this.links = new int[2 * source.length];
            int[] fill = Arrays.copyOf(start, authorCount);
            // links come in (source, target) order, so each author's list comes out sorted by the other end:
            // first the links where it is the target (smaller partners), then those where it is the source
            for (int l = 0; l < source.length; l++) {
                links[fill[target[l]]++] = l;
            }
            for (int l = 0; l < source.length; l++) {
                links[fill[source[l]]++] = l;
            }
        }
    }

    /**
     * The links as they are found, in blocks of a fixed size, then copied into arrays of the exact size one array at a
     * time, each array's blocks let go once copied. Arrays grown by half again held up to twice the links in their
     * slack and copies at once: a decade's 11.8 million links (20 bytes each) took the heap over a gigabyte.
     */
    private static final class LinkList {
        private static final int BLOCK = 1 << 16;

        private final List<int[]> source = new ArrayList<>();
        private final List<int[]> target = new ArrayList<>();
        private final List<int[]> papers = new ArrayList<>();
        private final List<double[]> weight = new ArrayList<>();
        private int size;

        void add(int a, int b, int count, double w) {
            int at = size % BLOCK;
            if (at == 0) {
                source.add(new int[BLOCK]);
                target.add(new int[BLOCK]);
                papers.add(new int[BLOCK]);
                weight.add(new double[BLOCK]);
            }
            int block = size / BLOCK;
            source.get(block)[at] = a;
            target.get(block)[at] = b;
            papers.get(block)[at] = count;
            weight.get(block)[at] = w;
            size++;
        }

        /** Copies {@code blocks} into {@code out} (an array of the exact size), letting each block go once copied. */
        <A> A take(List<A> blocks, A out) {
            for (int b = 0; b < blocks.size(); b++) {
                System.arraycopy(blocks.get(b), 0, out, b * BLOCK, Math.min(BLOCK, size - b * BLOCK));
                blocks.set(b, null);
            }
            return out;
        }
    }
}
