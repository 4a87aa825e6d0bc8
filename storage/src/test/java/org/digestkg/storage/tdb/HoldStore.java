package org.digestkg.storage.tdb;

import java.io.IOException;
import java.nio.file.Path;

import org.digestkg.storage.GraphStore;

/** Another process with a store open: opens the store named by its argument, says "holding", waits for end of input. */
public final class HoldStore {

    private HoldStore() {
    }

    public static void main(String[] args) throws IOException {
        try (GraphStore store = GraphStore.open(Path.of(args[0]))) {
            System.out.println("holding " + ProcessHandle.current().pid());
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
