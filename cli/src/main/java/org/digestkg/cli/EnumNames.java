package org.digestkg.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/**
 * The lower-case names of an enum's constants, as {@code --help} lists them ({@code ${COMPLETION-CANDIDATES}}) and
 * shell completion offers them. picocli reads the values case-insensitively, so users type them as shown.
 */
public abstract class EnumNames implements Iterable<String> {

    private final Class<? extends Enum<?>> type;

    protected EnumNames(Class<? extends Enum<?>> type) {
        this.type = type;
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).iterator();
    }
}
