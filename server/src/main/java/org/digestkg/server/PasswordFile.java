package org.digestkg.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users allowed to change the served store ({@code kg serve --update}).
 *
 * <p>File format, UTF-8, one user a line:
 * <pre>
 * # comment
 * alice:s3cret
 * bob:another:password
 * </pre>
 * Blank lines and lines starting with {@code #} are ignored. The user name is what stands before the first
 * {@code ':'}, the password everything after it (so it may itself contain {@code ':'}); both are trimmed of
 * surrounding white space. Passwords are stored in clear text: keep the file readable by its owner only
 * ({@code chmod 600}). A missing file, an unreadable one, a malformed line or a file without any user is an error.
 */
public final class PasswordFile {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordFile.class);

    /** Password digests by user, so a comparison takes the same time whatever the lengths. */
    private final Map<String, byte[]> digests;
    private final Path source;

    private PasswordFile(Path source, Map<String, byte[]> digests) {
        this.source = source;
        this.digests = digests;
    }

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException with a message meant for the user when the file is missing, unreadable,
     *                                  malformed or holds no user
     */
    public static PasswordFile load(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("a password file is required to allow updates (lines 'user:password')");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("password file not found: " + file);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read password file " + file + ": " + e.getMessage(), e);
        }
        Map<String, byte[]> digests = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String user = colon < 0 ? "" : line.substring(0, colon).strip();
            String password = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (user.isEmpty() || password.isEmpty()) {
                throw new IllegalArgumentException(
                        "password file " + file + " line " + (i + 1) + ": expected 'user:password'");
            }
            if (digests.put(user, digest(password)) != null) {
                throw new IllegalArgumentException(
                        "password file " + file + " line " + (i + 1) + ": user '" + user + "' appears twice");
            }
        }
        if (digests.isEmpty()) {
            throw new IllegalArgumentException(
                    "password file " + file + " is empty: add at least one line 'user:password'");
        }
        warnIfOthersCanRead(file);
        return new PasswordFile(file, Collections.unmodifiableMap(digests));
    }

    /** True when {@code credentials} name a user of this file with the right password. */
    public boolean accepts(BasicCredentials credentials) {
        if (credentials == null) {
            return false;
        }
        byte[] expected = digests.get(credentials.user());
        byte[] given = digest(credentials.password());
        // Compare even for an unknown user so the answer time does not tell which users exist.
        boolean same = MessageDigest.isEqual(expected == null ? new byte[given.length] : expected, given);
        return expected != null && same;
    }

    public Set<String> users() {
        return digests.keySet();
    }

    public Path source() {
        return source;
    }

    private static byte[] digest(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void warnIfOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.GROUP_READ)) {
                LOG.warn("Password file {} is readable by other users; consider 'chmod 600 {}'", file, file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }
}
