package org.digestkg.storage.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.riot.rowset.rw.RowSetWriterJSON;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sys.JenaSystem;
import org.junit.jupiter.api.Test;

class JsonResultsTest {

    static {
        JenaSystem.init();
    }

    /** Jena's own JSON results writer, whatever is registered. */
    private static final RowSetWriter JENA = RowSetWriterJSON.factory.create(ResultSetLang.RS_JSON);

    /** Strings that exercise every escape of JSON as Jena writes it, and text beyond ASCII. */
    private static final List<String> TEXTS = List.of("", "Jingan Song", "Élodie Ibrahim", "扩散模型 video",
            "say \"hi\"", "back\\slash", "</script>", "a/b", "tab\there", "line\nbreak\r\n", "bell\u0007",
            "\u007F\u0085\u009F", "dash\u2013 and\u2028separator\u20AC", "\uD83D\uDE00 emoji", "lone \uD800 surrogate", "form\ffeed\bback");

    @Test
    void rowsAreWrittenByteForByteAsJenasWriterWritesThem() {
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            List<Var> vars = IntStream.range(0, random.nextInt(5)).mapToObj(i -> Var.alloc("v" + i)).toList();
            List<Binding> rows = new ArrayList<>();
            // no rows; a few; thousands, for output well beyond the writer's buffer
            int count = seed % 7 == 0 ? 0 : seed % 10 == 0 ? 5_000 : random.nextInt(30);
            for (int r = 0; r < count; r++) {
                BindingBuilder b = Binding.builder();
                for (Var v : vars) {
                    if (random.nextInt(6) > 0) b.add(v, term(random, 2));
                }
                rows.add(b.build());
            }
            String expected = write(JENA, vars, rows);
            assertEquals(expected, write(ours(), vars, rows), "seed " + seed);
            assertEquals(rows.size(), ResultSetMgr.read(new ByteArrayInputStream(expected.getBytes(StandardCharsets.UTF_8)),
                    ResultSetLang.RS_JSON).rewindable().size(), "a valid result set, seed " + seed);
        }
    }

    @Test
    void theWriterRegisteredForJsonResultsIsThisOneAndAskAnswersAreJenas() {
        assertInstanceOf(JsonResults.class, RowSetWriterRegistry.getFactory(ResultSetLang.RS_JSON)
                .create(ResultSetLang.RS_JSON));
        List<Var> vars = List.of(Var.alloc("coauthor"), Var.alloc("papers"));
        List<Binding> rows = List.of(Binding.builder().add(vars.get(0), NodeFactory.createLiteralString("Ana"))
                .add(vars.get(1), NodeValue.makeInteger(3).asNode()).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultSetMgr.write(out, ResultSet.adapt(RowSetStream.create(vars, rows.iterator())), ResultSetLang.RS_JSON);
        assertEquals(write(JENA, vars, rows), out.toString(StandardCharsets.UTF_8));
        for (boolean answer : new boolean[] {true, false}) {
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            ByteArrayOutputStream jenas = new ByteArrayOutputStream();
            ResultSetMgr.write(ours, answer, ResultSetLang.RS_JSON);
            JENA.write(jenas, answer, null);
            assertEquals(jenas.toString(StandardCharsets.UTF_8), ours.toString(StandardCharsets.UTF_8));
            assertTrue(ours.toString(StandardCharsets.UTF_8).contains("\"boolean\" : " + answer));
        }
    }

    private static Node term(Random random, int depth) {
        String text = TEXTS.get(random.nextInt(TEXTS.size()));
        return switch (random.nextInt(depth > 0 ? 8 : 7)) {
            case 0 -> NodeFactory.createURI("https://w3id.org/digest-kg/author/" + random.nextInt(50));
            case 1 -> NodeFactory.createURI("http://example.org/" + text.replaceAll("[^A-Za-z]", ""));
            case 2 -> NodeFactory.createBlankNode("b" + random.nextInt(4)); // repeated: one label each
            case 3 -> NodeFactory.createLiteralString(text);
            case 4 -> NodeFactory.createLiteralLang(text, random.nextBoolean() ? "zh" : "en-GB");
            case 5 -> NodeFactory.createLiteralDirLang(text, "ar", random.nextBoolean() ? TextDirection.RTL : TextDirection.LTR);
            case 6 -> random.nextBoolean() ? NodeValue.makeInteger(random.nextInt(1000)).asNode()
                    : NodeValue.makeDate("2026-02-0" + (1 + random.nextInt(9))).asNode();
            default -> NodeFactory.createTripleTerm(term(random, 0),
                    NodeFactory.createURI("http://purl.org/dc/terms/creator"), term(random, depth - 1));
        };
    }

    private static JsonResults ours() {
        return (JsonResults) RowSetWriterRegistry.getFactory(ResultSetLang.RS_JSON).create(ResultSetLang.RS_JSON);
    }

    private static String write(RowSetWriter writer, List<Var> vars, List<Binding> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowSet rowSet = RowSetStream.create(vars, rows.iterator());
        writer.write(out, rowSet, null);
        return out.toString(StandardCharsets.UTF_8);
    }
}
