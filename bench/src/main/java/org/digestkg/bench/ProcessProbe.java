package org.digestkg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a command as a real child process and watches its memory from outside: every {@link #POLL} a
 * {@link ProcessMemory} reads {@code /proc} (the peak RSS, and private memory apart from mapped files), keeping the
 * largest values seen. Output (stdout and stderr together) goes to a log file.
 *
 * <p>The wall time runs from just before the process is started until {@link Process#waitFor} returns, so it
 * includes JVM start and shutdown. {@code VmHWM} is a high-water mark, so it misses nothing; the private and
 * mapped peaks are samples, so they may miss the growth of the last poll before exit.
 *
 * <p>When the benchmark itself is stopped, {@link #refuseNew} keeps it from starting more processes and
 * {@link #stopAll} ends those it started.
 */
public final class ProcessProbe {

    public static final Duration POLL = Duration.ofMillis(20);

    private static volatile String refusing;

    private ProcessProbe() {
    }

    /** What one finished (or stopped) run measured; see {@link MemoryPeaks} for what the memory figures count. */
    public record Result(List<String> command, int exitCode, long wallNanos, MemoryPeaks memory, boolean timedOut,
                         String stopped, Path log) {

        public double seconds() {
            return wallNanos / 1e9;
        }

        public boolean ok() {
            return !timedOut && stopped == null && exitCode == 0;
        }

        /** The log's text ("" when there is none). */
        public String output() {
            try {
                return log != null && Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                return "";
            }
        }

        /** Peak RSS in MiB (see {@link MemoryPeaks#rssMiB}). */
        public double peakMiB() {
            return memory.rssMiB();
        }

        /** Why it is not {@link #ok()}, with the log's last lines. */
        public String failure() {
            if (ok()) return "";
            String why = stopped != null ? "stopped after " + Fmt.seconds(seconds()) + ": " + stopped
                    : timedOut ? "timed out after " + Fmt.seconds(seconds()) : "exit code " + exitCode;
            return why + " — " + Fmt.tail(output(), 3);
        }
    }

    /** Runs {@code command} in {@code dir} to the end or until {@code timeout}, when it is killed. */
    public static Result run(List<String> command, Path dir, Path log, Duration timeout) throws IOException {
        return run(command, dir, log, timeout, Map.of());
    }

    public static Result run(List<String> command, Path dir, Path log, Duration timeout, Map<String, String> env)
            throws IOException {
        return run(command, dir, log, timeout, env, () -> null);
    }

    /**
     * Like {@link #run(List, Path, Path, Duration)}, and also asks {@code guard} about once a second whether to
     * stop the process early (e.g. the disk is filling up): a non-null answer kills it and is the reason given.
     */
    public static Result run(List<String> command, Path dir, Path log, Duration timeout, Map<String, String> env,
                             Supplier<String> guard) throws IOException {
        Watched w = start(command, dir, log, env);
        long deadline = w.startNanos + timeout.toNanos();
        boolean timedOut = false;
        String stopped = null;
        long nextGuard = w.startNanos;
        try {
            while (true) {
                w.sample();
                if (w.process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) break;
                long now = System.nanoTime();
                if (now > deadline) {
                    timedOut = true;
                    break;
                }
                if (now >= nextGuard) {
                    nextGuard = now + 1_000_000_000L;
                    stopped = guard.get();
                    if (stopped != null) break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            timedOut = true;
        }
        long end = System.nanoTime();
        boolean killed = timedOut || stopped != null;
        if (killed) w.kill();
        return new Result(command, killed ? -1 : w.process.exitValue(), end - w.startNanos, w.memory.peaks(),
                timedOut, stopped, log);
    }

    /** Starts {@code command} and keeps sampling its memory on a daemon thread until {@link Watched#stop}. */
    public static Watched startWatched(List<String> command, Path dir, Path log) throws IOException {
        Watched w = start(command, dir, log, Map.of());
        Thread t = new Thread(() -> {
            while (w.process.isAlive()) {
                w.sample();
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-poller-" + w.process.pid());
        t.setDaemon(true);
        t.start();
        return w;
    }

    private static Watched start(List<String> command, Path dir, Path log, Map<String, String> env)
            throws IOException {
        if (refusing != null) throw new IOException("not started: " + refusing);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        if (log != null) {
            Files.createDirectories(log.toAbsolutePath().getParent());
            pb.redirectOutput(log.toFile());
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long t0 = System.nanoTime();
        Process p = pb.start();
        return new Watched(p, t0, log);
    }

    /** From now on, starting a process fails with {@code why} (the benchmark is being stopped); null allows it again. */
    public static void refuseNew(String why) {
        refusing = why;
    }

    /**
     * Ends every process this JVM started, directly or not (kg, tdbloader, a server, the explorer step's browser
     * and its driver): SIGTERM, then SIGKILL after {@code grace}. For a benchmark that is itself being stopped: a
     * 1,840-day build would otherwise go on for many minutes, orphaned, holding its store.
     */
    public static void stopAll(Duration grace) {
        List<ProcessHandle> all = ProcessHandle.current().descendants().toList();
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    /** A running child, with the peaks seen so far. */
    public static final class Watched {
        final Process process;
        final long startNanos;
        final Path log;
        final ProcessMemory memory;

        Watched(Process process, long startNanos, Path log) {
            this.process = process;
            this.startNanos = startNanos;
            this.log = log;
            this.memory = new ProcessMemory(process.toHandle());
        }

        public Process process() {
            return process;
        }

        public long startNanos() {
            return startNanos;
        }

        /** The peaks seen so far (see {@link MemoryPeaks}). */
        public MemoryPeaks peaks() {
            return memory.peaks();
        }

        void sample() {
            memory.sample();
        }

        /** SIGTERM, then after {@code grace} SIGKILL; returns the exit code. */
        public int stop(Duration grace) {
            sample();
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
                return process.isAlive() ? -1 : process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                return -1;
            }
        }

        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
