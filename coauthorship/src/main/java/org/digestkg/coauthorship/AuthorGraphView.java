package org.digestkg.coauthorship;

import java.util.AbstractSet;
import java.util.BitSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * A read-only JGraphT view of a {@link CoauthorGraph}: vertices are author ids, edges are link ids, the edge
 * weight is the fractional collaboration weight. It copies nothing, so JGraphT's shortest paths and exporters
 * run on a year of links without building a second graph; an optional author set restricts its vertices to an
 * induced subgraph (ego networks), whose network then holds only the links among them.
 */
public final class AuthorGraphView extends AbstractGraph<Integer, Integer> {

    private static final GraphType TYPE = new DefaultGraphType.Builder()
            .undirected()
            .allowSelfLoops(false)
            .allowMultipleEdges(false)
            .weighted(true)
            .modifiable(false)
            .build();

    private final CoauthorGraph graph;
    /** {@code null} for the whole network; else the authors among whom all of {@link #graph}'s links lie. */
    private final BitSet members;

    /** The view of {@code graph}: its authors, or those whose links among themselves it holds, and its links. */
    AuthorGraphView(CoauthorGraph graph) {
        this.graph = graph;
        this.members = graph.linkedAuthors();
    }

    /** The network whose author and link ids this view's vertices and edges are. */
    CoauthorGraph network() {
        return graph;
    }

    private boolean isMember(int author) {
        return author >= 0 && author < graph.authorCount() && (members == null || members.get(author));
    }

    @Override
    public Set<Integer> vertexSet() {
        if (members == null) {
            return new RangeSet(graph.authorCount());
        }
        return new BitSetView(members);
    }

    @Override
    public Set<Integer> edgeSet() {
        return new RangeSet(graph.linkCount());
    }

    @Override
    public boolean containsVertex(Integer v) {
        return v != null && isMember(v);
    }

    @Override
    public boolean containsEdge(Integer e) {
        return e != null && e >= 0 && e < graph.linkCount();
    }

    @Override
    public Integer getEdge(Integer u, Integer v) {
        if (!containsVertex(u) || !containsVertex(v)) {
            return null;
        }
        int link = graph.link(u, v);
        return link < 0 ? null : link;
    }

    @Override
    public Set<Integer> getAllEdges(Integer u, Integer v) {
        if (!containsVertex(u) || !containsVertex(v)) {
            return null; // as JGraphT specifies for absent vertices
        }
        int link = graph.link(u, v);
        return link < 0 ? Set.of() : Set.of(link);
    }

    @Override
    public Set<Integer> edgesOf(Integer v) {
        assertVertexExist(v);
        return new IncidenceSet(v);
    }

    @Override
    public int degreeOf(Integer v) {
        return edgesOf(v).size();
    }

    @Override
    public Set<Integer> incomingEdgesOf(Integer v) {
        return edgesOf(v);
    }

    @Override
    public int inDegreeOf(Integer v) {
        return degreeOf(v);
    }

    @Override
    public Set<Integer> outgoingEdgesOf(Integer v) {
        return edgesOf(v);
    }

    @Override
    public int outDegreeOf(Integer v) {
        return degreeOf(v);
    }

    @Override
    public Integer getEdgeSource(Integer e) {
        return graph.linkSource(e);
    }

    @Override
    public Integer getEdgeTarget(Integer e) {
        return graph.linkTarget(e);
    }

    @Override
    public double getEdgeWeight(Integer e) {
        return graph.linkWeight(e);
    }

    @Override
    public GraphType getType() {
        return TYPE;
    }

    @Override
    protected boolean assertVertexExist(Integer v) {
        if (!containsVertex(v)) {
            throw new IllegalArgumentException("no such vertex in graph: " + v);
        }
        return true;
    }

    // ---- read-only: every mutator refuses ----

    @Override
    public Supplier<Integer> getVertexSupplier() {
        return null;
    }

    @Override
    public Supplier<Integer> getEdgeSupplier() {
        return null;
    }

    @Override
    public Integer addEdge(Integer source, Integer target) {
        throw readOnly();
    }

    @Override
    public boolean addEdge(Integer source, Integer target, Integer e) {
        throw readOnly();
    }

    @Override
    public Integer addVertex() {
        throw readOnly();
    }

    @Override
    public boolean addVertex(Integer v) {
        throw readOnly();
    }

    @Override
    public Integer removeEdge(Integer source, Integer target) {
        throw readOnly();
    }

    @Override
    public boolean removeEdge(Integer e) {
        throw readOnly();
    }

    @Override
    public boolean removeVertex(Integer v) {
        throw readOnly();
    }

    @Override
    public void setEdgeWeight(Integer e, double weight) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the co-author graph view is read-only");
    }

    // ---- light Set views over the int arrays ----

    /** The links of one author. */
    private final class IncidenceSet extends AbstractSet<Integer> {
        private final int author;

        IncidenceSet(int author) {
            this.author = author;
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                private int index = graph.incidenceFrom(author);

                @Override
                public boolean hasNext() {
                    return index < graph.incidenceTo(author);
                }

                @Override
                public Integer next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return graph.incidentLink(index++);
                }
            };
        }

        @Override
        public int size() {
            return graph.incidenceTo(author) - graph.incidenceFrom(author);
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Integer link) || !containsEdge(link)) {
                return false;
            }
            return graph.linkSource(link) == author || graph.linkTarget(link) == author;
        }
    }

    /** {@code 0 .. size-1}. */
    private static final class RangeSet extends AbstractSet<Integer> {
        private final int size;

        RangeSet(int size) {
            this.size = size;
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public Integer next() {
                    if (next >= size) {
                        throw new NoSuchElementException();
                    }
                    return next++;
                }
            };
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof Integer i && i >= 0 && i < size;
        }
    }

    private static final class BitSetView extends AbstractSet<Integer> {
        private final BitSet bits;
        private final int size;

        BitSetView(BitSet bits) {
            this.bits = bits;
            this.size = bits.cardinality();
        }

        @Override
        public Iterator<Integer> iterator() {
            return bits.stream().iterator();
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof Integer i && i >= 0 && bits.get(i);
        }
    }
}
