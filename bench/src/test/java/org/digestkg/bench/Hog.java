package org.digestkg.bench;

/** A child process for {@link ProcessProbeTest}: touches N MiB of heap, holds it a while, exits. */
public final class Hog {

    private Hog() {
    }

    public static void main(String[] args) throws InterruptedException {
        int mib = Integer.parseInt(args[0]);
        long holdMs = Long.parseLong(args[1]);
        byte[][] blocks = new byte[mib][];
        for (int i = 0; i < mib; i++) {
            blocks[i] = new byte[1 << 20];
            for (int j = 0; j < blocks[i].length; j += 4096) blocks[i][j] = 1;
        }
        Thread.sleep(holdMs);
        System.out.println("held " + blocks.length + " MiB");
    }
}
