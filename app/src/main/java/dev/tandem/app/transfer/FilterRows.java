package dev.tandem.app.transfer;

import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.SavedFilters;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.model.filter.FilterException;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code saved_filters} rows of a backup, read as if a person typed them: each query goes through
 * {@link FilterParser} again (a file is never trusted to hold what a Tandem wrote) and is kept as the
 * parser's canonical text; the name and the colour are checked. Unlike a todo, a smart list that does not
 * read is skipped with a line in the report and the rest of the backup lands: it is a query a person can
 * type again, and a newer Tandem's keyword must not cost a whole restore.
 *
 * <p>Bounded whatever the file holds: only the first {@link Limits#MAX_FILTERS} rows are read, the rest only
 * counted; a kept one holds a name and a query within their limits, so what is kept stays within a few MB;
 * and the report names at most {@link #MAX_NAMED} skipped ones, then counts the others.
 */
final class FilterRows {
    /** The skipped smart lists the report names one by one. */
    static final int MAX_NAMED = 20;

    private final String file;
    private final LocalDate today;
    private final List<IncomingFilter> kept = new ArrayList<>();
    private final List<String> named = new ArrayList<>();
    private int read;
    private int unnamed;
    private int past;
    private int colorsDropped;

    /** {@code today}: the day relative dates in a query are read on, the profile's. */
    FilterRows(String file, LocalDate today) {
        this.file = file;
        this.today = today;
    }

    /** One row as the file gives it; {@code unknown} receives its columns that a smart list does not have. */
    void add(Map<String, Object> row, String where, Set<String> unknown) {
        if (read >= Limits.MAX_FILTERS) {
            past++;
            return;
        }
        read++;
        SavedFilter f;
        try {
            f = RecordMaps.fromMap(SavedFilter.class, row, file, where, unknown);
        } catch (ImportException e) {
            Object name = row.get("name");
            skip(where, name instanceof String s ? s : "", e.problem());
            return;
        }
        String name = f.name() == null ? "" : f.name().strip();
        if (name.isEmpty()) {
            skip(where, name, Messages.text("transfer.filter.nameEmpty"));
            return;
        }
        if (name.length() > SavedFilters.MAX_NAME_CHARS) {
            skip(where, name, Messages.text("transfer.filter.nameTooLong", name.length(), SavedFilters.MAX_NAME_CHARS));
            return;
        }
        Filter filter;
        try {
            filter = FilterParser.parse(f.query(), today);
        } catch (FilterException e) {
            skip(where, name, e.getMessage());
            return;
        }
        // A colour goes into the sidebar's style: only #rrggbb, never whatever else the file says.
        boolean plain = SavedFilter.isColor(f.color());
        if (!plain && f.color() != null && !f.color().isEmpty()) {
            colorsDropped++;
        }
        Long created = f.createdAt() != null && f.createdAt() > 0 ? f.createdAt() : null;
        kept.add(new IncomingFilter(name, filter.text(), plain ? f.color() : "", created));
    }

    /** The smart lists read, in the file's order. */
    List<IncomingFilter> kept() {
        return List.copyOf(kept);
    }

    /** What the report says of the rows not kept as they were. */
    List<String> warnings() {
        List<String> out = new ArrayList<>(named);
        if (unnamed > 0) {
            out.add(Messages.text("transfer.filter.skippedMore", unnamed));
        }
        if (past > 0) {
            out.add(Messages.text("transfer.filter.tooMany", read + past, Limits.MAX_FILTERS));
        }
        if (colorsDropped > 0) {
            out.add(Messages.text("transfer.filter.colorDropped", colorsDropped));
        }
        return out;
    }

    private void skip(String where, String name, String why) {
        if (named.size() < MAX_NAMED) {
            named.add(Messages.text("transfer.filter.skipped", where, Limits.shorten(name), why));
        } else {
            unnamed++;
        }
    }
}
