package org.digestkg.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.TreeSet;
import java.util.Set;

import org.eclipse.jetty.security.PropertyUserStore;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.security.Credential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users allowed to change the served store: a password file in the format Jetty reads (its
 * {@code realm.properties}, the file Fuseki's own {@code --passwd} takes), read by Jetty's
 * {@link PropertyUserStore} and checked here, so that a mistake stops the server instead of opening it.
 *
 * <pre>
 * # comment
 * alice: s3cret
 * bob: another:password
 * carol: MD5:164c88b302622e17050af52c89945d44
 * </pre>
 * The user name is what stands before the first {@code ':'} (or {@code '='}), the password what follows, trimmed;
 * a password may be stored hashed ({@code MD5:}, {@code CRYPT:}, as Jetty's {@code Password} tool prints), and a
 * comma ends it (what follows is a list of roles, which this server does not use). Lines starting with {@code #}
 * or {@code !} are comments. A missing or unreadable file, a user without a password or a file without any user is
 * an error. Keep the file readable by its owner only ({@code chmod 600}).
 */
final class PasswordFile {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordFile.class);

    private final Path source;
    private final UserStore users;
    private final Set<String> names;

    private PasswordFile(Path source, UserStore users, Set<String> names) {
        this.source = source;
        this.users = users;
        this.names = names;
    }

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException with a message meant for the user when the file is missing, unreadable,
     *                                  names a user without a password or holds no user
     */
    static PasswordFile load(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("a password file is required to allow updates (lines 'user: password')");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("password file not found: " + file);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read password file " + file);
        }
        CheckedUserStore store = new CheckedUserStore();
        store.setConfig(ResourceFactory.root().newResource(file.toAbsolutePath()));
        try {
            store.start();
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot read password file " + file + ": " + e.getMessage(), e);
        }
        if (!store.withoutPassword.isEmpty()) {
            throw new IllegalArgumentException("password file " + file + ": user '" + store.withoutPassword.iterator().next()
                    + "' has no password (lines 'user: password')");
        }
        if (store.names.isEmpty()) {
            throw new IllegalArgumentException(
                    "password file " + file + " is empty: add at least one line 'user: password'");
        }
        warnIfOthersCanRead(file);
        return new PasswordFile(file, store, Collections.unmodifiableSet(store.names));
    }

    /** The users, for Jetty's login service. */
    UserStore users() {
        return users;
    }

    /** The user names, sorted. */
    Set<String> userNames() {
        return names;
    }

    Path source() {
        return source;
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

    /** Jetty's reading of the file, keeping out (and noting) any user whom an empty password would let in. */
    private static final class CheckedUserStore extends PropertyUserStore {
        final Set<String> names = new TreeSet<>();
        final Set<String> withoutPassword = new TreeSet<>();

        @Override
        public void addUser(String username, Credential credential, String[] roles) {
            if (credential.check("")) {
                withoutPassword.add(username);
                return;
            }
            names.add(username);
            super.addUser(username, credential, roles);
        }
    }
}
