package dev.tandem.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives the command line a class archive of its own (docs/PERFORMANCE.md, "A new device ready"): the classes that
 * command-line syncs load, the AWS SDK's client, signer, XML protocol and HTTP client among them, already parsed and
 * verified: a new device's S3 sync needs about a third less CPU. It is a second archive, next to the app's
 * ({@link AppCds}), because an archive is mapped by every start that names it: the SDK's classes in the app's archive
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
 * <p>On a JDK 25 runtime an image gets an ahead-of-time cache instead, recorded from one run (an idle S3 sync, or
 * without S3Proxy a first push to a folder, {@link #aotCache}); the launcher's configuration names it. On Linux,
 * where the launcher is a script that picks a command's own cache ({@link ShellLaunchers}), that run makes
 * {@code sync}'s cache, a session of {@code mcp --write} read from a file (initialize, the tool list, a quick add, a
 * query) makes {@code mcp}'s, and an {@code add} makes the one every other command maps: a start loads all a cache
 * holds, and the AWS SDK's classes cost a {@code list} 20 MB and a fifth of its time (PERFORMANCE.md, "Command line: a
 * command's start"); the MCP SDK's stack would cost every other command the same way.
 *
 * <p>Two ways to run it, both as {@code java -cp CLASSES dev.tandem.installer.CliCds}: with
 * {@code --image=DIR --launcher=tandem-cli [--s3proxy=JAR]} for an app image (archive and class list in its app
 * directory, the launcher's configuration then names the archive; the .deb's postinst dumps it again where it is
 * installed), and with {@code --archive=FILE [--s3proxy=JAR] -- java -cp … dev.tandem.app.Main} for a checkout
 * ({@code app/tandem}), where the caller passes {@code -XX:SharedArchiveFile=FILE} itself. Exit status 0 when the
 * archive was made, 1 otherwise.
 */
public final class CliCds {
    static final String ARCHIVE = "tandem-cli.jsa";
    static final String CLASS_LIST = "tandem-cli.classlist";
    static final String AOT_CACHE = "tandem-cli.aot";
    /** {@code sync}'s own cache, which the Linux launcher script maps for that command ({@link ShellLaunchers}). */
    static final String SYNC_AOT_CACHE = "tandem-cli-sync.aot";
    /** {@code mcp}'s own cache, which the Linux launcher script maps for that command: the MCP SDK's classes. */
    static final String MCP_AOT_CACHE = "tandem-cli-mcp.aot";
    /**
     * What {@code mcp}'s training run reads, as an assistant's client writes it: initialize, the initialized
     * notification, the tool list, a quick add and a query; then its input ends, and the server with it.
     */
    static final String MCP_SESSION = String.join("\n",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"Tandem installer\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"add_todo\","
                    + "\"arguments\":{\"text\":\"Call the plumber tomorrow #Home p2\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"find_todos\","
                    + "\"arguments\":{\"query\":\"#Home\"}}}") + "\n";

    private final List<String> command;
    private final Path archive;
    private final Path classList;
    private final Path cfg;
    private final Path s3proxyJar;
    /** The image's ahead-of-time cache on a JDK 25 runtime, else null (a class archive). */
    private final Path aotCache;
    /** Whether {@code sync} gets a cache of its own beside {@link #aotCache} (the Linux launcher scripts). */
    private final boolean syncCache;
    private final Path scratch;
    private final ProcessRunner runner;

    private CliCds(List<String> command, Path archive, Path classList, Path cfg, Path s3proxyJar, Path aotCache,
            boolean syncCache) throws IOException {
        this.command = command;
        this.aotCache = aotCache;
        this.syncCache = syncCache;
        this.archive = archive.toAbsolutePath();
        this.classList = classList.toAbsolutePath();
        this.cfg = cfg;
        this.s3proxyJar = s3proxyJar;
        this.scratch = Files.createTempDirectory("tandem-cli-cds");
        // The command line reads these (the window's training never syncs); the training talks to its own S3Proxy.
        this.runner = new ProcessRunner(scratch, "command-line AppCDS", "TANDEM_PASSPHRASE", "AWS_PROFILE",
                "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE");
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
        // Only an image has a system-specific layout; a checkout's training runs anywhere a JDK does.
        Os os = image != null ? Os.current() : null;
        CliCds cds;
        if (image != null) {
            Path appDir = os.appDir(image);
            Path cache = RuntimeJdk.ofImage(os, image) >= RuntimeJdk.AOT_FEATURE ? appDir.resolve(AOT_CACHE) : null;
            cds = new CliCds(List.of(os.launcher(image, launcherName).toString()), appDir.resolve(ARCHIVE),
                    appDir.resolve(CLASS_LIST), appDir.resolve(launcherName + ".cfg"), s3proxy, cache, os == Os.LINUX);
        } else if (archive != null && !command.isEmpty()) {
            Path list = archive.resolveSibling(archive.getFileName().toString().replaceFirst("\\.jsa$", "") + ".classlist");
            cds = new CliCds(command, archive, list, null, s3proxy, null, false);
        } else {
            throw new IllegalArgumentException("--image=DIR or --archive=FILE -- COMMAND is required");
        }
        int status;
        try {
            status = cds.run();
        } finally {
            FileOps.deleteTree(cds.scratch);
        }
        if (status != 0 && os != null && os != Os.LINUX) {
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
            return runner.fail("no launcher configuration " + cfg);
        }
        Set<String> classes = new LinkedHashSet<>();
        Path remote = Files.createDirectories(scratch.resolve("remote"));
        Path a = scratch.resolve("device-a");
        Path b = scratch.resolve("device-b");
        List<List<String>> runs = new ArrayList<>();
        runs.add(List.of("--data-dir", a.toString(), "add", "Water the plants every monday p2 @home", "--due", "tomorrow"));
        S3Proxy s3proxy = null;
        Map<String, String> env = new HashMap<>();
        try {
            if (s3proxyJar != null && Files.isRegularFile(s3proxyJar)) {
                try {
                    s3proxy = S3Proxy.start(s3proxyJar, scratch);
                } catch (Failure e) {
                    return runner.fail(e.getMessage());
                }
                env.putAll(s3proxy.clientEnvironment());
                String s3 = s3proxy.remote();
                if (aotCache != null) {
                    // A cache records one run, and every start loads all it holds: an idle S3 sync after a first
                    // push, which loads what an add does, a sync's classes and the AWS SDK's. Without the SDK's
                    // classes an S3 sync takes 1.6 times as long; with them a list holds 20 MB more, which is why
                    // on Linux that run makes sync's own cache and an add the one other commands map.
                    runs.add(List.of("--data-dir", a.toString(), "sync", "--remote", s3));
                    runs.add(List.of("--data-dir", a.toString(), "sync", "--remote", s3));
                    return aotCache(runs, env, start);
                }
                // A first push (with its checks), a snapshot, a new device reading it, an idle sync.
                runs.add(List.of("--data-dir", a.toString(), "sync", "--remote", s3));
                runs.add(List.of("--data-dir", a.toString(), "compact", "--remote", s3));
                runs.add(List.of("--data-dir", b.toString(), "sync", "--remote", s3));
                runs.add(List.of("--data-dir", b.toString(), "sync", "--remote", s3));
            } else {
                System.out.println("installer: WARNING: no S3Proxy jar (" + s3proxyJar + "): the command line's class archive"
                        + " is trained without an S3 sync, so an S3 sync loads the AWS SDK without it");
            }
            if (aotCache != null) {
                // Without S3Proxy: a first push to a folder.
                runs.add(List.of("--data-dir", a.toString(), "sync", "--remote", "folder:" + remote));
                return aotCache(runs, env, start);
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
                if (runner.run(cmd, e, "training run " + String.join(" ", args.subList(2, args.size()))) == null) {
                    return 1;
                }
                if (!Files.isRegularFile(list) || Files.size(list) == 0) {
                    return runner.fail("the training run " + args + " wrote no class list");
                }
                classes.addAll(Files.readAllLines(list, StandardCharsets.UTF_8));
            }
        } finally {
            if (s3proxy != null) {
                s3proxy.stop();
            }
        }
        Files.createDirectories(classList.getParent());
        Files.write(classList, classes, StandardCharsets.UTF_8);

        Files.deleteIfExists(archive);
        // Warnings about classes the list names but the dump cannot archive (proxies, JFR events) are expected.
        String dumpOptions = "-Xshare:dump -XX:SharedClassListFile=" + classList + " -Xlog:cds=error";
        LauncherConfig config = cfg == null ? null : new LauncherConfig(cfg);
        if (config == null) {
            dumpOptions += " -XX:SharedArchiveFile=" + archive;
        } else {
            // The launcher's own options name the archive, as the .deb's postinst relies on.
            config.addJavaOption("-XX:SharedArchiveFile=$APPDIR/" + ARCHIVE);
        }
        List<String> check = new ArrayList<>(command);
        check.add("help");
        String checkOptions = "-Xshare:on" + (config == null ? " -XX:SharedArchiveFile=" + archive : "");
        if (runner.run(command, Map.of("JAVA_TOOL_OPTIONS", dumpOptions), "archive dump") == null || !Files.isRegularFile(archive)
                || runner.run(check, Map.of("JAVA_TOOL_OPTIONS", checkOptions), "archive check") == null) {
            // A launcher naming a missing archive would warn on every start: leave it as it was.
            if (config != null) {
                config.restore();
            }
            Files.deleteIfExists(archive);
            return runner.fail("no archive at " + archive + " (see above)");
        }
        ClassLists.report("command-line class archive", archive, classes, start);
        return 0;
    }

    /**
     * Runs {@code runs} in turn, recording the last into the ahead-of-time cache, which the launcher then names. With
     * {@link #syncCache} that last run (a sync) makes {@code sync}'s cache instead, an {@code mcp} session makes
     * {@code mcp}'s, and the first run (an add) is run again to record the launcher's: first the commands' own,
     * while the configuration names no cache, for a recording run takes none.
     */
    private int aotCache(List<List<String>> runs, Map<String, String> env, long start) throws IOException, InterruptedException {
        for (List<String> args : runs.subList(0, runs.size() - 1)) {
            List<String> cmd = new ArrayList<>(command);
            cmd.addAll(args);
            if (runner.run(cmd, env, "training run " + String.join(" ", args.subList(2, args.size()))) == null) {
                return 1;
            }
        }
        List<String> sync = new ArrayList<>(command);
        sync.addAll(runs.get(runs.size() - 1));
        Path syncAot = aotCache.resolveSibling(SYNC_AOT_CACHE);
        Path mcpAot = aotCache.resolveSibling(MCP_AOT_CACHE);
        List<String> mcp = new ArrayList<>(command);
        mcp.addAll(List.of("--data-dir", runs.get(0).get(1), "mcp", "--write"));
        Path session = scratch.resolve("mcp-session.jsonl");
        List<String> recorded = sync;
        if (syncCache) {
            if (!AotCaches.make(runner, sync, env, command, syncAot)) {
                return 1;
            }
            // An assistant's server loads the MCP SDK's stack (Jackson 3, Reactor, a schema validator): about 1,500
            // classes no other command needs, so a cache of its own (PERFORMANCE.md, "tandem mcp: start").
            Files.writeString(session, MCP_SESSION, StandardCharsets.UTF_8);
            if (!AotCaches.make(runner, mcp, session, env, command, mcpAot)) {
                Files.deleteIfExists(syncAot);
                return 1;
            }
            recorded = new ArrayList<>(command);
            recorded.addAll(List.of("--data-dir", runs.get(0).get(1), "add", "Call the plumber tomorrow"));
        }
        if (!AotCaches.make(runner, recorded, env, command, aotCache)) {
            Files.deleteIfExists(syncAot);
            Files.deleteIfExists(mcpAot);
            return 1;
        }
        LauncherConfig config = new LauncherConfig(cfg);
        config.addJavaOption("-XX:AOTCache=$APPDIR/" + AOT_CACHE);
        List<String> check = new ArrayList<>(command);
        check.add("help");
        Map<String, String> on = new HashMap<>(env);
        on.put("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on");
        if (runner.run(check, on, "cache check") == null || (syncCache && (runner.run(sync, on, "sync's cache check") == null
                || runner.run(mcp, on, "mcp's cache check", session) == null))) {
            config.restore();
            Files.deleteIfExists(aotCache);
            Files.deleteIfExists(syncAot);
            Files.deleteIfExists(mcpAot);
            return runner.fail("no usable cache at " + aotCache + (syncCache ? " or " + syncAot + " or " + mcpAot : "")
                    + " (see above)");
        }
        ClassLists.reportCache("command line's ahead-of-time cache", aotCache, start);
        if (syncCache) {
            ClassLists.reportCache("sync's ahead-of-time cache", syncAot, start);
            ClassLists.reportCache("mcp's ahead-of-time cache", mcpAot, start);
        }
        return 0;
    }
}
