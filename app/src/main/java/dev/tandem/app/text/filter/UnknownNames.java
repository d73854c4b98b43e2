package dev.tandem.app.text.filter;

import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.model.filter.NamePattern;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lists and tags a query names that no list or tag of the profile has: a likely typo ({@code #Wrok},
 * {@code @urgnet}), which would otherwise find nothing without a word. Said beside what the query finds
 * ("No list is called “Wrok”."), never instead of running it: a list may be made later, and a saved
 * filter naming it then finds its todos.
 */
public final class UnknownNames {
    private UnknownNames() {
    }

    /**
     * One sentence for each list or tag {@code filter} names that none of {@code lists} (names) and
     * {@code tags} (as stored) is, in the order they stand; none when every name is known. The Inbox's
     * names are always known.
     */
    public static List<String> of(Filter filter, Collection<String> lists, Collection<String> tags) {
        Set<String> said = new LinkedHashSet<>();
        walk(filter, lists, tags, said);
        return new ArrayList<>(said);
    }

    private static void walk(Filter f, Collection<String> lists, Collection<String> tags, Set<String> said) {
        if (f instanceof Filter.And a) {
            a.parts().forEach(p -> walk(p, lists, tags, said));
        } else if (f instanceof Filter.Or o) {
            o.parts().forEach(p -> walk(p, lists, tags, said));
        } else if (f instanceof Filter.Not n) {
            walk(n.part(), lists, tags, said);
        } else if (f instanceof Filter.InList l && !NamePattern.namesInbox(l.name())
                && lists.stream().noneMatch(name -> NamePattern.matches(l.name(), name))) {
            said.add(Messages.text(NamePattern.wild(l.name()) ? "filter.hint.noListMatches" : "filter.hint.noList", l.name()));
        } else if (f instanceof Filter.Tagged t) {
            String tag = ItemTag.normalize(t.tag());
            if (tags.stream().noneMatch(name -> NamePattern.matches(tag, ItemTag.normalize(name)))) {
                said.add(Messages.text(NamePattern.wild(tag) ? "filter.hint.noTagMatches" : "filter.hint.noTag", t.tag()));
            }
        }
    }
}
