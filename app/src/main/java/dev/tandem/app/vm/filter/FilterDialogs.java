package dev.tandem.app.vm.filter;

import dev.tandem.app.vm.shared.Questions;

/** The smart lists' dialog: the condition builder. */
public interface FilterDialogs extends Questions {
    /** Shows the condition builder ("New smart list", "Edit smart list"); true when the user saved. */
    default boolean buildSmartList(FilterBuilderViewModel builder) {
        return false;
    }
}
