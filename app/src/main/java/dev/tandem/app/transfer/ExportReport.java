package dev.tandem.app.transfer;

import dev.tandem.ui.messages.Messages;
import java.util.List;

/**
 * What an export wrote: how many todos and lists, in which format; how many attached files went with
 * them, and what was left out, in words (a file only on the remote).
 */
public record ExportReport(Format format, int items, int lists, int attachments, List<String> warnings) {
    public ExportReport {
        warnings = List.copyOf(warnings);
    }

    public ExportReport(Format format, int items, int lists) {
        this(format, items, lists, 0, List.of());
    }

    public String summary(String target) {
        StringBuilder b = new StringBuilder(Messages.text("common.export.summary", items, lists, attachments, target,
                format.label()));
        for (String w : warnings) {
            b.append(' ').append(w);
        }
        return b.toString();
    }
}
