package org.digestkg.cli;

/** TDB2 refuses a second process on a store; say what that means for a user. */
final class StoreLocked {

    private StoreLocked() {
    }

    static String explain(String message) {
        if (message != null && (message.contains("Failed to get a lock") || message.contains("already locked"))) {
            return message + "\n  The store is in use by another process (a running 'kg serve'?). Stop it, or use another --store.";
        }
        return message;
    }
}
