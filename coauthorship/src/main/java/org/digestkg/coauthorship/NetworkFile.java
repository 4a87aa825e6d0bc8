package org.digestkg.coauthorship;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The co-authorship network in a file: the papers and their authors (what the loader reads from the store), with
 * the days each paper was listed on (what an update after a change of some days needs), under the key of the
 * store's committed state they were read from. Links are not kept: they follow from the papers, and
 * recomputing them costs less than reading them.
 *
 * <p>Layout: a magic number and the format version, the state key, the authors (IRI, name) in id order, the papers
 * (IRI, arXiv id, title, category, first day, author count, author ids, listing days) in id order, then a CRC-32 of everything
 * before it. A file that is cut short, altered, of another format or inconsistent is {@link Corrupt}: it is
 * rebuilt, never trusted. It is written to a temporary file that is moved over the old one, so a reader finds the
 * old file or the new one, never half of one.
 */
final class NetworkFile {

    /** "DKGC". */
    private static final int MAGIC = 0x444B4743;
    /** Raise when the layout or the meaning of what is stored changes: older files are then rebuilt. */
    static final int FORMAT = 2;

    private NetworkFile() {
    }

    /** A network and the key of the store's state it was read from. */
    record Stored(String stateKey, CoauthorGraphLoader.Loaded network) {
    }

    /** The file cannot be used: why, in a few words. */
    static final class Corrupt extends Exception {
        Corrupt(String why) {
            super(why);
        }
    }

    /**
     * The file this process last wrote or read, as it was on disk then, with what it holds: a server updates the
     * network after each watched day and its co-author index reads it right after, which need not decode 10 MB
     * again (nor the next update read it). Any change of the file on disk (every write replaces it, so its inode
     * changes) makes it read again. The file is known by its absolute path: a server given a relative store folder
     * writes it by one and reads it by the other.
     */
    private record Seen(Path file, Object fileKey, FileTime modified, long size, Stored stored) {

        static Seen of(Path file, BasicFileAttributes attributes, Stored stored) {
            return new Seen(file.toAbsolutePath().normalize(), attributes.fileKey(), attributes.lastModifiedTime(),
                    attributes.size(), stored);
        }

        boolean same(Path other, BasicFileAttributes attributes) {
            return file.equals(other.toAbsolutePath().normalize()) && fileKey != null
                    && fileKey.equals(attributes.fileKey()) && modified.equals(attributes.lastModifiedTime())
                    && size == attributes.size();
        }
    }

    private static volatile Seen seen;

    /** The network in {@code file}, or null when there is none. */
    static Stored read(Path file) throws IOException, Corrupt {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
        Seen last = seen;
        if (last != null && last.same(file, attributes)) {
            return last.stored();
        }
        Stored stored = decode(file);
        if (stored != null) {
            seen = Seen.of(file, attributes, stored);
        }
        return stored;
    }

