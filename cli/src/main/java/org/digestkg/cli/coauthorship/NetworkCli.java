package org.digestkg.cli.coauthorship;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.digestkg.cli.EnumNames;
import org.digestkg.cli.StoreOption;
import org.digestkg.coauthorship.AuthorOrder;
import org.digestkg.coauthorship.AuthorRef;
import org.digestkg.coauthorship.CoauthorNetwork;
import org.digestkg.coauthorship.NetworkFormat;
import org.digestkg.coauthorship.PairOrder;
import org.digestkg.coauthorship.PaperFilter;
import org.digestkg.coauthorship.PaperRef;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.StoredDigests;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;

/** What the network commands share: opening the store, loading the network, option converters, formatting. */
final class NetworkCli {

    private NetworkCli() {
    }

    /** The network kept beside the store, read without opening the store when it is for the store's state. */
    static CoauthorNetwork load(StoreOption store, PaperFilter filter) {
        Optional<CoauthorNetwork> kept = CoauthorNetwork.kept(store.dir(), filter);
        if (kept.isPresent()) {
            return kept.get();
        }
        try (GraphStore s = store.openExistingWithoutSearch()) {
            CoauthorNetwork network = CoauthorNetwork.load(s, filter);
            StoredDigests.keep(s); // so that the next command need not open the store
            return network;
        }
    }

    /** One line on stderr, prefixed like {@code kg}'s own errors: {@code kg coauthors: ...}. */
    static int fail(CommandSpec spec, int code, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("kg " + spec.name() + ": " + message);
        err.flush();
        return code;
    }

    /** The papers to load; a bad value is a usage error, shown by picocli with the command's usage. */
    static PaperFilter filter(CommandSpec spec, String category, LocalDate since, int maxAuthors) {
        if (maxAuthors < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--max-authors must be 0 (no limit) or positive: " + maxAuthors);
        }
        return new PaperFilter(category, since, maxAuthors);
    }

    /** {@code " (category cs.CV, since 2026-02-01)"}, or nothing without a filter. */
    static String describe(PaperFilter filter) {
        String d = filter.describe();
        return d.isEmpty() ? "" : " (" + d + ")";
    }

    static String plural(int n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** {@code 2602.02537  2026-02-04  WorldVQA: ...}. */
    static String paperLine(PaperRef paper) {
        return paper.arxivId() + "  " + (paper.firstListed() == null ? "          " : paper.firstListed())
                + "  " + paper.title();
    }

    /** Up to {@code max} names, then {@code "and N more"}. */
    static String names(List<AuthorRef> people, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(max, people.size()); i++) {
            b.append(i == 0 ? "" : ", ").append(people.get(i).name());
        }
        if (people.size() > max) {
            b.append(" and ").append(people.size() - max).append(" more");
        }
        return b.toString();
    }

    // ---- option values: days, and the names --help lists and completion offers ----

    static final class DayConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a day like 2026-02-01");
            }
        }
    }

    static final class PairOrders extends EnumNames {
        PairOrders() {
            super(PairOrder.class);
        }
    }

    static final class AuthorOrders extends EnumNames {
        AuthorOrders() {
            super(AuthorOrder.class);
        }
    }

    static final class Formats extends EnumNames {
        Formats() {
            super(NetworkFormat.class);
        }
    }
}
