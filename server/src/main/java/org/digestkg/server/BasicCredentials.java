package org.digestkg.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/** A user name and password for HTTP basic authentication. */
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
        String token = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the credentials from an {@code Authorization: Basic ...} header value; empty when absent or malformed. */
    public static Optional<BasicCredentials> fromAuthorizationHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.trim();
        if (h.length() < 6 || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** Never shows the password, so credentials can be logged by accident without harm. */
    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }
}
