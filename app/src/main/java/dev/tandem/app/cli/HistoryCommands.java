package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.model.history.ItemField;
import dev.tandem.app.model.history.ItemVersions;
import dev.tandem.app.model.history.VersionRestore;
import dev.tandem.app.text.PastTimes;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The commands that read the past: an item's versions ({@code history}), bringing one back
 * ({@code restore-version}), and the lists as they stood at a time ({@code list --as-of}).
 */
final class HistoryCommands {


    private final PrintStream out;
    private final PrintStream err;

    HistoryCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Prints a page of the item's versions ({@code --page N}, 1 the newest, {@value ItemVersions#PAGE} each),
     * oldest first, numbered as restore-version takes them. Under a version, the files attached while it
     * stood, when they differ from the version before's: attachments are rows of their own, so adding one is
     * no version of the item.
     */
    int history(TodoStore store, Args a) {
        String id = itemId(store, a.one("history", "ID"));
        int page = 1;
        if (a.options().containsKey("--page")) {
            String p = a.options().get("--page").strip();
            if (!p.matches("[1-9]\\d{0,5}")) {
                throw new UsageError(Messages.text("cli.history.badPage", p));
            }
            page = Integer.parseInt(p);
        }
        ItemVersions versions = new ItemVersions(store, new Authors(store));
        ZoneId zone = store.dateClock().getZone();
        List<ItemVersions.Version> all = versions.versions(id);
        ItemVersions.Page shown = ItemVersions.Page.of(all, page, ItemVersions.PAGE);
        if (shown.pages() > 1) {
            // Version numbers are names, like ids: "19951", never "19,951".
            err.println(Messages.text("cli.history.pageOf",
                    String.valueOf(shown.versions().isEmpty() ? 0 : shown.versions().get(0).number()),
                    String.valueOf(shown.versions().get(shown.versions().size() - 1).number()),
                    String.valueOf(shown.total()), String.valueOf(shown.page()), String.valueOf(shown.pages()),
                    shown.page() < shown.pages() ? "older" : "newer"));
        }
        int first = shown.versions().isEmpty() ? 0 : shown.versions().get(0).number();
        List<String> filesBefore = first <= 1 ? List.of() : files(versions, id, all, all.get(first - 2));
        // A moment's words differ in width ("9:00", "19:00"): the column takes the page's widest.
        int whenWidth = shown.versions().stream().mapToInt(v -> when(v.at(), zone).length()).max().orElse(0);
        for (ItemVersions.Version v : shown.versions()) {
            out.println(String.format(Locale.ROOT, "%3d  %-" + whenWidth + "s  %-16s %s", v.number(), when(v.at(), zone),
                    v.device(), v.summary()));
            List<String> files = files(versions, id, all, v);
            if (!files.equals(filesBefore)) {
                out.println("     " + Messages.text("cli.history.files",
                        files.isEmpty() ? Messages.text("cli.history.noFiles") : String.join(", ", files)));
            }
            filesBefore = files;
        }
        return 0;
    }

    private static List<String> files(ItemVersions versions, String id, List<ItemVersions.Version> all,
            ItemVersions.Version v) {
        return versions.attachments(id, all, v).stream()
                .map(f -> f.name() + " (" + BackupCommands.size(f.sizeOrZero()) + ")").toList();
    }

