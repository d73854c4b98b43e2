package dev.tandem.app.vm.outline;

import dev.tandem.app.fx.ListSplice;
import dev.tandem.app.fx.LiveList;



import dev.tandem.app.model.outline.LiveOutline;
import dev.tandem.app.model.outline.Outline;
import dev.tandem.app.model.outline.OutlineSplice;
import dev.tandem.app.vm.shared.ItemRow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands a list's live outline to the item list as rows: todos at their depth with their subtasks counted,
 * and section headers (keyed "section:ID"). The count it gives is the todos', so the count line does not
 * count headers. A change comes as splices of lines and goes on as splices of rows at the same places: only
 * the changed lines become rows. A read that failed goes to {@code failures}, and the list keeps its rows.
 */
public final class OutlineRowFeed implements LiveOutline.Sink {
    private final LiveList.Feed<ItemRow> feed;
    private final Consumer<RuntimeException> failures;

    public OutlineRowFeed(LiveList.Feed<ItemRow> feed, Consumer<RuntimeException> failures) {
        this.feed = feed;
        this.failures = failures;
    }

    @Override
    public void failed(RuntimeException failure) {
        failures.accept(failure);
    }

    @Override
    public void reset(List<Outline.Line> lines) {
        feed.reset(rows(lines), true, todos(lines));
    }

    @Override
    public void splice(List<OutlineSplice> splices, List<Outline.Line> whole) {
        List<ListSplice<ItemRow>> out = new ArrayList<>(splices.size());
        for (OutlineSplice s : splices) {
            out.add(new ListSplice<>(s.from(), s.removed(), rows(s.lines())));
        }
        feed.splice(out, todos(whole));
    }

    private static long todos(List<Outline.Line> lines) {
        long n = 0;
        for (Outline.Line l : lines) {
            if (!l.isSection()) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void firstPage(List<Outline.Line> lines) {
        feed.reset(rows(lines), false, -1);
    }

    private static List<ItemRow> rows(List<Outline.Line> lines) {
        List<ItemRow> rows = new ArrayList<>(lines.size());
        lines.forEach(l -> rows.add(ItemRow.of(l)));
        return rows;
    }
}
