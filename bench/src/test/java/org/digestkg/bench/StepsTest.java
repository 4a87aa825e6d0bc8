package org.digestkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.digestkg.bench.steps.ServeStep;
import org.junit.jupiter.api.Test;

/** The benchmark's steps: each class of the steps package is listed once, and --steps knows every one. */
class StepsTest {

    @Test
    void everyStepClassIsListedOnce() throws IOException, URISyntaxException {
        Path dir = Path.of(ServeStep.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/digestkg/bench/steps");
        Set<String> classes;
        try (Stream<Path> files = Files.list(dir)) {
            classes = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(StepsTest::isStep)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        List<String> listed = Benchmark.STEPS.stream().map(s -> s.getClass().getSimpleName()).toList();
        assertEquals(classes, new TreeSet<>(listed), "a step class not in Benchmark.STEPS never runs");
        assertEquals(listed.size(), Set.copyOf(listed).size(), "no step listed twice");
    }

    private static boolean isStep(String simpleName) {
        try {
            Class<?> c = Class.forName("org.digestkg.bench.steps." + simpleName);
            return BenchStep.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stepsThatQueryTheServerComeTogetherSoOneServerServesThem() {
        List<BenchStep> steps = Benchmark.STEPS;
        int first = -1;
        int last = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).usesServer()) {
                if (first < 0) first = i;
                last = i;
            }
        }
        for (int i = first; i <= last; i++) {
            assertTrue(steps.get(i).usesServer(), steps.get(i).getClass().getSimpleName() + " stops the server between queries");
        }
    }

    @Test
    void stepsOptionsAreWhatBenchRunAccepts() {
        assertEquals(List.of("parse", "build", "tdbloader", "add", "watch", "stats", "cocli", "export", "search", "serve",
                "compact", "large"), List.copyOf(Benchmark.stepOptions()));
        assertEquals(Set.copyOf(Benchmark.stepOptions()), BenchOptions.STEPS);
        assertTrue(BenchOptions.USAGE.contains(
                "--steps parse,build,tdbloader,add,watch,stats,cocli,export,search,serve,compact,large"));
    }
}
