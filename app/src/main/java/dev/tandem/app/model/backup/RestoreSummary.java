package dev.tandem.app.model.backup;

import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What restoring a backup changes, per list, said before it is done: items whose fields differ
 * (changed), items the profile no longer has or has in the Trash (brought back), items as they
 * were (unchanged), and items made since the backup, which a restore leaves alone.
 *
 * @param lists     one line per list with items in the backup or now, in the backup's list order
 * @param listsChanged lists renamed or moved since, written back
 * @param listsBroughtBack lists deleted since, brought back
 */
public record RestoreSummary(List<ListLine> lists, int listsChanged, int listsBroughtBack, List<String> changedTitles,
                             List<String> broughtBackTitles) {
    /** How many items the summary names of each kind; the rest are counted ("and 3 more"). */
    public static final int NAMED = 5;

    /** One list's counts of items. */
    public record ListLine(String list, int changed, int broughtBack, int unchanged, int leftAlone) {
    }

    /** {@code changedTitles}, {@code broughtBackTitles}: the first items of each kind, at most {@link #NAMED} kept. */
    public RestoreSummary {
        lists = List.copyOf(lists);
        changedTitles = List.copyOf(changedTitles.subList(0, Math.min(NAMED, changedTitles.size())));
        broughtBackTitles = List.copyOf(broughtBackTitles.subList(0, Math.min(NAMED, broughtBackTitles.size())));
    }

    public int changed() {
        return lists.stream().mapToInt(ListLine::changed).sum();
    }

    public int broughtBack() {
        return lists.stream().mapToInt(ListLine::broughtBack).sum();
    }

    public int unchanged() {
        return lists.stream().mapToInt(ListLine::unchanged).sum();
    }

    public int leftAlone() {
        return lists.stream().mapToInt(ListLine::leftAlone).sum();
    }

    /** Whether the restore would write nothing. */
    public boolean nothingToDo() {
        return changed() == 0 && broughtBack() == 0 && listsChanged == 0 && listsBroughtBack == 0;
    }

    /** The summary in lines for a person: the totals, then each list that anything happens to. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        out.add(Messages.text("common.restore.totals", changed(), broughtBack(), unchanged(), leftAlone()));
        named(out, "common.restore.changedNamed", changedTitles, changed());
        named(out, "common.restore.broughtBackNamed", broughtBackTitles, broughtBack());
        if (listsChanged > 0 || listsBroughtBack > 0) {
            out.add(Messages.text("common.restore.lists", listsChanged, listsBroughtBack));
        }
        for (ListLine l : lists) {
            if (l.changed() + l.broughtBack() + l.leftAlone() > 0) {
                out.add("  " + Messages.text("common.restore.listLine", l.list(), l.changed(), l.broughtBack(),
                        l.unchanged(), l.leftAlone()));
            }
        }
        return out;
    }

    /** "Changed: “A”, “B” and 3 more": the items named, then how many others. */
    private static void named(List<String> out, String key, List<String> titles, int count) {
        if (titles.isEmpty()) {
            return;
        }
        String named = titles.stream().map(t -> Messages.text("common.restore.title", shorten(t)))
                .collect(Collectors.joining(", "));
        out.add(Messages.text(key, named, count - titles.size()));
    }

    private static String shorten(String title) {
        String one = title == null || title.isBlank() ? Messages.text("common.restore.untitled") : title.replace('\n', ' ').strip();
        return one.length() > 48 ? one.substring(0, 45) + "…" : one;
    }
}
