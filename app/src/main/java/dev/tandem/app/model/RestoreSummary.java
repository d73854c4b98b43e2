package dev.tandem.app.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What restoring a backup changes, per list, said before it is done: items whose fields differ
 * (changed), items the profile no longer has or has in the Trash (brought back), items as they
 * were (unchanged), and items made since the backup, which a restore leaves alone.
 *
 * @param lists     one line per list with items in the backup or now, in the backup's list order
 * @param listsChanged lists renamed or moved since, written back
 * @param listsBroughtBack lists deleted since, brought back
 */
public record RestoreSummary(List<ListLine> lists, int listsChanged, int listsBroughtBack) {

    /** One list's counts of items. */
    public record ListLine(String list, int changed, int broughtBack, int unchanged, int leftAlone) {
    }

    public RestoreSummary {
        lists = List.copyOf(lists);
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
        out.add(String.format("%,d items changed, %,d brought back, %,d unchanged; %,d made since the backup are left"
                + " as they are", changed(), broughtBack(), unchanged(), leftAlone()));
        if (listsChanged > 0 || listsBroughtBack > 0) {
            out.add(String.format("lists: %,d changed back, %,d brought back", listsChanged, listsBroughtBack));
        }
        for (ListLine l : lists) {
            if (l.changed() + l.broughtBack() + l.leftAlone() > 0) {
                out.add(String.format("  %s: %,d changed, %,d brought back, %,d unchanged, %,d left alone", l.list(),
                        l.changed(), l.broughtBack(), l.unchanged(), l.leftAlone()));
            }
        }
        return out;
    }
}
