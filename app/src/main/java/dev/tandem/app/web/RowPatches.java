package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A page's patch of the rows it shows ({@code GET /api/rows}): after a {@code change} naming some items, the page
 * holding a view's first {@code limit} rows asks for those items only and gets, for each still among the first
 * {@code limit} of the view, its row and its {@code index} there; the others in {@code gone}; and the view's last
 * rows up to {@code limit} (the {@code tail}, one more than the ids asked for), which are the only rows a change of
 * that many items can bring into the first {@code limit} from beyond them. The page removes every row named, puts
 * each row answered at its index in ascending order, and cuts what it shows to {@code limit}: the rows no change
 * touched keep their order among themselves, so the result is the view's first {@code limit} rows.
 *
 * <p>Bounds: at most {@link #MAX_IDS} ids, each 1 to 64 letters, digits, dashes or underscores, checked before the
 * view is read; an answer holds at most twice that many rows plus one, whatever {@code limit} is. Scope: the view
 * is read as {@code /api/items} reads it, filtered by the request's scope, so an item outside it is in {@code
 * gone} like one that does not exist.
 */
final class RowPatches {
    /** The most ids one patch asks about (a {@code change} names at most {@link LiveEvents#MAX_IDS}). */
    static final int MAX_IDS = 100;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private RowPatches() {
    }

    /** The ids of {@code ?ids=a,b,c}, in order, without repeats; 400 when missing, too many or malformed. */
    static Set<String> ids(Exchange x) {
        String v = x.query("ids").orElse("");
        if (v.isEmpty() || v.length() > MAX_IDS * 65) {
            throw new BadRequest("server.rows.badIds", MAX_IDS);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : v.split(",", -1)) {
            if (!ID.matcher(id).matches() || ids.size() >= MAX_IDS) {
                throw new BadRequest("server.rows.badIds", MAX_IDS);
            }
            ids.add(id);
        }
        return ids;
    }

    /** How many of the last shown rows travel with a patch asking about {@code asked} ids. */
    static int tail(int asked, int shown) {
        return Math.min(asked + 1, shown);
    }

    /**
     * The patch of a flat view whose first rows (up to the page's limit) are {@code shown}, of {@code total}: the
     * rows of {@code ids} among them and of the tail, each with its {@code index}.
     */
    static <T> Map<String, Object> flat(String key, List<T> shown, int total, Set<String> ids,
            Function<T, String> idOf, Function<T, Map<String, Object>> row) {
        int from = shown.size() - tail(ids.size(), shown.size());
        List<Object> rows = new ArrayList<>();
        Set<String> gone = new LinkedHashSet<>(ids);
        for (int i = 0; i < shown.size(); i++) {
            String id = idOf.apply(shown.get(i));
            if (i >= from || ids.contains(id)) {
                Map<String, Object> r = new LinkedHashMap<>(row.apply(shown.get(i)));
                r.put("index", i);
                rows.add(r);
                gone.remove(id);
            }
        }
        return obj("view", key, "total", total, "rows", rows, "gone", List.copyOf(gone));
    }
}
