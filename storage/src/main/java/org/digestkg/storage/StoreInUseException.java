package org.digestkg.storage;

import java.nio.file.Path;
import java.util.OptionalLong;

/** The store could not be opened because another process has it open: TDB2 allows one process per store. */
public final class StoreInUseException extends IllegalStateException {

    private final transient Path dir;
    private final OptionalLong pid;

    public StoreInUseException(Path dir, OptionalLong pid, Throwable cause) {
        super("the store " + dir + " is in use by another process"
                + (pid.isPresent() ? " (process " + pid.getAsLong() + ")" : ""), cause);
        this.dir = dir;
        this.pid = pid;
    }

    public Path dir() {
        return dir;
    }

    /** The process holding the store, when TDB2 recorded it. */
    public OptionalLong pid() {
        return pid;
    }
}
