package org.digestkg.storage;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.model.Digest;
import org.digestkg.extractor.parse.DigestException;
import org.digestkg.extractor.parse.DigestParser;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.Iris;
import org.digestkg.storage.tdb.CommittedState;
import org.digestkg.storage.tdb.StoreFingerprint;
import org.slf4j.LoggerFactory;

/**
 * The digests a store holds, by day with their hash, kept beside it in {@value #FILE} with the store's
 * {@linkplain StoreFingerprint fingerprint} and {@linkplain CommittedState committed state} at the time. The list
 * lets {@code kg build} of files that are all stored already, byte for byte, say so without opening the store, which
 * with starting Jena takes most of a second; the state lets a reader use what is kept beside the store under it
 * (statistics, the co-author network) without opening the store either. Both are trusted only while the fingerprint
 * is the store's; any change of the store, by any means, or any doubt sends the command the ordinary way, and the
 * next command that opens the store writes the list again.
 */
public final class StoredDigests {

    public static final String FILE = "digests.tsv";

    private static final String HEADER = "# digest-kg: the digests stored, by day, with their SHA-256, for the store state named below. Made by kg; safe to delete.";
    private static final String STATE = "state\t";
    private static final String COMMITTED = "committed\t";

    private StoredDigests() {
    }

    /**
     * Writes the list for the store's last committed state, or removes it when that state cannot be pinned down (a
     * commit under way). Call outside any transaction, in the process that has the store open, after its last write;
     * a failure only costs the next command its short way.
     */
    public static void keep(GraphStore store) {
        Path file = store.dir().resolve(FILE);
        try {
            // the same state before and after reading: no commit (a watched folder's, an update's) came in between
            Optional<String> state = StoreFingerprint.ofOpen(store.dir());
            Kept stored = stored(store.datasetGraph());
            if (state.isEmpty() || !state.equals(StoreFingerprint.ofOpen(store.dir()))) {
                Files.deleteIfExists(file);
                return;
            }
            Path tmp = Files.createTempFile(store.dir(), FILE, ".tmp");
            try {
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write(HEADER + "\n" + STATE + state.get() + "\n");
                    if (stored.committed() != null) w.write(COMMITTED + stored.committed() + "\n");
                    for (Map.Entry<LocalDate, String> e : stored.days().entrySet()) w.write(e.getKey() + "\t" + e.getValue() + "\n");
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // the logger only now: setting it up costs a short build a tenth of its time
            LoggerFactory.getLogger(StoredDigests.class).debug("could not keep the list of stored digests in {}: {}", file, e.toString());
            try {
                Files.deleteIfExists(file); // a list that may be stale must not outlive this state
            } catch (IOException ignored) {
                // the fingerprint written in it no longer matches once the store changes
            }
        }
    }

    /**
     * What loading {@code files} into the store in {@code storeDir} would report, when each is a digest (not an RDF
     * import) that the store holds with the same bytes: the same results the load gives ({@code unchanged}), found
     * without opening the store. Empty when any file is not such a digest, when the store is open elsewhere or has
     * changed since its list was kept, and on any doubt: then the load itself decides.
     *
     * @param date the day given for a single file ({@code --date}), or null for days from the file names
     */
    public static Optional<List<LoadResult>> allUnchanged(Path storeDir, List<Path> files, LocalDate date) {
        if (files.isEmpty() || !files.stream().allMatch(InputFiles::isDigest)) return Optional.empty();
        Optional<Kept> kept = read(storeDir.resolve(FILE), true);
        if (kept.isEmpty()) return Optional.empty();
        List<DigestParser> parsers = new ArrayList<>();
        try {
            for (Path file : files) {
                DigestParser.Builder parser = DigestParser.create().source(file).sourceName(file.toString());
                if (date != null) parser.date(date);
                parsers.add(parser.build());
            }
        } catch (DigestException e) {
            return Optional.empty(); // the load reports it
        }
        // days first, from the names alone: a new day among stored ones (the daily build of a whole folder) is
        // found before any file is read
        if (!parsers.stream().allMatch(p -> kept.get().days().containsKey(p.date()))) return Optional.empty();
        List<LoadResult> results = new ArrayList<>();
        for (DigestParser parser : parsers) {
            long t0 = System.nanoTime();
            Digest digest;
            try {
                digest = parser.identify();
            } catch (DigestException e) {
                return Optional.empty();
            }
            if (!digest.sha256().equals(kept.get().days().get(digest.date()))) return Optional.empty();
            results.add(new LoadResult(digest.source(), digest.date(), LoadResult.Status.UNCHANGED, 0, 0, 0, 0, List.of(),
                    List.of(), Duration.ofNanos(System.nanoTime() - t0), null));
        }
        // last: the store must be in the state the list was kept for, now that every file matched it
        return StoreFingerprint.ofClosed(storeDir).filter(kept.get().state()::equals).map(same -> results);
    }

    /**
     * The key of the committed state of the closed store in {@code storeDir}, told from the list kept beside it: what
     * the store's statistics and co-author network are kept under. Empty when the store has changed since the list was
     * kept, is open elsewhere, or on any doubt: then the reader opens the store.
     */
    public static Optional<String> committedKey(Path storeDir) {
        Optional<Kept> kept = read(storeDir.resolve(FILE), false).filter(k -> k.committed() != null);
        if (kept.isEmpty()) return Optional.empty();
        return StoreFingerprint.ofClosed(storeDir).filter(kept.get().state()::equals).map(same -> kept.get().committed());
    }

    /**
     * Every stored digest's day and hash (the {@code dkg:sha256} each digest graph gives itself), and the committed
     * state they were read in (null when it cannot be told); no fingerprint yet.
     */
    private static Kept stored(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Map<LocalDate, String> days = new TreeMap<>();
            dsg.find(Node.ANY, Node.ANY, DKG.sha256, Node.ANY).forEachRemaining(q -> {
                LocalDate day = Iris.digestDay(q.getGraph());
                if (day != null && q.getGraph().equals(q.getSubject()) && q.getObject().isLiteral()) {
                    days.put(day, q.getObject().getLiteralLexicalForm());
                }
            });
            return new Kept(null, CommittedState.seenBy(dsg).map(CommittedState::key).orElse(null), days);
        });
    }

    /**
     * The list as kept: the store's fingerprint it was made for, the key of the committed state it was read in (null
     * in a list kept before the key was), and the days with their hashes.
     */
    private record Kept(String state, String committed, Map<LocalDate, String> days) {
    }

    /**
     * The list, or empty when there is none or it cannot be read as written; with its days, or only the states that
     * head it (a decade's 1,840 days are a tenth of a second of {@code kg stats} in a JVM just started).
     */
    private static Optional<Kept> read(Path file, boolean withDays) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        String state = null;
        String committed = null;
        Map<LocalDate, String> days = new TreeMap<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("#")) continue;
                if (line.startsWith(STATE)) {
                    state = line.substring(STATE.length());
                    continue;
                }
                if (line.startsWith(COMMITTED)) {
                    committed = line.substring(COMMITTED.length());
                    continue;
                }
                if (!withDays) break; // the days follow the states
                int tab = line.indexOf('\t');
                if (tab < 0) return Optional.empty();
                days.put(LocalDate.parse(line.substring(0, tab)), line.substring(tab + 1));
            }
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
        return state == null ? Optional.empty() : Optional.of(new Kept(state, committed, days));
    }
}
