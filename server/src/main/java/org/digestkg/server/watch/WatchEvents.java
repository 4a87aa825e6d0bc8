package org.digestkg.server.watch;

import java.nio.file.Path;

import org.digestkg.storage.ImportResult;
import org.digestkg.storage.LoadResult;

/**
 * What a {@link FolderWatcher} does, as it does it, on its own thread: for tests that must know where it is (the log
 * says the same to people). Every method does nothing unless overridden.
 */
interface WatchEvents {

    WatchEvents NONE = new WatchEvents() {
    };

    /** A file was seen new or changed, with this size; it loads once it has settled. */
    default void changed(Path file, long size) {
    }

    /** A file is about to be loaded; a load that comes before the file has settled may be rolled back, unreported. */
    default void loading(Path file) {
    }

    /** A digest was loaded, skipped as unchanged, or failed. */
    default void loaded(LoadResult result) {
    }

    /** An RDF file was imported or failed. */
    default void imported(ImportResult result) {
    }

    /** One round of looking at the folder and loading what settled is over. */
    default void round() {
    }
}
