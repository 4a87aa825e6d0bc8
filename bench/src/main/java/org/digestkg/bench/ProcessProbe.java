package org.digestkg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs a command as a real child process and watches its memory from outside: every {@link #POLL} it reads
 * {@code VmHWM} (the kernel's peak resident set) and {@code VmRSS} from {@code /proc/<pid>/status}, keeping the
 * largest values seen. Output (stdout and stderr together) goes to a log file.
 *
 * <p>The wall time runs from just before the process is started until {@link Process#waitFor} returns, so it
 * includes JVM start and shutdown. {@code VmHWM} is a high-water mark, so a poll every 20 ms misses at most the
 * growth of the last 20 ms before exit.
 */
public final class ProcessProbe {

    public static final Duration POLL = Duration.ofMillis(20);

    private ProcessProbe() {
    }

    /** What one finished (or stopped) run measured. Memory in KiB, -1 when never read. */
    public record Result(List<String> command, int exitCode, long wallNanos, long peakHwmKb, long peakRssKb,
                         long peakAnonKb, long peakFileKb, boolean timedOut, String stopped, Path log) {

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

        /** Peak memory in MiB: VmHWM, or the largest VmRSS seen when VmHWM was never read. */
        public double peakMiB() {
            long kb = peakHwmKb > 0 ? peakHwmKb : peakRssKb;
            return kb < 0 ? Double.NaN : kb / 1024.0;
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
        return new Result(command, killed ? -1 : w.process.exitValue(), end - w.startNanos, w.hwm.get(),
                w.rss.get(), w.anon.get(), w.file.get(), timedOut, stopped, log);
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

    /** A running child, with the peaks seen so far. */
    public static final class Watched {
        final Process process;
        final long startNanos;
        final Path log;
        final AtomicLong hwm = new AtomicLong(-1);
        final AtomicLong rss = new AtomicLong(-1);
        final AtomicLong anon = new AtomicLong(-1);
        final AtomicLong file = new AtomicLong(-1);
        private final Path status;

        Watched(Process process, long startNanos, Path log) {
            this.process = process;
            this.startNanos = startNanos;
            this.log = log;
            this.status = Path.of("/proc", Long.toString(process.pid()), "status");
        }

        public Process process() {
            return process;
        }

        public long startNanos() {
            return startNanos;
        }

        public long peakHwmKb() {
            return hwm.get();
        }

        public long peakRssKb() {
            return rss.get();
        }

        /** Largest anonymous resident memory seen (heap, stacks, malloc), KiB. */
        public long peakAnonKb() {
            return anon.get();
        }

        /** Largest file-backed resident memory seen (e.g. TDB2's memory-mapped files), KiB. */
        public long peakFileKb() {
            return file.get();
        }

        void sample() {
            try {
                String text = Files.readString(status, StandardCharsets.UTF_8);
                statusField(text, "VmHWM").ifPresent(v -> hwm.accumulateAndGet(v, Math::max));
                statusField(text, "VmRSS").ifPresent(v -> rss.accumulateAndGet(v, Math::max));
                statusField(text, "RssAnon").ifPresent(v -> anon.accumulateAndGet(v, Math::max));
                statusField(text, "RssFile").ifPresent(v -> file.accumulateAndGet(v, Math::max));
            } catch (IOException | RuntimeException e) {
                // the process is gone (or /proc is not there): keep what was seen
            }
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

    /** The value in KiB of a {@code Name:   1234 kB} line of {@code /proc/<pid>/status}. */
    static OptionalLong statusField(String statusText, String name) {
        String prefix = name + ":";
        for (String line : statusText.split("\n")) {
            if (line.startsWith(prefix)) {
                String v = line.substring(prefix.length()).trim();
                int sp = v.indexOf(' ');
                try {
                    return OptionalLong.of(Long.parseLong(sp < 0 ? v : v.substring(0, sp)));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The peak RSS of a process that is still running, from its own status file (KiB, -1 if unreadable). */
    public static long currentHwmKb(long pid) {
        try {
            return statusField(Files.readString(Path.of("/proc", Long.toString(pid), "status")), "VmHWM").orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
