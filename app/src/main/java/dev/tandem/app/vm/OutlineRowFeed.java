package dev.tandem.app.vm;

import dev.tandem.app.fx.LiveList;
import dev.tandem.app.model.LiveOutline;
import dev.tandem.app.model.Outline;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands a list's live outline to the item list as rows: todos at their depth with their subtasks counted,
 * and section headers (keyed "section:ID"). The count it gives is the todos', so the count line does not
 * count headers.
 */
final class OutlineRowFeed implements LiveOutline.Sink {
    private final LiveList.Feed<ItemRow> feed;

    OutlineRowFeed(LiveList.Feed<ItemRow> feed) {
        this.feed = feed;
    }

    @Override
    public void reset(List<Outline.Line> lines) {
        feed.reset(rows(lines), true, lines.stream().filter(l -> !l.isSection()).count());
    }

    @Override
    public void firstPage(List<Outline.Line> lines) {
        feed.reset(rows(lines), false, -1);
    }

    static List<ItemRow> rows(List<Outline.Line> lines) {
        List<ItemRow> rows = new ArrayList<>(lines.size());
        lines.forEach(l -> rows.add(ItemRow.of(l)));
        return rows;
    }
}
