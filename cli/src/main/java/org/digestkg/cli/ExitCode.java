package org.digestkg.cli;

import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The one exit-code scheme of {@code kg}: 0 success, 1 something failed (or input was rejected), 2 the command
 * line was wrong. Usage mistakes are {@link ParameterException}s, whether picocli finds them while parsing or a
 * command finds them later; every other exception is a failure.
 */
public final class ExitCode implements IExitCodeExceptionMapper {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Override
    public int getExitCode(Throwable exception) {
        return exception instanceof ParameterException ? USAGE : FAILED;
    }

    /** A usage mistake found by a command, reported like picocli's own: the message, then where to find help. */
    public static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A usage mistake a library reported in its own words, with the option it concerns. */
    static ParameterException usage(CommandSpec spec, String option, IllegalArgumentException e) {
        return new ParameterException(spec.commandLine(), option + ": " + e.getMessage(), e);
    }
}
