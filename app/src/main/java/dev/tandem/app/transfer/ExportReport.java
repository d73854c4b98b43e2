package dev.tandem.app.transfer;

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
        StringBuilder b = new StringBuilder("Exported ").append(ImportReport.count(items, "todo")).append(" in ")
                .append(ImportReport.count(lists, "list"));
        if (attachments > 0) {
            b.append(" with ").append(ImportReport.count(attachments, "attached file"));
        }
        b.append(" to ").append(target).append(" (").append(format.label()).append(").");
        for (String w : warnings) {
            b.append(' ').append(w);
        }
        return b.toString();
    }
}
