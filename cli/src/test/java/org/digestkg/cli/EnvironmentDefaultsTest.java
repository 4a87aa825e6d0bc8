package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code KG_STORE} and {@code KG_PORT} stand in for {@code --store} and {@code --port}; the options still win. */
class EnvironmentDefaultsTest {

    @TempDir
    static Path tmp;
    static Path store;

    @BeforeAll
    static void build() {
        store = tmp.resolve("elsewhere");
        assertEquals(0, KgCommandLineTest.kg("build", "-q", "--store", store.toString(), TestDigests.feb23().toString()).exit());
    }

    @Test
    void kgStoreNamesTheStoreWhenStoreIsNotGiven() throws Exception {
        String out = kg(Map.of("KG_STORE", store.toString()), "stats");
        assertTrue(out.matches("(?s)papers\\s+128\\b.*"), out);
        String absent = kg(Map.of("KG_STORE", tmp.resolve("absent").toString()), "stats");
        assertTrue(absent.contains("no store at " + tmp.resolve("absent") + " (from $KG_STORE)"), absent);
        String given = kg(Map.of("KG_STORE", tmp.resolve("absent").toString()), "stats", "--store", store.toString());
        assertTrue(given.matches("(?s)papers\\s+128\\b.*"), "--store wins: " + given);
    }

    @Test
    void kgPortIsServesDefaultPort() throws Exception {
        // help text wraps where the column ends, so compare words, not lines
        String help = kg(Map.of("KG_PORT", "3117"), "serve", "--help").replaceAll("\\s+", " ");
        assertTrue(help.contains("now 3117"), help);
        assertTrue(kg(Map.of(), "serve", "--help").replaceAll("\\s+", " ").contains("now 3030"));
    }

    private static String kg(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Kg.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("KG_STORE");
        pb.environment().remove("KG_PORT");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }
}
