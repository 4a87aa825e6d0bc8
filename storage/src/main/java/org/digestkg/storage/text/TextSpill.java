package org.digestkg.storage.text;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.sparql.core.Quad;

/**
 * The texts of a write that goes around the index (TDB2's bulk loader), kept in a file until the index can take
 * them: the bulk loader writes on one core while the digests are parsed on the other, and the index is only free to
 * work while TDB2 builds its other indexes, after the last digest was read. A file rather than memory: a year of
 * abstracts and summaries is hundreds of megabytes of strings. Only indexed literals are kept, one batch per
 * {@link #write} (a digest), in order; the file is deleted when closed.
 */
public final class TextSpill implements AutoCloseable {

    private final Path file;
    private final EntityDefinition def;
    private final DataOutputStream out;

    TextSpill(Path file, EntityDefinition def) {
        this.file = file;
        this.def = def;
        try {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Keeps the indexed literals of {@code quads} as one batch. Not thread-safe: one writer. */
    public void write(Iterable<Quad> quads) {
        List<Quad> texts = new ArrayList<>();
        for (Quad q : quads) {
            if (q.getObject().isLiteral() && def.getField(q.getPredicate()) != null) texts.add(q);
        }
        try {
            out.writeInt(texts.size());
            for (Quad q : texts) {
                writeString(q.getGraph().getURI());
                writeString(q.getSubject().getURI());
                writeString(q.getPredicate().getURI());
                Node o = q.getObject();
                writeString(o.getLiteralLexicalForm());
                writeString(o.getLiteralLanguage());
                writeString(o.getLiteralLanguage().isEmpty() ? o.getLiteralDatatypeURI() : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Hands each batch kept, in order, to {@code batch}; no more can be written. */
    public void read(Consumer<List<Quad>> batch) {
        try {
            out.close();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                while (true) {
                    int n;
                    try {
                        n = in.readInt();
                    } catch (EOFException end) {
                        return;
                    }
                    List<Quad> quads = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        Node g = NodeFactory.createURI(readString(in));
                        Node s = NodeFactory.createURI(readString(in));
                        Node p = NodeFactory.createURI(readString(in));
                        String lexical = readString(in);
                        String lang = readString(in);
                        String datatype = readString(in);
                        Node o = lang.isEmpty()
                                ? NodeFactory.createLiteralDT(lexical, TypeMapper.getInstance().getSafeTypeByName(datatype))
                                : NodeFactory.createLiteralLang(lexical, lang);
                        quads.add(Quad.create(g, s, p, o));
                    }
                    batch.accept(quads);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeString(String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Deletes the file. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the file goes anyway
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
