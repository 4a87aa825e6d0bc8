package org.digestkg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.digestkg.storage.StoreInUseException;

/** One line for a failure: what went wrong, from the exception chain, in terms of what the user asked for. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable e) {
        if (find(e, StoreInUseException.class) != null) return StoreLocked.explain(e);
        if (find(e, QueryCancelledException.class) != null) {
            return "the query ran longer than its time limit (--timeout) and was stopped";
        }
        if (find(e, HttpTimeoutException.class) != null) {
            return "no answer from the endpoint within the time limit (--timeout)";
        }
        QueryExceptionHTTP query = find(e, QueryExceptionHTTP.class);
        if (query != null) return http(query.getStatusCode(), query.getMessage());
        HttpException http = find(e, HttpException.class);
        if (http != null) return http(http.getStatusCode(), http.getMessage());
        if (e instanceof UncheckedIOException || e.getCause() instanceof IOException && e.getMessage() != null
                && e.getMessage().equals(e.getCause().toString())) {
            // a wrapper that only repeats its cause: say what the system said ("No space left on device")
            return describe(e.getCause());
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static String http(int status, String message) {
        String hint = switch (status) {
            case 401 -> ": the endpoint wants a user and password (--user, --password-file), or refused the ones given";
            case 403 -> ": the endpoint refuses this (read-only, or the user may not)";
            case 404 -> ": no such endpoint at that URL";
            case -1 -> ": the endpoint could not be reached";
            default -> "";
        };
        return (status > 0 ? "HTTP " + status + " " : "") + message + hint;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }
}
