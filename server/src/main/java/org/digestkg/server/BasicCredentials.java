package org.digestkg.server;

import java.util.Objects;

import org.apache.jena.http.HttpLib;

/**
 * A user name and password that a client sends with HTTP basic authentication ({@link GraphPusher},
 * {@link RemoteEndpoint}). The server side is Jetty's: see {@link PasswordFile}.
 */
public record BasicCredentials(String user, String password) {

    public BasicCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isEmpty() || user.indexOf(':') >= 0) {
            // RFC 7617: the user-id cannot contain a colon, the first colon separates it from the password.
            throw new IllegalArgumentException("user name must be non-empty and contain no ':'");
        }
    }

    /** The value of an {@code Authorization} header carrying these credentials. */
    public String authorizationHeader() {
        return HttpLib.basicAuth(user, password);
    }

    /** Never shows the password, so credentials can be logged by accident without harm. */
    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }
}
