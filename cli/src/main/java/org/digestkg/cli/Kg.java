package org.digestkg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Properties;

import org.digestkg.cli.coauthorship.AuthorsCommand;
import org.digestkg.cli.coauthorship.CoauthorsCommand;
import org.digestkg.cli.coauthorship.CollaborationsCommand;
import org.digestkg.cli.coauthorship.NetworkCommand;
import org.digestkg.cli.coauthorship.PathCommand;
import org.digestkg.cli.search.IndexCommand;
import org.digestkg.cli.search.SearchCommand;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kg}: arXiv daily digests into an RDF knowledge graph, and ways to look at it. */
@Command(name = "kg",
        mixinStandardHelpOptions = true,
        versionProvider = Kg.Version.class,
        description = "Turns arXiv daily digests (markdown) into an RDF knowledge graph in a TDB2 store, "
                + "and queries, serves, exports and explores it.",
        exitCodeListHeading = "%nExit codes (every command):%n",
        exitCodeList = {
                ExitCode.OK + ":success",
                ExitCode.FAILED + ":failed, or some input was rejected (what was good is loaded)",
                ExitCode.USAGE + ":invalid command line"})
public final class Kg {

    /** The subcommands, in the order {@code kg --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            BuildCommand.class,
            InspectCommand.class,
            QueryCommand.class,
            ExportCommand.class,
            StatsCommand.class,
            ValidateCommand.class,
            RemoveCommand.class,
            CompactCommand.class,
            ServeCommand.class,
            PushCommand.class,
            SearchCommand.class,
            IndexCommand.class,
            CoauthorsCommand.class,
            PathCommand.class,
            CollaborationsCommand.class,
            AuthorsCommand.class,
            NetworkCommand.class,
            AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class);

    static {
        // Picocli looks for Groovy's Closure class (for closures in annotations, which kg has none of) when its first
        // command line is made, unless told not to: a class that is not there is searched for through every jar on
        // the class path, 85 ms of each command.
        System.setProperty("picocli.disable.closures", "true");
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The configured command line, with every subcommand; also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The command line for running {@code args}: when they name a subcommand, with that one alone. Picocli reads
     * every subcommand's options by reflection when it is added, which took a third of a second of each short
     * command; help, completion and mistakes (which suggest the names) get them all.
     */
    static CommandLine commandLine(String[] args) {
        String name = args.length == 0 ? "" : args[0];
        for (Class<?> c : SUBCOMMANDS) {
            Command command = c.getAnnotation(Command.class);
            if (c != CommandLine.HelpCommand.class && c != AutoComplete.GenerateCompletion.class
                    && command.name().equals(name)) {
                return commandLine(List.of(c));
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new Kg());
        for (Class<?> c : subcommands) cl.addSubcommand(c);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(new ExitCode());
        cl.setParameterExceptionHandler(Kg::usage);
        cl.setExecutionExceptionHandler(Kg::handle);
        return cl;
    }

    /** A usage mistake: what is wrong and where help is, without the whole usage text burying it. */
    private static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return cl.getExitCodeExceptionMapper().getExitCode(e);
    }

    /** Failures a user can act on get one line, not a stack trace. */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandSpec().qualifiedName() + ": " + Failures.describe(e));
        err.flush();
        if (Boolean.getBoolean("kg.debug")) e.printStackTrace(err);
        return cl.getExitCodeExceptionMapper().getExitCode(e);
    }

    /** The version Maven built (filled into {@code version.properties}), with Jena's and Java's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Kg.class.getResourceAsStream("version.properties")) {
                if (in == null) throw new IOException("version.properties is missing from the build");
                p.load(in);
            }
            return new String[] {"digest-kg " + p.getProperty("version"),
                    "Apache Jena " + org.apache.jena.Jena.VERSION + ", Java " + Runtime.version()};
        }
    }
}
