package org.digestkg.cli;

import org.digestkg.storage.StoreInUseException;

/** TDB2 allows one process per store; say what that means for a user of the command line. */
final class StoreLocked {

    private StoreLocked() {
    }

    /** The message of {@code failure}, with what to do when it is that the store is in use. */
    static String explain(Throwable failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StoreInUseException inUse) {
                return inUse.getMessage()
                        + "\n  Stop that process (a running 'kg serve'?), or use another --store.";
            }
        }
        return message;
    }
}
