package dev.tandem.engine;

import java.util.List;

/** Receives the row events of each committed transaction, once per commit, in commit order. */
@FunctionalInterface
public interface ChangeListener {
    void onCommit(List<ChangeEvent> events);
}
