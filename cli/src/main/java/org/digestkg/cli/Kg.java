package org.digestkg.cli;

import java.io.PrintWriter;

import org.digestkg.cli.coauthorship.AuthorsCommand;
import org.digestkg.cli.coauthorship.CoauthorsCommand;
import org.digestkg.cli.coauthorship.CollaborationsCommand;
import org.digestkg.cli.coauthorship.NetworkCommand;
import org.digestkg.cli.coauthorship.PathCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kg}: arXiv daily digests into an RDF knowledge graph, and ways to look at it. */
@Command(name = "kg",
        mixinStandardHelpOptions = true,
        versionProvider = Kg.Version.class,
        description = "Turns arXiv daily digests (markdown) into an RDF knowledge graph in a TDB2 store, "
                + "and queries, serves, exports and explores it.",
        subcommands = {
                BuildCommand.class,
                InspectCommand.class,
                QueryCommand.class,
                ExportCommand.class,
                StatsCommand.class,
                RemoveCommand.class,
                ServeCommand.class,
                PushCommand.class,
                CoauthorsCommand.class,
                PathCommand.class,
                CollaborationsCommand.class,
                AuthorsCommand.class,
                NetworkCommand.class,
                CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:failed, or some input was rejected (what was good is loaded)",
                "2:invalid command line"})
public final class Kg {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Kg());
        cl.setExecutionExceptionHandler(Kg::handle);
        return cl;
    }

    /** Failures a user can act on get one line, not a stack trace. */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println("kg " + cl.getCommandName() + ": " + StoreLocked.explain(e));
        err.flush();
        if (Boolean.getBoolean("kg.debug")) e.printStackTrace(err);
        return e instanceof IllegalArgumentException ? 2 : 1;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Kg.class.getPackage().getImplementationVersion();
            return new String[] {"digest-kg " + (v == null ? "(development build)" : v)
                    + ", Apache Jena " + org.apache.jena.Jena.VERSION};
        }
    }
}
