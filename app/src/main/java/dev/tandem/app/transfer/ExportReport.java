package dev.tandem.app.transfer;

/** What an export wrote: how many todos and lists, in which format. */
public record ExportReport(Format format, int items, int lists) {
    public String summary(String target) {
        return "Exported " + ImportReport.count(items, "todo") + " in " + ImportReport.count(lists, "list")
                + " to " + target + " (" + format.label() + ").";
    }
}
