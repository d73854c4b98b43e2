package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.FilteredItems;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.SavedFilters;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.model.filter.FilterException;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.app.text.filter.UnknownNames;
import dev.tandem.engine.QueryTooCostlyException;
import dev.tandem.ui.messages.Messages;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Smart lists on the command line: {@code tandem list --filter QUERY} and {@code --saved NAME}, and
 * {@code tandem filters} to list, save and remove saved ones. A query that does not read exits 2 with
 * where and why; a saved one a newer device wrote that this one cannot read says so and exits 1, as does one
 * too slow to read ({@code model.QueryCost}). {@code tandem filters} shows each one's count as the sidebar does,
 * or that it is too slow to count.
 */
final class FilterCommands {
    private final PrintStream out;
    private final PrintStream err;

    FilterCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** {@code list --filter QUERY} or {@code list --saved NAME}. */
    int list(TodoStore store, Args a) {
        if (a.options().containsKey("--filter") == a.options().containsKey("--saved")) {
            throw new UsageError(Messages.text("filter.cli.filterOrSaved"));
        }
        Filter f;
        if (a.options().containsKey("--filter")) {
            f = parse(a.options().get("--filter"), store);
        } else {
            String name = a.options().get("--saved");
            SavedFilter saved = store.savedFilters().named(name)
                    .orElseThrow(() -> new Failure(Messages.text("filter.cli.noSuchFilter", name)));
            try {
                f = FilterParser.parse(saved.query(), store.today());
            } catch (FilterException e) {
                throw new Failure(Messages.text("filter.cli.savedUnreadable", saved.name(), e.getMessage()));
            }
        }
        List<Item> items;
        try {
            items = FilteredItems.of(store, f);
        } catch (QueryTooCostlyException e) {
            throw new Failure(Messages.text("filter.cli.tooSlow", e.budget().time().toMillis()));
        }
        Map<String, String> listNames = store.lists().stream()
                .collect(Collectors.toMap(TodoList::id, l -> l.name() == null ? "" : l.name(), (x, y) -> x));
        Map<String, List<String>> tagsOf = store.tags().all();
        if (a.flags().contains("--json")) {
            out.println("[" + items.stream().map(it -> ItemLines.json(it, listNames, tagsOf))
                    .collect(Collectors.joining(",\n ")) + "]");
        } else {
            if (items.isEmpty()) {
                err.println(Messages.text("filter.cli.nothing"));
            }
            for (Item it : items) {
                out.println(ItemLines.line(it, listNames, tagsOf, store.dateClock().getZone()));
            }
        }
        // A list or tag no one has is likely a typo: said on stderr, so --json and scripts read only the todos.
        Set<String> tags = new HashSet<>();
        tagsOf.values().forEach(tags::addAll);
        UnknownNames.of(f, listNames.values(), tags).forEach(err::println);
        return 0;
    }

    /** {@code filters}, {@code filters save NAME QUERY [--color C]}, {@code filters rm NAME}. */
    int filters(TodoStore store, Args a) {
        List<String> p = a.positional();
        if (p.isEmpty()) {
            for (SavedFilter s : store.savedFilters().all()) {
                out.println(TerminalText.field(s.name()) + "\t" + TerminalText.field(s.query()) + "\t" + count(store, s));
            }
            return 0;
        }
        switch (p.get(0)) {
            case "save" -> {
                if (p.size() != 3) {
                    throw new UsageError(Messages.text("filter.cli.saveUsage"));
                }
                Filter f = parse(p.get(2), store);
                String color = a.options().get("--color");
                if (color != null && !SavedFilter.isColor(color)) {
                    throw new UsageError(Messages.text("filter.cli.badColor", color));
                }
                try {
                    SavedFilter s = store.savedFilters().save(p.get(1), f, color);
                    out.println(s.name() + "\t" + s.query());
                } catch (IllegalArgumentException e) {
                    throw new UsageError(Messages.text("filter.cli.badName", SavedFilters.MAX_NAME_CHARS));
                }
                return 0;
            }
            case "rm" -> {
                if (p.size() != 2) {
                    throw new UsageError(Messages.text("filter.cli.rmUsage"));
                }
                if (!store.savedFilters().remove(p.get(1))) {
                    throw new Failure(Messages.text("filter.cli.noSuchFilter", p.get(1)));
                }
                return 0;
            }
            default -> throw new UsageError(Messages.text("filter.cli.unknownAction", p.get(0)));
        }
    }

    /** How many todos a saved filter finds now, counted as the sidebar counts it, or why there is no number. */
    private static String count(TodoStore store, SavedFilter s) {
        try {
            return String.valueOf(FilteredItems.count(store, FilterParser.parse(s.query(), store.today())));
        } catch (FilterException e) {
            return Messages.text("filter.cli.countUnreadable");
        } catch (QueryTooCostlyException e) {
            return Messages.text("filter.cli.countTooSlow");
        }
    }

    private static Filter parse(String query, TodoStore store) {
        try {
            return FilterParser.parse(query, store.today());
        } catch (FilterException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
