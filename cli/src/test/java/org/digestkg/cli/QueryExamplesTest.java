package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example a named query shows in its header ({@code # Example: ./kg query …}) runs as written on the samples'
 * store: an example the parameter checks refuse, or that a value's type makes match nothing, misleads the first
 * person who copies it.
 */
class QueryExamplesTest {

    @TempDir
    static Path tmp;

    private static String store;

    @BeforeAll
    static void buildSamples() {
        store = tmp.resolve("store").toString();
        var r = KgCommandLineTest.kg("build", "--store", store, SampleOracle.root().resolve("data").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    @Test
    void everyExampleInTheNamedQueriesRunsAsWritten() throws IOException {
        List<List<String>> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(SampleOracle.root().resolve("sparql"))) {
            for (Path rq : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                examples.addAll(examples(Files.readAllLines(rq)));
            }
        }
        assertTrue(examples.size() >= 30, "examples found: " + examples.size());
        for (List<String> words : examples) {
            List<String> args = new ArrayList<>(List.of("query", "--store", store));
            args.addAll(words.subList(2, words.size())); // after "./kg query"
            var r = KgCommandLineTest.kg(args.toArray(String[]::new));
            assertEquals(0, r.exit(), String.join(" ", words) + "\n" + r.out() + r.err());
            assertTrue(r.out().lines().count() > 1, String.join(" ", words) + " printed nothing:\n" + r.out());
        }
    }

    /** The command lines of a query's header: after "# Example:", and the lines under it that go on with one. */
    static List<List<String>> examples(List<String> lines) {
        List<List<String>> found = new ArrayList<>();
        boolean inExamples = false;
        StringBuilder command = null;
        for (String line : lines) {
            if (!line.startsWith("#")) break;
            String text = line.substring(1).strip();
            if (text.startsWith("Example:")) {
                inExamples = true;
                text = text.substring("Example:".length()).strip();
            }
            if (!inExamples) continue;
            if (command != null) {
                command.append(' ').append(text);
            } else if (text.startsWith("./kg query ")) {
                command = new StringBuilder(text);
            } else {
                inExamples = false;
                continue;
            }
            if (command.toString().endsWith("\\")) {
                command.setLength(command.length() - 1); // goes on on the next line
            } else {
                found.add(words(command.toString()));
                command = null;
            }
        }
        return found;
    }

    /** Splits a command line as a POSIX shell does for these examples: spaces, single and double quotes. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0; else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                if (word == null) word = new StringBuilder();
            } else if (Character.isWhitespace(c)) {
                if (word != null) words.add(word.toString());
                word = null;
            } else {
                if (word == null) word = new StringBuilder();
                word.append(c);
            }
        }
        if (word != null) words.add(word.toString());
        return words;
    }
}
