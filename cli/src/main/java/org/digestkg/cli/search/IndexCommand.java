package org.digestkg.cli.search;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import org.digestkg.cli.StoreOption;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.text.TextIndexedStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"The search index beside the store: how big it is; --check compares it with the store,",
                "--rebuild makes it again from the store. It follows every write on its own; opening a store",
                "repairs an index a killed process left behind, and builds a missing one."},
        footer = {"", "Examples:", "  kg index", "  kg index --check", "  kg index --rebuild"})
public final class IndexCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--rebuild", description = "Build the index again from the store's texts.")
    boolean rebuild;

    @Option(names = "--check", description = "Compare the index with the store, text by text; exit 1 if they differ.")
    boolean check;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (GraphStore s = store.openExisting()) {
            TextIndexedStore text = s.text();
            if (rebuild) {
                TextIndexedStore.Rebuilt r = text.rebuild();
                out.printf("search index rebuilt: %,d texts in %.1f s%n", r.texts(), r.took().toMillis() / 1000.0);
            }
            out.printf("search index: %,d texts, %.1f MB, in %s%n", text.texts(), text.sizeOnDisk() / 1e6,
                    s.dir().resolve(TextIndexedStore.DIR));
            if (check) {
                Map<String, TextIndexedStore.Difference> diff = text.compare();
                if (diff.isEmpty()) {
                    out.println("the index holds exactly the store's texts");
                } else {
                    out.printf("the index differs from the store in %d graph(s):%n", diff.size());
                    diff.forEach((g, d) -> out.printf("  %s: %d text(s) missing from the index, %d no longer in the store%n",
                            g, d.missingFromIndex(), d.notInStore()));
                    out.println("kg index --rebuild makes it again from the store");
                    out.flush();
                    return 1;
                }
            }
        }
        out.flush();
        return 0;
    }
}
