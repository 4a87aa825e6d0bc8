package org.digestkg.coauthorship;

import java.util.Arrays;

/**
 * Everyone within two co-authorship steps of one author: the co-authors (distance 1) with their joint papers,
 * then the co-authors' co-authors who never wrote with the author (distance 2) with how many co-authors link
 * to them. Plain arrays, in discovery order: the most prolific author of a year reaches tens of thousands of
 * people, and callers (a SPARQL property function) stream them.
 */
public final class TwoHopNeighbourhood {

    private final int[] people;
    private final int[] distances;
    private final int[] papersOrVia;

    private TwoHopNeighbourhood(int[] people, int[] distances, int[] papersOrVia) {
        this.people = people;
        this.distances = distances;
        this.papersOrVia = papersOrVia;
    }

    public static TwoHopNeighbourhood of(CoauthorGraph graph, int author) {
        int[] direct = graph.linksOf(author);
        // via[w] counts the co-authors reaching w; the author and the direct co-authors are marked -1
        int[] via = new int[graph.authorCount()];
        via[author] = -1;
        Rows rows = new Rows(direct.length * 4);
        for (int link : direct) {
            int coauthor = graph.other(link, author);
            via[coauthor] = -1;
            rows.add(coauthor, 1, graph.linkPapers(link));
        }
        int firstFar = rows.size;
        for (int link : direct) {
            int mid = graph.other(link, author);
            for (int i = graph.incidenceFrom(mid); i < graph.incidenceTo(mid); i++) {
                int far = graph.other(graph.incidentLink(i), mid);
                if (via[far] >= 0 && via[far]++ == 0) {
                    rows.add(far, 2, 0);
                }
            }
        }
        for (int i = firstFar; i < rows.size; i++) {
            rows.values[i] = via[rows.people[i]];
        }
        return rows.finish();
    }

    private static final class Rows {
        int[] people;
        int[] distances;
        int[] values;
        int size;

        Rows(int capacity) {
            people = new int[Math.max(capacity, 16)];
            distances = new int[people.length];
            values = new int[people.length];
        }

        void add(int person, int distance, int value) {
            if (size == people.length) {
                people = Arrays.copyOf(people, size * 2);
                distances = Arrays.copyOf(distances, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            people[size] = person;
            distances[size] = distance;
            values[size++] = value;
        }

        TwoHopNeighbourhood finish() {
            return new TwoHopNeighbourhood(Arrays.copyOf(people, size), Arrays.copyOf(distances, size),
                    Arrays.copyOf(values, size));
        }
    }

    /** How many people are within two steps (the author not counted). */
    public int size() {
        return people.length;
    }

    public int person(int i) {
        return people[i];
    }

    /** 1 for a co-author, 2 for a co-author's co-author. */
    public int distance(int i) {
        return distances[i];
    }

    /** At distance 1, the papers written with the author; 0 at distance 2. */
    public int jointPapers(int i) {
        return distances[i] == 1 ? papersOrVia[i] : 0;
    }

    /** At distance 2, how many of the author's co-authors link to this person; 0 at distance 1. */
    public int via(int i) {
        return distances[i] == 2 ? papersOrVia[i] : 0;
    }
}
