package org.digestkg.coauthorship;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The centrality of every author of a store's whole network ({@link WeightedPageRank}), kept beside the network file
 * ({@value #FILE}) under the same key of the store's committed state: the iteration takes half a second of
 * {@code kg authors} on a year of digests, and its result changes only with the store. Made by the first reader
 * that needs it after a change, like the store's counts; a file for another state, cut short or of another format
 * is made again.
 */
final class CentralityFile {

    static final String FILE = "coauthorship-centrality.bin";

    private static final int MAGIC = 0x444B4352;
    private static final int FORMAT = 1;

    private CentralityFile() {
    }

    /**
     * The scores kept in {@code file} for {@code stateKey} and {@code authors} authors; empty when there are none
     * (no file, another state's, cut short, unreadable).
     */
    static Optional<double[]> read(Path file, String stateKey, int authors) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
            if (b.remaining() < 8 + 8) return Optional.empty();
            CRC32 crc = new CRC32();
            crc.update(b.array(), 0, b.limit() - 8);
            if (b.getLong(b.limit() - 8) != crc.getValue()) return Optional.empty();
            if (b.getInt() != MAGIC || b.getInt() != FORMAT) return Optional.empty();
            byte[] key = new byte[b.getInt()];
            b.get(key);
            if (!new String(key, StandardCharsets.UTF_8).equals(stateKey) || b.getInt() != authors) {
                return Optional.empty();
            }
            double[] scores = new double[authors];
            b.asDoubleBuffer().get(scores);
            return Optional.of(scores);
        } catch (IOException | BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            return Optional.empty();
        }
    }

    /** Writes {@code scores} under {@code stateKey}, replacing the file whole. */
    static void write(Path file, String stateKey, double[] scores) throws IOException {
        byte[] key = stateKey.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + 4 + key.length + 4 + 8 * scores.length + 8);
        b.putInt(MAGIC).putInt(FORMAT).putInt(key.length).put(key).putInt(scores.length);
        for (double s : scores) b.putDouble(s);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putLong(crc.getValue());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, b.array());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
