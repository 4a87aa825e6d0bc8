package org.digestkg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How the benchmark runs {@code kg} and {@code tdb2.tdbloader}: as the {@code kg} launcher runs the jar (its JVM
 * options, {@code $KG_JAVA_OPTS}, and the class-data archive it makes), from a copy of the jar taken at the start.
 */
public final class KgLauncher {

    /** What the benchmark runs kg with when the {@code kg} launcher cannot say. */
    static final String DEFAULT_KG_OPTS = "-XX:+UseParallelGC -Xmx1g";
    /** tdb2.tdbloader runs as Jena ships it, with the JVM's default heap; {@code $TDBLOADER_JAVA_OPTS} overrides. */
    static final String DEFAULT_TDBLOADER_OPTS = "-XX:+UseParallelGC";
    /** Makes the launcher print the JVM options of the command it is given, and stop. */
    static final String PRINT_OPTS = "KG_PRINT_JAVA_OPTS";

    private final Path root;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** The launcher's options for a command it adds nothing to. */
    private final List<String> javaOpts;
    private final List<String> tdbloaderOpts;
    private final List<String> cdsOpts = new ArrayList<>();
    private Path kgJar;

    KgLauncher(Path root) {
        this.root = root;
        this.kgJar = root.resolve("cli/target/kg.jar");
        this.javaOpts = launcherOpts();
        this.tdbloaderOpts = kgJavaOpts(System.getenv("TDBLOADER_JAVA_OPTS"), DEFAULT_TDBLOADER_OPTS);
    }

    /** The options {@code env} says (a {@code KG_JAVA_OPTS}-like variable), or {@code dflt} when it is unset or empty. */
    static List<String> kgJavaOpts(String env, String dflt) {
        String v = env == null || env.isBlank() ? dflt : env;
        return List.of(v.trim().split("\\s+"));
    }

    /**
     * The JVM options the {@code kg} launcher runs {@code args} with (its defaults, {@code $KG_JAVA_OPTS}, what it adds
     * for some commands and inputs), as it says itself: the rule lives in the launcher alone. The defaults when it
     * cannot say.
     */
    List<String> launcherOpts(String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("kg").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put(PRINT_OPTS, "1");
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() == 0 && !out.isEmpty() && !out.contains("\n")) return List.of(out.split("\\s+"));
        } catch (IOException e) {
            // below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return kgJavaOpts(System.getenv("KG_JAVA_OPTS"), DEFAULT_KG_OPTS);
    }

    /** {@code java [archive] [the launcher's options for ARGS] -jar kg.jar ARGS}. */
    public List<String> kg(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(cdsOpts);
        cmd.addAll(launcherOpts(args));
        cmd.add("-jar");
        cmd.add(kgJar.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code java [kg options] -cp CLASSPATH ARGS}: a class of this module on the CLI's classpath. */
    public List<String> withKgOptions(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(javaOpts);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code java [tdbloader options] -cp BENCH tdb2.tdbloader ARGS}. */
    public List<String> tdbloader(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(tdbloaderOpts);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "tdb2.tdbloader"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The jar runs use (the copy, once {@link #snapshot} took it). */
    public Path jar() {
        return kgJar;
    }

    List<String> javaOpts() {
        return javaOpts;
    }

    List<String> tdbloaderOpts() {
        return tdbloaderOpts;
    }

    boolean archived() {
        return !cdsOpts.isEmpty();
    }

    /**
     * Copies {@code cli/target/kg.jar} and its {@code lib/} into {@code dir} and runs from the copy: others may
     * rebuild cli/target while the benchmark runs. Says what it did in {@code machine}.
     */
    void snapshot(Path dir, Path logs, Map<String, String> machine) throws IOException {
        Disk.deleteQuietly(dir);
        Files.createDirectories(dir.resolve("lib"));
        Path src = kgJar.getParent();
        Files.copy(kgJar, dir.resolve("kg.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        try (Stream<Path> s = Files.list(src.resolve("lib"))) {
            for (Path p : s.toList()) Files.copy(p, dir.resolve("lib").resolve(p.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        machine.put("kg.jar", kgJar + " of " + Files.getLastModifiedTime(kgJar).toString().substring(0, 19)
                + " (run from a copy in " + dir + ")");
        kgJar = dir.resolve("kg.jar");
        classDataArchive(dir.resolve("cds-store"), logs, machine);
    }

    /**
     * As the {@code kg} launcher does when it has a class-data archive step: lists the classes a small build loads,
     * dumps them into a static CDS archive (for the copied jar: an archive is bound to its jar's path), and runs
     * every kg command with it.
     */
    private void classDataArchive(Path tmpStore, Path logs, Map<String, String> machine) throws IOException {
        String launcher = Disk.read(root.resolve("kg"));
        Path sample = root.resolve("data/2026-02-04.md");
        if (!launcher.contains("SharedArchiveFile") || !Files.isRegularFile(sample)) {
            machine.put("class-data archive", "none (the kg launcher makes none)");
            return;
        }
        Path jsa = kgJar.resolveSibling("kg.jsa");
        Path classes = kgJar.resolveSibling("kg.classlist");
        Disk.deleteQuietly(tmpStore);
        List<String> list = new ArrayList<>(List.of(java, "-XX:DumpLoadedClassList=" + classes));
        list.addAll(javaOpts);
        list.addAll(List.of("-jar", kgJar.toString(), "build", "-q", "--store", tmpStore.toString(), sample.toString()));
        ProcessProbe.Result listed = ProcessProbe.run(list, root, logs.resolve("cds-classlist.log"), Duration.ofMinutes(5));
        Disk.deleteQuietly(tmpStore);
        ProcessProbe.Result r = listed;
        if (listed.ok()) {
            List<String> dump = new ArrayList<>(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + classes,
                    "-XX:SharedArchiveFile=" + jsa));
            dump.addAll(javaOpts);
            dump.addAll(List.of("-cp", kgJar.toString()));
            r = ProcessProbe.run(dump, root, logs.resolve("cds-archive.log"), Duration.ofMinutes(5));
        }
        if (r.ok() && Files.isRegularFile(jsa)) {
            cdsOpts.addAll(List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off"));
            machine.put("class-data archive", "yes, as the kg launcher: made in "
                    + Fmt.seconds(listed.seconds() + r.seconds())
                    + " (the classes a build of data/2026-02-04.md loads, dumped), used by every kg command");
        } else {
            machine.put("class-data archive", "could not be made (" + r.failure() + "): kg runs without one");
        }
    }

    /** {@code java -version}, on one line. */
    String javaVersion() {
        try {
            Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return String.join("; ", out.strip().split("\\R"));
        } catch (IOException e) {
            return "? (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
