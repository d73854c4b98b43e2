package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Positional words and --options of one command, checked against what the command accepts. */
record Args(List<String> positional, Map<String, String> options, Set<String> flags) {
    static final Map<String, Set<String>> OPTIONS = Map.ofEntries(
            Map.entry("add", Set.of("--list", "--due", "--at", "--for", "--priority", "--tags", "--repeat", "--remind", "--notes",
                    "--notes-file", "--kind", "--parent", "--section", "--start")),
            Map.entry("move", Set.of("--parent", "--section", "--before", "--list")),
            Map.entry("list", Set.of("--list", "--tag", "--as-of", "--filter", "--saved")),
            Map.entry("ls", Set.of("--list", "--tag", "--as-of", "--filter", "--saved")),
            Map.entry("filters", Set.of("--color")),
            Map.entry("restore-version", Set.of("--fields")),
            Map.entry("history", Set.of("--page")),
            Map.entry("edit", Set.of("--title", "--notes", "--notes-file", "--due", "--at", "--for", "--list", "--priority", "--tags",
                    "--repeat", "--remind", "--kind", "--start", "--someday")),
            Map.entry("sync", Set.of("--remote", "--endpoint", "--region")),
            Map.entry("compact", Set.of("--remote", "--endpoint", "--region", "--keep-days")),
            Map.entry("check", Set.of("--remote", "--endpoint", "--region")),
            Map.entry("page", Set.of("--remote", "--endpoint", "--region", "--origin")),
            Map.entry("passphrase", Set.of("--remote", "--endpoint", "--region")),
            Map.entry("keys", Set.of("--remote", "--endpoint", "--region")),
            Map.entry("device", Set.of("--remote", "--endpoint", "--region")),
            Map.entry("import", Set.of("--format")),
            Map.entry("caldav", Set.of("--lists", "--drop")),
            Map.entry("calendars", Set.of("--name", "--colour", "--me")),
            Map.entry("agenda", Set.of("--from", "--days")),
            Map.entry("plan", Set.of("--date", "--hours")),
            Map.entry("share", Set.of("--remote", "--as")),
            Map.entry("join", Set.of("--as")),
            Map.entry("members", Set.of("--admit", "--revoke")),
            Map.entry("unshare", Set.of("--member")),
            Map.entry("backup", Set.of("--to")),
            Map.entry("restore", Set.of("--into-new")),
            Map.entry("export", Set.of("--format", "--out")),
            // --save DIR, and the remote to download from as sync takes it.
            Map.entry("attachments", Set.of("--save", "--remote", "--endpoint", "--region")),
            Map.entry("mcp", Set.of("--lists")),
            Map.entry("tokens", Set.of("--lists")),
            Map.entry("serve", Set.of("--remote", "--endpoint", "--region", "--listen", "--public-host", "--tls-keystore",
                    "--passphrase-file", "--interval", "--revoke", "--unit-file")));
    static final Map<String, Set<String>> FLAGS = Map.ofEntries(
            Map.entry("add", Set.of("--someday", "--window")),
            Map.entry("move", Set.of("--top")),
            Map.entry("done", Set.of("--with-subtasks")),
            Map.entry("list", Set.of("--json", "--all", "--notes", "--todos")),
            Map.entry("ls", Set.of("--json", "--all", "--notes", "--todos")),
            Map.entry("conflicts", Set.of("--json")),
            Map.entry("agenda", Set.of("--json")),
            Map.entry("plan", Set.of("--apply", "--json")),
            Map.entry("members", Set.of("--invite", "--repair")),
            Map.entry("join", Set.of("--into-existing")),
            Map.entry("unshare", Set.of("--keep")),
            Map.entry("restore-version", Set.of("--all", "--dry-run")),
            Map.entry("restore", Set.of("--dry-run")),
            Map.entry("serve", Set.of("--pair", "--tls-self-signed", "--browsers", "--behind-proxy", "--no-mdns",
                    "--install-service", "--stdin")),
            Map.entry("attach", Set.of("--insert")),
            Map.entry("attachments", Set.of("--json")),
            Map.entry("sync", Set.of("--save", "--attachments")),
            Map.entry("agent", Set.of("--stdin", "--stop")),
            Map.entry("mcp", Set.of("--write")),
            Map.entry("tokens", Set.of("--read-only", "--json")),
            Map.entry("device", Set.of("--rotate-key")));

    static Args parse(String verb, List<String> args) {
        List<String> pos = new ArrayList<>();
        Map<String, String> opts = new HashMap<>();
        HashSet<String> flags = new HashSet<>();
        Set<String> allowedOpts = OPTIONS.getOrDefault(verb, Set.of());
        Set<String> allowedFlags = FLAGS.getOrDefault(verb, Set.of());
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.equals("--")) {
                pos.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (s.startsWith("--")) {
                String name = s;
                String val = null;
                int eq = s.indexOf('=');
                if (eq > 0) {
                    name = s.substring(0, eq);
                    val = s.substring(eq + 1);
                }
                if (allowedFlags.contains(name)) {
                    flags.add(name);
                } else if (allowedOpts.contains(name)) {
                    if (val == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageError(Messages.text("cli.args.needsValue", verb, name));
                        }
                        val = args.get(++i);
                    }
                    opts.put(name, val);
                } else {
                    throw new UsageError(Messages.text("cli.args.unknownOption", verb, name));
                }
            } else {
                pos.add(s);
            }
        }
        return new Args(pos, opts, flags);
    }

    String one(String verb, String what) {
        if (positional.size() != 1) {
            throw new UsageError(positional.isEmpty() ? Messages.text("cli.args.expectedOne", verb, what)
                    : Messages.text("cli.args.expectedOneGot", verb, what, String.valueOf(positional.size())));
        }
        return positional.get(0);
    }
}
