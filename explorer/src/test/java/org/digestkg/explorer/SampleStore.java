package org.digestkg.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.parse.DigestParser;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.LoadResult;

/**
 * A real TDB2 store of the repository's two sample digests (data/*.md) and one hostile digest of this module's
 * tests (2026-03-01: a title and names made of HTML and script, a paper listed again with a new title), built once
 * per test JVM and shared by the test classes: loading it is the slow part.
 */
public final class SampleStore {

    public static final String BASE = "https://w3id.org/digest-kg/";
    public static final String RUNJIE_ZHOU = BASE + "author/Runjie_Zhou";
    public static final String WORLD_VQA = BASE + "paper/2602.02537";
    public static final String HOSTILE_PAPER = BASE + "paper/2603.00001";
    public static final String RELISTED_PAPER = BASE + "paper/2602.17875";

    private static GraphStore store;
    private static Path dir;

    private SampleStore() {
    }

    public static synchronized GraphStore get() {
        if (store == null) {
            try {
                dir = Files.createTempDirectory("explorer-store");
                store = GraphStore.open(dir);
                DigestLoader loader = new DigestLoader(store);
                for (Path digest : digests()) {
                    LoadResult r = loader.load(digest, null);
                    if (r.status() != LoadResult.Status.LOADED) {
                        throw new IllegalStateException("sample digest did not load: " + digest + ": " + r);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SampleStore::delete));
        }
        return store;
    }

    /** The two samples and the hostile digest, oldest first. */
    public static List<Path> digests() {
        List<Path> files = new ArrayList<>();
        Path data = root().resolve("data");
        files.add(data.resolve("2026-02-04.md"));
        files.add(data.resolve("2026-02-23.md"));
        files.add(hostileDigest());
        return files;
    }

    /** The entries of a digest as the parser reads them: the oracle the pages are checked against. */
    public static List<Paper> parse(Path digest) {
        List<Paper> papers = new ArrayList<>();
        DigestParser.parse(digest, papers::add);
        return papers;
    }

    public static Path hostileDigest() {
        try {
            return Path.of(SampleStore.class.getResource("/digests/2026-03-01.md").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path root() {
        String prop = System.getProperty("digestkg.root");
        Path p = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (no data/ folder above)");
        }
        return p;
    }

    private static synchronized void delete() {
        try {
            if (store != null) {
                store.close();
            }
            if (dir != null) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException | RuntimeException e) {
            // a temp folder left behind is not worth failing the run for
        }
    }
}
