import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Gives the command line a class archive of its own (docs/PERFORMANCE.md, "A new device ready"): the classes that
 * command-line syncs load, the AWS SDK's client, signer, XML protocol and HTTP client among them, already parsed and
 * verified: a new device's S3 sync needs about a third less CPU. It is a second archive, next to the app's
 * (AppCds.java), because an archive is mapped by every start that names it: the SDK's classes in the app's archive
 * cost the window about 20 MB of memory it would not otherwise use.
 *
 * <ol>
 *   <li>Training: real command-line runs with {@code -XX:DumpLoadedClassList}: add a todo, sync it to S3Proxy
 *       (started here on 127.0.0.1 from {@code --s3proxy=JAR}), compact (a snapshot), a new device's sync from that
 *       remote, a list, and a sync to a folder. Without an S3Proxy jar only the folder part runs.</li>
 *   <li>Dump: the same command again with {@code -Xshare:dump}: a static archive of the JDK's and the app's classes;
 *       then a check with {@code -Xshare:on}, which fails instead of silently starting without the archive.</li>
 * </ol>
 *
 * <p>Two ways to run it: {@code java CliCds.java --image=DIR --launcher=tandem-cli [--s3proxy=JAR]} for an app image
 * (archive and class list in its app directory, the launcher's configuration then names the archive; the .deb's
 * postinst dumps it again where it is installed), and {@code java CliCds.java --archive=FILE [--s3proxy=JAR] --
 * java -cp … dev.tandem.app.Main} for a checkout ({@code app/tandem}), where the caller passes
 * {@code -XX:SharedArchiveFile=FILE} itself. Exit status 0 when the archive was made, 1 otherwise.
 */
public final class CliCds {
    static final String ARCHIVE = "tandem-cli.jsa";
    static final String CLASS_LIST = "tandem-cli.classlist";
    private static final long TIMEOUT_SECONDS = 180;
    private static final String BUCKET = "train";
    private static final String IDENTITY = "tandem-train";
    private static final String CREDENTIAL = "tandem-train-secret";

    private final List<String> command;
    private final Path archive;
    private final Path classList;
    private final Path cfg;
    private final Path s3proxyJar;
    private final Path scratch;

    private CliCds(List<String> command, Path archive, Path classList, Path cfg, Path s3proxyJar) throws IOException {
        this.command = command;
        this.archive = archive.toAbsolutePath();
        this.classList = classList.toAbsolutePath();
        this.cfg = cfg;
        this.s3proxyJar = s3proxyJar;
        this.scratch = Files.createTempDirectory("tandem-cli-cds");
    }

