package dev.tandem.app.transfer;

import dev.tandem.ui.messages.Messages;
import java.util.List;

/**
 * What an import did.
 *
 * @param source       the file's name
 * @param added        todos written
 * @param known        todos skipped because this profile has them already (or deleted them for good)
 * @param listsCreated lists written
 * @param warnings     what the file held that Tandem did not keep
 * @param attachments  files attached to the todos written
 * @param filters      smart lists written
 */
public record ImportReport(String source, int added, int known, int listsCreated, List<String> warnings,
                           int attachments, int filters) {
    public ImportReport {
        warnings = List.copyOf(warnings);
    }

    public ImportReport(String source, int added, int known, int listsCreated, List<String> warnings) {
        this(source, added, known, listsCreated, warnings, 0, 0);
    }

    /** One sentence for a notification or the terminal. */
    public String summary() {
        String shape = attachments > 0 && listsCreated > 0 ? "both" : attachments > 0 ? "att"
                : listsCreated > 0 ? "lists" : "none";
        String said = Messages.text("common.import.summary", added, attachments, listsCreated, source, shape, known);
        return filters > 0 ? said + " " + Messages.text("common.import.smartLists", filters) : said;
    }
}
