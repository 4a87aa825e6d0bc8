package org.digestkg.server.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.digestkg.storage.ImportResult;
import org.digestkg.storage.LoadResult;

/** Records what a watcher does, and waits for it with a generous deadline (a busy machine is slow, never wrong). */
class Recorder implements WatchEvents {

    static final Duration DEADLINE = Duration.ofSeconds(90);

    record Change(Path file, long size) {
    }

    final List<Change> changes = new CopyOnWriteArrayList<>();
    final List<Path> loading = new CopyOnWriteArrayList<>();
    final List<LoadResult> loaded = new CopyOnWriteArrayList<>();
    final List<ImportResult> imported = new CopyOnWriteArrayList<>();
    final AtomicLong rounds = new AtomicLong();

    @Override
    public void changed(Path file, long size) {
        changes.add(new Change(file.getFileName(), size));
    }

    @Override
    public void loading(Path file) {
        loading.add(file.getFileName());
    }

    @Override
    public void loaded(LoadResult result) {
        loaded.add(result);
    }

    @Override
    public void imported(ImportResult result) {
        imported.add(result);
    }

    @Override
    public void round() {
        rounds.incrementAndGet();
    }

    /** The digest results of the file named {@code name}. */
    List<LoadResult> loadsOf(String name) {
        return loaded.stream().filter(r -> Path.of(r.source()).getFileName().toString().equals(name)).toList();
    }

    List<LoadResult> loadsOf(String name, LoadResult.Status status) {
        return loadsOf(name).stream().filter(r -> r.status() == status).toList();
    }

    /** Waits until {@code n} more rounds of the watcher have ended: it has looked at the folder since. */
    void awaitRounds(int n) {
        long target = rounds.get() + n;
        await(() -> rounds.get() >= target, n + " rounds of the watcher");
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
