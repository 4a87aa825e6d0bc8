package org.digestkg.cli.coauthorship;

import java.time.LocalDate;

import org.digestkg.coauthorship.PaperFilter;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The paper filter options shared by {@code kg authors}, {@code kg collaborations} and {@code kg network}. */
final class NetworkFilterOptions {

    /** The command this mixin is part of, so a bad value is reported with that command's usage. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--category", paramLabel = "C", description = "Only papers whose main category is C, e.g. cs.CV.")
    String category;

    @Option(names = "--since", paramLabel = "DAY", converter = NetworkCli.DayConverter.class,
            description = "Only papers first listed on or after DAY (yyyy-mm-dd).")
    LocalDate since;

    @Option(names = "--max-authors", paramLabel = "N", defaultValue = "0",
            description = "Leave out papers with more than N authors; 0 keeps all (default: ${DEFAULT-VALUE})")
    int maxAuthors;

    /** The papers to load; a negative {@code --max-authors} is a usage error. */
    PaperFilter filter() {
        return NetworkCli.filter(mixee, category, since, maxAuthors);
    }
}