    /** Brings back one version's fields (those others did not change since, unless --all or --fields). */
    int restoreVersion(TodoStore store, Args a) {
        if (a.positional().size() != 2) {
            throw new UsageError(Messages.text("cli.history.restoreNeeds"));
        }
        String id = itemId(store, a.positional().get(0));
        ItemVersions versions = new ItemVersions(store, new Authors(store));
        ItemVersions.Version v = versions.find(id, a.positional().get(1)).orElseThrow(() -> new Failure(
                Messages.text("cli.history.noVersion", a.positional().get(1), id, TodoCommands.shortId(id))));
        Item then = versions.item(id, v).orElseThrow(() -> new Failure(
                Messages.text("cli.history.versionEmpty", String.valueOf(v.number()))));
        VersionRestore plan = versions.plan(then, v.at());
        if (plan.unchanged()) {
            err.println(Messages.text("cli.history.nothingToRestore", String.valueOf(v.number()), then.titleOrEmpty()));
            return 0;
        }
        Set<ItemField> chosen = choose(plan, a);
        for (VersionRestore.FieldDiff d : plan.fields()) {
            boolean taken = chosen.contains(d.field());
            out.println(taken ? Messages.text("cli.history.restoreField", d.field().label())
                    : d.changedBy() != null ? Messages.text("cli.history.keepFieldChanged", d.field().label(), d.changedBy())
                    : Messages.text("cli.history.keepField", d.field().label()));
        }
        if (a.flags().contains("--dry-run")) {
            return 0;
        }
        versions.restore(plan, chosen);
        err.println(Messages.text(plan.deleted() ? "cli.history.broughtBack" : "cli.history.restored",
                then.titleOrEmpty(), String.valueOf(v.number())));
        return 0;
    }

    /** {@code list --as-of TIME}: the lists and items as they stood then, read-only. */
    int listAsOf(TodoStore store, Args a, TodoCommands todos) {
        String when = a.options().get("--as-of");
        ZoneId zone = store.dateClock().getZone();
        Instant at = PastTimes.parse(when, store.clock(), zone).orElseThrow(() -> new UsageError(
                Messages.text("cli.history.notATime", when)));
        if (at.isAfter(store.clock().instant())) {
            throw new UsageError(Messages.text("cli.history.future", when));
        }
        List<TodoList> lists = store.history().asOf(TodoList.class, at);
        Map<String, List<String>> tagsOf = new HashMap<>();
        for (ItemTag t : store.history().asOf(ItemTag.class, at)) {
            if (!t.isRemoved()) {
                tagsOf.computeIfAbsent(t.itemId(), k -> new ArrayList<>()).add(t.tag());
            }
        }
        tagsOf.values().forEach(l -> l.sort(null));
        err.println(Messages.text("cli.history.asOf", when(at, zone)));
        return todos.show(store.history().asOf(Item.class, at), lists, tagsOf, zone, a);
    }

    private static Set<ItemField> choose(VersionRestore plan, Args a) {
        if (a.flags().contains("--all")) {
            return plan.fields().stream().map(VersionRestore.FieldDiff::field)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(ItemField.class)));
        }
        String names = a.options().get("--fields");
        if (names == null) {
            return plan.defaultChoice();
        }
        Set<ItemField> chosen = EnumSet.noneOf(ItemField.class);
        for (String n : names.split(",")) {
            String want = n.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
            ItemField f = Arrays.stream(ItemField.values())
                    .filter(x -> x.name().toLowerCase(Locale.ROOT).equals(want)
                            || x.label().toLowerCase(Locale.ROOT).replace(' ', '-').equals(want))
                    .findFirst().orElseThrow(() -> new UsageError(Messages.text("cli.history.noField", n.strip(),
                            Arrays.stream(ItemField.values()).map(x -> x.name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", ")))));
            chosen.add(f);
        }
        return chosen;
    }

    /** The full id of an item deleted for good (its history names it), else of the current item {@code ref} names. */
    private static String itemId(TodoStore store, String ref) {
        // The current item first: reading a history to learn that it is there costs all its changes.
        if (store.get(ref).isPresent()) {
            return ref;
        }
        try {
            return TodoCommands.resolve(store, ref).id();
        } catch (Failure e) {
            if (!store.history().changes("items", ref).isEmpty()) {
                return ref;
            }
            throw new Failure(Messages.text("cli.history.deletedNeedsFullId", e.getMessage()));
        }
    }

    /** A moment for a person, in the profile's zone: "Fri 27 Nov 2026, 9:00". */
    private static String when(Instant at, ZoneId zone) {
        return Formats.dayYearTime(at.atZone(zone).toLocalDateTime());
    }
}
