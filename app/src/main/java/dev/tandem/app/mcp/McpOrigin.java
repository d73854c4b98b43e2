package dev.tandem.app.mcp;

import dev.tandem.app.model.ChangeOrigin;
import dev.tandem.app.model.ChangeOrigins;
import dev.tandem.app.model.Item;

import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.OutlineStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A write tool's call run so that the item's history says it came through MCP, and from which client ("This device
 * via MCP (Claude Desktop)", {@link ChangeOrigins}): the items it may change are named before it runs (the {@code
 * id} it was given, and for a move that item's subtasks, which move with it), and the items it answers after (one it
 * made, a repeating todo's next occurrence). The client's name is what its {@code initialize} said, cleaned and
 * bounded ({@link ChangeOrigin#clientName}): it is outside data.
 */
final class McpOrigin {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Subtasks a move's marks follow at most: a subtree deeper or wider than this still moves, marked in part. */
    static final int MAX_SUBTREE = 10_000;

    private McpOrigin() {
    }

    /** Runs {@code call} of tool {@code t} with {@code arguments}, its changes marked as made via MCP by {@code client}. */
    static Map<String, Object> run(TodoStore store, Tool t, Map<String, Object> arguments, String client,
            Supplier<Map<String, Object>> call) {
        return new ChangeOrigins(store).marking(ChangeOrigin.MCP, client, () -> before(store, t, arguments), call,
                McpOrigin::after);
    }

    private static Collection<String> before(TodoStore store, Tool t, Map<String, Object> arguments) {
        Set<String> ids = new LinkedHashSet<>();
        if (arguments != null && arguments.get("id") instanceof String s && ID.matcher(s.strip()).matches()
                && store.get(s.strip()).isPresent()) {
            ids.add(s.strip());
            if (t.name().equals("move_item")) {
                OutlineStore outline = new OutlineStore(store);
                Deque<String> next = new ArrayDeque<>(List.of(s.strip()));
                while (!next.isEmpty() && ids.size() < MAX_SUBTREE) {
                    for (Item child : outline.children(next.pop())) {
                        if (ids.add(child.id())) {
                            next.add(child.id());
                        }
                    }
                }
            }
        }
        return ids;
    }

    private static Collection<String> after(Map<String, Object> answer) {
        List<String> ids = new ArrayList<>();
        for (String key : List.of("item", "next")) {
            if (answer.get(key) instanceof Map<?, ?> m && m.get("id") instanceof String id) {
                ids.add(id);
            }
        }
        return ids;
    }
}
