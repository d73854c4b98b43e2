package dev.tandem.app.transfer;

import dev.tandem.app.model.DerivedIds;
import dev.tandem.app.model.Rank;
import dev.tandem.app.model.SavedFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Saves the smart lists an import brings ({@link FilterRows}), inside {@link ImportWriter}'s transaction, by the
 * rule lists follow: a smart list is found by its id, which comes from its name in any case
 * ({@link DerivedIds#savedFilter}), so one this profile has already keeps this profile's query, colour and place
 * and the archive's is not taken; one deleted here for good does not come back (a list comes back only for a todo
 * that needs it, and nothing needs a smart list); of a name the archive holds twice, the first wins. A new one is
 * saved as {@link dev.tandem.app.model.SavedFilters#save} saves it (id from the name, the parser's text), ranked
 * after this profile's, in the archive's order.
 */
final class FilterImport {
    /** What it reads of the profile and the one write it asks for, as functions of the writer's transaction. */
    record Rows(Supplier<List<SavedFilter>> all, UnaryOperator<SavedFilter> save) {
    }

    private FilterImport() {
    }

    /** Returns how many smart lists were saved. */
    static int write(Rows rows, List<IncomingFilter> incoming, Set<String> deleted, long now) {
        Set<String> known = new HashSet<>(deleted);
        String last = null;
        for (SavedFilter f : rows.all().get()) {
            known.add(f.id());
            if (Rank.isValid(f.rank()) && (last == null || f.rank().compareTo(last) > 0)) {
                last = f.rank();
            }
        }
        int added = 0;
        for (IncomingFilter f : incoming) {
            String id = DerivedIds.savedFilter(f.name());
            if (known.add(id)) {
                last = Rank.between(last, null);
                rows.save().apply(new SavedFilter(id, f.name(), f.query(), f.color(), last,
                        f.createdAt() == null ? now : f.createdAt()));
                added++;
            }
        }
        return added;
    }
}
