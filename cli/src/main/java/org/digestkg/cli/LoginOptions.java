package org.digestkg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --user} and {@code --password-file}: HTTP basic authentication for a remote endpoint, shared by
 * {@code kg push} and {@code kg query --endpoint}. The password is read from a file, never from the command line,
 * where other users of the machine could see it.
 */
final class LoginOptions {

    /** A user and password; {@link #toString()} leaves the password out. */
    record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[user=" + user + "]";
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--user", paramLabel = "USER", description = "User for HTTP basic authentication.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the password (kept off the command line).")
    Path passwordFile;

    /** The login given, if any; {@code --user} without {@code --password-file} (or the reverse) is a usage error. */
    Optional<Login> login() {
        if (user == null && passwordFile == null) return Optional.empty();
        if (user == null || passwordFile == null) {
            throw ExitCode.usage(mixee, "--user and --password-file go together");
        }
        if (user.isEmpty() || user.indexOf(':') >= 0) {
            // RFC 7617: the first colon separates the user from the password
            throw ExitCode.usage(mixee, "--user must be non-empty and contain no ':'");
        }
        String password;
        try {
            password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw ExitCode.usage(mixee, "cannot read --password-file " + passwordFile + ": " + e.getMessage());
        }
        if (password.isEmpty()) {
            throw ExitCode.usage(mixee, "--password-file " + passwordFile + " has no password on its first line");
        }
        return Optional.of(new Login(user, password));
    }
}
