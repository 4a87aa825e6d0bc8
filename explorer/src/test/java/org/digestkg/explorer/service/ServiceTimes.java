package org.digestkg.explorer.service;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;

import org.digestkg.storage.GraphStore;

/** By hand: how long each service question takes on a store (arguments: store, author IRI, category IRI, day IRI, paper IRI). */
public final class ServiceTimes {

    public static void main(String[] args) {
        try (GraphStore store = GraphStore.open(java.nio.file.Path.of(args[0]))) {
            Explorer e = Explorer.over(store.datasetGraph(), Duration.ofSeconds(30));
            time("network warm", () -> e.network().size());
            time("days", () -> e.digests().days());
            time("author profile", () -> e.authors().profile(args[1]));
            time("  coauthors", () -> e.network().coauthors(args[1]));


            time("ego 1", () -> e.network().egoNetwork(args[1], 1));
            time("ego 2", () -> e.network().egoNetwork(args[1], 2));
            time("category", () -> e.categories().category(args[2]));
            time("  top authors", () -> e.network().topAuthors("cs.CV", 20));
            time("  listings", () -> e.categories().listings("cs.CV"));
            time("day", () -> e.digests().day(args[3]));
            time("paper", () -> e.papers().paper(args[4]));
        }
    }

    static void time(String what, Supplier<?> work) {
        long[] ms = new long[9];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("%-22s first %5d ms  median %5d ms  min %5d ms%n", what, ms[0], sorted[4], sorted[0]);
    }
}
