package dev.tandem.app.fx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.collections.ModifiableObservableListBase;

/**
 * The observable list {@link LiveList} keeps its rows in: an array list whose bulk operations each fire one
 * change, as {@code FXCollections.observableArrayList()} does, and which can also replace a range in place
 * with one change ({@link #replace}). A list view updates only the cells inside a replaced range; a removal
 * followed by an insertion makes every cell after the first index update twice, so moving a row near the top
 * of a long list would redraw the whole screen.
 */
final class RowList<T> extends ModifiableObservableListBase<T> {
    private final ArrayList<T> rows = new ArrayList<>();

    /** The {@code rows.size()} rows at {@code from} become {@code rows}, as one replacement. */
    void replace(int from, List<? extends T> with) {
        if (with.isEmpty()) {
            return;
        }
        beginChange();
        try {
            List<T> was = new ArrayList<>(with.size());
            for (int i = 0; i < with.size(); i++) {
                was.add(rows.set(from + i, with.get(i)));
            }
            nextReplace(from, from + with.size(), was);
        } finally {
            endChange();
        }
    }

    @Override
    public T get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    protected void doAdd(int index, T element) {
        rows.add(index, element);
    }

    @Override
    protected T doSet(int index, T element) {
        return rows.set(index, element);
    }

    @Override
    protected T doRemove(int index) {
        return rows.remove(index);
    }

    // The base class does the following element by element (each a shift of the array); here each is one copy.

    @Override
    public boolean addAll(Collection<? extends T> c) {
        return addAll(rows.size(), c);
    }

    @Override
    public boolean addAll(int index, Collection<? extends T> c) {
        if (index < 0 || index > rows.size()) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + rows.size());
        }
        if (c.isEmpty()) {
            return false;
        }
        beginChange();
        try {
            int n = c.size();
            rows.addAll(index, c);
            nextAdd(index, index + n);
        } finally {
            endChange();
        }
        return true;
    }

    @Override
    protected void removeRange(int from, int to) {
        if (from < 0 || to > rows.size() || from > to) {
            throw new IndexOutOfBoundsException("range " + from + "-" + to + ", size " + rows.size());
        }
        if (from == to) {
            return;
        }
        beginChange();
        try {
            List<T> range = rows.subList(from, to);
            List<T> was = new ArrayList<>(range);
            range.clear();
            nextRemove(from, was);
        } finally {
            endChange();
        }
    }

    @Override
    public boolean setAll(Collection<? extends T> c) {
        beginChange();
        try {
            removeRange(0, rows.size());
            addAll(0, c);
        } finally {
            endChange();
        }
        return true;
    }
}
