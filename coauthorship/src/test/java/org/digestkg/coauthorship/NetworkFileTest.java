package org.digestkg.coauthorship;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;

import org.digestkg.coauthorship.CoauthorGraphLoader.Loaded;
import org.digestkg.coauthorship.NetworkFile.Stored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network file read back as written, and what this process wrote or read is only reused while the file is unchanged. */
class NetworkFileTest {

    @TempDir
    Path tmp;

    private static Loaded network() {
        AuthorRef alice = new AuthorRef("urn:a", "Alice");
        AuthorRef bob = new AuthorRef("urn:b", "Bob");
        PaperRef paper = new PaperRef("urn:p", "2601.00001", "Title", null, LocalDate.parse("2026-01-01"), 2);
        return new Loaded(new AuthorRef[] {alice, bob}, new PaperRef[] {paper}, new int[][] {{0, 1}},
                new int[][] {{20454, 20460}});
    }

    @Test
    void whatThisProcessWroteIsReusedUntilTheFileChangesOnDisk() throws Exception {
        Path file = tmp.resolve(StoredNetwork.FILE);
        Loaded network = network();
        NetworkFile.write(file, "key-1", network);

        Stored kept = NetworkFile.read(file);
        assertEquals("key-1", kept.stateKey());
        assertSame(network, kept.network(), "the network just written, not decoded again");

        // the same bytes written again in place (a copy restored, say): read from the disk
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 1000));
        Stored decoded = NetworkFile.read(file);
        assertNotSame(network, decoded.network());
        assertEquals("key-1", decoded.stateKey());
        assertArrayEquals(network.authors(), decoded.network().authors());
        assertArrayEquals(network.papers(), decoded.network().papers());
        assertArrayEquals(network.authorsByPaper(), decoded.network().authorsByPaper());
        assertArrayEquals(network.days(), decoded.network().days());
        assertSame(decoded, NetworkFile.read(file), "and that is reused while the file stays as it is");

        // altered on disk: never taken from memory, found corrupt
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        assertThrows(NetworkFile.Corrupt.class, () -> NetworkFile.read(file));
    }

    @Test
    void theFileIsKnownAgainByAnotherPathToIt() throws Exception {
        // a server given a relative --store writes the file by its absolute path and reads it by the relative one
        Path file = tmp.resolve(StoredNetwork.FILE);
        Loaded network = network();
        NetworkFile.write(file.toAbsolutePath(), "key-1", network);
        Path relative = Path.of("").toAbsolutePath().relativize(file.toAbsolutePath());
        assertSame(network, NetworkFile.read(relative).network(), "not decoded again");
        assertSame(network, NetworkFile.read(tmp.resolve(".").resolve(StoredNetwork.FILE)).network());
    }
}
