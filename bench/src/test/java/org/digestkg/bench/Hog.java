package org.digestkg.bench;

import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A child process for {@link ProcessProbeTest}: touches N MiB of heap, holds it a while, exits. With a third
 * argument, a file, it also maps M MiB of it and reads every page (so they are resident and file-backed, as TDB2's
 * store files are): {@code Hog HEAP_MIB HOLD_MS [FILE MAP_MIB]}.
 */
public final class Hog {

    private Hog() {
    }

    public static void main(String[] args) throws Exception {
        int mib = Integer.parseInt(args[0]);
        long holdMs = Long.parseLong(args[1]);
        byte[][] blocks = new byte[mib][];
        for (int i = 0; i < mib; i++) {
            blocks[i] = new byte[1 << 20];
            for (int j = 0; j < blocks[i].length; j += 4096) blocks[i][j] = 1;
        }
        long sum = 0;
        MappedByteBuffer map = null;
        if (args.length > 2) {
            long size = Long.parseLong(args[3]) << 20;
            try (RandomAccessFile f = new RandomAccessFile(Path.of(args[2]).toFile(), "rw")) {
                f.setLength(size);
                map = f.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, size);
            }
            for (int i = 0; i < size; i += 4096) map.put(i, (byte) 1); // written: resident until written back and dropped
            for (int i = 0; i < size; i += 4096) sum += map.get(i);
        }
        Thread.sleep(holdMs);
        System.out.println("held " + blocks.length + " MiB" + (map == null ? "" : ", mapped " + (sum * 4096 >> 20) + " MiB"));
    }
}