    public static void main(String[] args) throws Exception {
        Path image = null;
        String launcherName = "tandem-cli";
        Path archive = null;
        Path s3proxy = null;
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                command.addAll(List.of(args).subList(i + 1, args.length));
                break;
            } else if (a.startsWith("--image=")) {
                image = Paths.get(a.substring("--image=".length()));
            } else if (a.startsWith("--launcher=")) {
                launcherName = a.substring("--launcher=".length());
            } else if (a.startsWith("--archive=")) {
                archive = Paths.get(a.substring("--archive=".length()));
            } else if (a.startsWith("--s3proxy=")) {
                s3proxy = a.length() == "--s3proxy=".length() ? null : Paths.get(a.substring("--s3proxy=".length()));
            } else {
                throw new IllegalArgumentException("expected --image=DIR [--launcher=NAME] or --archive=FILE -- COMMAND,"
                        + " and optionally --s3proxy=JAR; got " + a);
            }
        }
        CliCds cds;
        if (image != null) {
            Path appDir = appDir(image);
            cds = new CliCds(List.of(launcher(image, launcherName).toString()), appDir.resolve(ARCHIVE),
                    appDir.resolve(CLASS_LIST), appDir.resolve(launcherName + ".cfg"), s3proxy);
        } else if (archive != null && !command.isEmpty()) {
            Path list = archive.resolveSibling(archive.getFileName().toString().replaceFirst("\\.jsa$", "") + ".classlist");
            cds = new CliCds(command, archive, list, null, s3proxy);
        } else {
            throw new IllegalArgumentException("--image=DIR or --archive=FILE -- COMMAND is required");
        }
        int status;
        try {
            status = cds.run();
        } finally {
            deleteTree(cds.scratch);
        }
        if (status != 0 && image != null && !System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")) {
            // As for the app's archive: only the Linux recipe has run on CI; elsewhere the image stays as it would be
            // without it (the launcher's configuration is restored after a failure).
            System.out.println("installer: WARNING: the command line's AppCDS archive was skipped after the failure above");
            status = 0;
        }
        System.exit(status);
    }

    private int run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        if (cfg != null && !Files.isRegularFile(cfg)) {
            return fail("no launcher configuration " + cfg);
        }
        Set<String> classes = new LinkedHashSet<>();
        Path remote = Files.createDirectories(scratch.resolve("remote"));
        Path a = scratch.resolve("device-a");
        Path b = scratch.resolve("device-b");
        List<List<String>> runs = new ArrayList<>();
        runs.add(List.of("--data-dir", a.toString(), "add", "Water the plants every monday p2 @home", "--due", "tomorrow"));
        Process s3proxy = null;
        Map<String, String> env = new HashMap<>();
        try {
            if (s3proxyJar != null && Files.isRegularFile(s3proxyJar)) {
                int port = freePort();
                s3proxy = startS3Proxy(port);
                if (s3proxy == null) {
                    return 1;
                }
                env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + port);
                env.put("AWS_ACCESS_KEY_ID", IDENTITY);
                env.put("AWS_SECRET_ACCESS_KEY", CREDENTIAL);
                env.put("AWS_REGION", "us-east-1");
                String s3 = "s3://" + BUCKET;
                // A first push (with its checks), a snapshot, a new device reading it, an idle sync.
                runs.add(List.of("--data-dir", a.toString(), "sync", "--remote", s3));
                runs.add(List.of("--data-dir", a.toString(), "compact", "--remote", s3));
                runs.add(List.of("--data-dir", b.toString(), "sync", "--remote", s3));
                runs.add(List.of("--data-dir", b.toString(), "sync", "--remote", s3));
            } else {
                System.out.println("installer: WARNING: no S3Proxy jar (" + s3proxyJar + "): the command line's class archive"
                        + " is trained without an S3 sync, so an S3 sync loads the AWS SDK without it");
            }
            runs.add(List.of("--data-dir", b.toString(), "list"));
            runs.add(List.of("--data-dir", a.toString(), "sync", "--remote", "folder:" + remote));
            int n = 0;
            for (List<String> args : runs) {
                Path list = scratch.resolve("classes-" + (n++) + ".txt");
                List<String> cmd = new ArrayList<>(command);
                cmd.addAll(args);
                Map<String, String> e = new HashMap<>(env);
                e.put("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + list);
                if (exec(cmd, e, "training run " + String.join(" ", args.subList(2, args.size()))) == null) {
                    return 1;
                }
                if (!Files.isRegularFile(list) || Files.size(list) == 0) {
                    return fail("the training run " + args + " wrote no class list");
                }
                classes.addAll(Files.readAllLines(list, StandardCharsets.UTF_8));
            }
        } finally {
            if (s3proxy != null) {
                s3proxy.destroy();
                if (!s3proxy.waitFor(5, TimeUnit.SECONDS)) {
                    s3proxy.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
        Files.createDirectories(classList.getParent());
        Files.write(classList, classes, StandardCharsets.UTF_8);

        Files.deleteIfExists(archive);
        // Warnings about classes the list names but the dump cannot archive (proxies, JFR events) are expected.
        String dumpOptions = "-Xshare:dump -XX:SharedClassListFile=" + classList + " -Xlog:cds=error";
        List<String> cfgBefore = cfg == null ? null : Files.readAllLines(cfg, StandardCharsets.UTF_8);
        if (cfg == null) {
            dumpOptions += " -XX:SharedArchiveFile=" + archive;
        } else {
            // The launcher's own options name the archive, as the .deb's postinst relies on.
            addJavaOption(cfg, "-XX:SharedArchiveFile=$APPDIR/" + ARCHIVE);
        }
        List<String> check = new ArrayList<>(command);
        check.add("help");
        String checkOptions = "-Xshare:on" + (cfg == null ? " -XX:SharedArchiveFile=" + archive : "");
        if (exec(command, Map.of("JAVA_TOOL_OPTIONS", dumpOptions), "archive dump") == null || !Files.isRegularFile(archive)
                || exec(check, Map.of("JAVA_TOOL_OPTIONS", checkOptions), "archive check") == null) {
            // A launcher naming a missing archive would warn on every start: leave it as it was.
            if (cfgBefore != null) {
                Files.write(cfg, cfgBefore, StandardCharsets.UTF_8);
            }
            Files.deleteIfExists(archive);
            return fail("no archive at " + archive + " (see above)");
        }
        System.out.printf(Locale.ROOT, "installer: command-line class archive %s: %.1f MiB, %d classes, in %.1f s%n", archive,
                Files.size(archive) / (1024.0 * 1024.0), classes.stream().filter(l -> !l.startsWith("#") && !l.startsWith("@")).count(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** S3Proxy with a filesystem blobstore whose one directory is the bucket; null (after a message) if it never listened. */
    private Process startS3Proxy(int port) throws IOException, InterruptedException {
        // An absolute base dir: with a relative one S3Proxy lists nothing.
        Path base = Files.createDirectories(scratch.resolve("s3"));
        Files.createDirectories(base.resolve(BUCKET));
        Path conf = scratch.resolve("s3proxy.conf");
        Files.write(conf, List.of(
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + base.toAbsolutePath(),
                "jclouds.identity=" + IDENTITY,
                "jclouds.credential=" + CREDENTIAL), StandardCharsets.UTF_8);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", s3proxyJar.toString(), "--properties", conf.toString())
                .redirectErrorStream(true).redirectOutput(scratch.resolve("s3proxy.log").toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return p;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        fail("S3Proxy did not start:\n" + Files.readString(scratch.resolve("s3proxy.log"), StandardCharsets.UTF_8));
        return null;
    }

    /** Runs a command with a scratch home (Java reads user.home, not $HOME); its output, or null after a failure. */
    private String exec(List<String> cmd, Map<String, String> env, String what) throws IOException, InterruptedException {
        Path home = Files.createDirectories(scratch.resolve("home"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        e.put("HOME", home.toString());
        for (String v : List.of("TANDEM_DATA_DIR", "TANDEM_PASSPHRASE", "JDK_JAVA_OPTIONS", "AWS_PROFILE",
                "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE")) {
            e.remove(v);
        }
        e.putAll(env);
        e.merge("JAVA_TOOL_OPTIONS", "-Duser.home=" + home, (x, y) -> x + " " + y);
        Path log = Files.createTempFile(scratch, "exec", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(what + " did not finish within " + TIMEOUT_SECONDS + " s");
            return null;
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail(what + " exited with " + p.exitValue() + ":\n" + out);
            return null;
        }
        return out;
    }

    /** The launcher's JVM options: appended to the [JavaOptions] section, which jpackage writes last. */
    private static void addJavaOption(Path cfg, String option) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
        String line = "java-options=" + option;
        if (lines.contains(line)) {
            return;
        }
        if (lines.stream().noneMatch(l -> l.strip().equals("[JavaOptions]"))) {
            lines.add("[JavaOptions]");
        } else if (!lines.get(lines.size() - 1).startsWith("java-options=")
                && !lines.get(lines.size() - 1).strip().equals("[JavaOptions]")) {
            throw new IOException(cfg + " has a section after [JavaOptions]; cannot add " + option);
        }
        lines.add(line);
        Files.write(cfg, lines, StandardCharsets.UTF_8);
    }

    private static Path launcher(Path image, String name) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return image.resolve(name + ".exe");
        }
        return os.startsWith("mac") ? image.resolve("Contents/MacOS").resolve(name) : image.resolve("bin").resolve(name);
    }

    private static Path appDir(Path image) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return image.resolve("app");
        }
        return os.startsWith("mac") ? image.resolve("Contents/app") : image.resolve("lib/app");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int fail(String message) {
        System.err.println("installer: ERROR: command-line AppCDS: " + message);
        return 1;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
