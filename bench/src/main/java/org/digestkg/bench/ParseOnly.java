package org.digestkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.StreamRDFLib;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.parse.DigestParser;
import org.digestkg.extractor.parse.DigestSink;
import org.digestkg.extractor.rdf.RdfMapper;

/**
 * A reference point for where a build's time goes, run by the benchmark as a subprocess on the CLI's own
 * classpath: {@code parse} reads every digest of a folder with the project's parser and drops the papers;
 * {@code map} also maps them to RDF quads, counted and dropped. Neither touches a store, so
 * {@code build − map} is the cost of TDB2 (indexing, transactions, commits) and of the latest-listing look-ups.
 *
 * <p>Usage: {@code ParseOnly parse|map DIR}; prints {@code files=… papers=… quads=… seconds=…}.
 */
public final class ParseOnly {

    private ParseOnly() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !(args[0].equals("parse") || args[0].equals("map"))) {
            System.err.println("usage: ParseOnly parse|map DIR");
            System.exit(2);
        }
        boolean map = args[0].equals("map");
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[1]))) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        long t0 = System.nanoTime();
        long[] papers = {0};
        StreamRDFCounting counter = StreamRDFLib.count();
        for (Path f : files) {
            if (map) {
                RdfMapper mapper = new RdfMapper(counter);
                DigestParser.parse(f, new DigestSink() {
                    @Override
                    public void start(org.digestkg.extractor.model.Digest d) {
                        mapper.start(d);
                    }

                    @Override
                    public void claimedCount(String code, int count) {
                        mapper.claimedCount(code, count);
                    }

                    @Override
                    public void paper(Paper paper) {
                        papers[0]++;
                        mapper.paper(paper);
                    }

                    @Override
                    public void finish() {
                        mapper.finish();
                    }
                });
            } else {
                DigestParser.parse(f, paper -> papers[0]++);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "files=%d papers=%d quads=%d seconds=%.3f%n", files.size(), papers[0],
                counter.countQuads() + counter.countTriples(), seconds);
    }
}