    private static Stored decode(Path file) throws IOException, Corrupt {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (bytes.length < 8 + 8) {
            throw new Corrupt("too short");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        if (crc.getValue() != b.getLong(bytes.length - 8)) {
            throw new Corrupt("checksum mismatch (cut short or altered)");
        }
        b.limit(bytes.length - 8);
        try {
            header(b);
            String key = string(b);
            AuthorRef[] authors = new AuthorRef[count(b)];
            for (int a = 0; a < authors.length; a++) {
                authors[a] = new AuthorRef(string(b), string(b));
            }
            PaperRef[] papers = new PaperRef[count(b)];
            int[][] authorsByPaper = new int[papers.length][];
            int[][] days = new int[papers.length][];
            for (int p = 0; p < papers.length; p++) {
                String iri = string(b);
                String arxivId = string(b);
                String title = string(b);
                String category = nullableString(b);
                long day = b.getLong();
                int authorCount = b.getInt();
                papers[p] = new PaperRef(iri, arxivId, title, category,
                        day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day), authorCount);
                int[] ids = new int[count(b)];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = b.getInt();
                    if (ids[i] < 0 || ids[i] >= authors.length || (i > 0 && ids[i] <= ids[i - 1])) {
                        throw new Corrupt("paper " + p + " has bad author ids");
                    }
                }
                authorsByPaper[p] = ids;
                int[] listed = new int[count(b)];
                for (int i = 0; i < listed.length; i++) {
                    listed[i] = b.getInt();
                }
                days[p] = listed;
            }
            if (b.hasRemaining()) {
                throw new Corrupt("unexpected bytes after the papers");
            }
            return new Stored(key, new CoauthorGraphLoader.Loaded(authors, papers, authorsByPaper, days));
        } catch (BufferUnderflowException | IllegalArgumentException | NullPointerException
                 | java.time.DateTimeException e) {
            throw new Corrupt("unreadable: " + e);
        }
    }

    /** A paper as the file holds it: with its authors' ids (ascending) and the days it was listed on. */
    record Entry(PaperRef paper, int[] authorIds, int[] days) {
    }

    /**
     * Writes the network under {@code stateKey}, replacing the file whole. Streamed to a file beside it, then moved
     * over it: a decade of digests makes a file of hundreds of megabytes, which must not be held in memory too.
     */
    static void write(Path file, String stateKey, CoauthorGraphLoader.Loaded network) throws IOException {
        Iterator<Entry> papers = new Iterator<>() {
            private int p;

            @Override
            public boolean hasNext() {
                return p < network.papers().length;
            }

            @Override
            public Entry next() {
                Entry e = new Entry(network.papers()[p], network.authorsByPaper()[p], network.days()[p]);
                p++;
                return e;
            }
        };
        write(file, stateKey, network.authors().length, Arrays.asList(network.authors()).iterator(),
                network.papers().length, papers);
        seen = Seen.of(file, Files.readAttributes(file, BasicFileAttributes.class), new Stored(stateKey, network));
    }

    /**
     * Writes a network given as a stream of its authors (in id order) and papers (in id order), under
     * {@code stateKey}, replacing the file whole; the counts are those the streams give.
     */
    static void write(Path file, String stateKey, int authorCount, Iterator<AuthorRef> authors, int paperCount,
            Iterator<Entry> papers) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
            // the checksum is taken over the buffer's blocks, not byte by byte as the data stream writes its numbers
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 CheckedOutputStream checked = new CheckedOutputStream(Channels.newOutputStream(channel), new CRC32());
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                string(out, stateKey);
                out.writeInt(authorCount);
                for (int a = 0; a < authorCount; a++) {
                    AuthorRef author = authors.next();
                    string(out, author.iri());
                    string(out, author.name());
                }
                out.writeInt(paperCount);
                for (int p = 0; p < paperCount; p++) {
                    Entry entry = papers.next();
                    paper(out, entry.paper());
                    out.writeInt(entry.authorIds().length);
                    for (int id : entry.authorIds()) {
                        out.writeInt(id);
                    }
                    out.writeInt(entry.days().length);
                    for (int day : entry.days()) {
                        out.writeInt(day);
                    }
                }
                if (authors.hasNext() || papers.hasNext()) {
                    throw new IllegalStateException("more authors or papers than counted");
                }
                out.flush();
                out.writeLong(checked.getChecksum().getValue()); // of everything before it
                out.flush();
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void header(ByteBuffer b) throws Corrupt {
        if (b.getInt() != MAGIC) {
            throw new Corrupt("not a co-authorship index");
        }
        int format = b.getInt();
        if (format != FORMAT) {
            throw new Corrupt("format " + format + ", not " + FORMAT);
        }
    }

    private static int count(ByteBuffer b) throws Corrupt {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new Corrupt("bad count " + n);
        }
        return n;
    }

    private static String string(ByteBuffer b) throws Corrupt {
        String s = nullableString(b);
        if (s == null) {
            throw new Corrupt("a missing string");
        }
        return s;
    }

    private static String nullableString(ByteBuffer b) throws Corrupt {
        int length = b.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > b.remaining()) {
            throw new Corrupt("bad string length " + length);
        }
        String s = new String(b.array(), b.position(), length, StandardCharsets.UTF_8);
        b.position(b.position() + length);
        return s;
    }

    /** A paper's own fields, as the file and {@link SpilledNetwork} write them. */
    static void paper(DataOutputStream out, PaperRef paper) throws IOException {
        string(out, paper.iri());
        string(out, paper.arxivId());
        string(out, paper.title());
        string(out, paper.category());
        out.writeLong(paper.firstListed() == null ? Long.MIN_VALUE : paper.firstListed().toEpochDay());
        out.writeInt(paper.authorCount());
    }

    /** A paper's own fields written by {@link #paper(DataOutputStream, PaperRef)}, read back from a stream. */
    static PaperRef paper(DataInputStream in) throws IOException {
        String iri = SpillFile.readString(in);
        String arxivId = SpillFile.readString(in);
        String title = SpillFile.readString(in);
        String category = SpillFile.readString(in);
        long day = in.readLong();
        int authorCount = in.readInt();
        return new PaperRef(iri, arxivId, title, category, day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day),
                authorCount);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        SpillFile.writeString(out, s);
    }
}
