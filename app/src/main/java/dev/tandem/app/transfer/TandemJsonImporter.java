package dev.tandem.app.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemLink;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.Rank;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.text.Durations;
import dev.tandem.engine.Blob;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a {@link TandemJson} backup. Ids are kept as they are (a backup restores the same todos), so
 * restoring into the profile it came from adds only what is missing there. Every row is checked
 * before anything is written; a fault names the row and its line and refuses the file, but for a smart
 * list's, which is skipped with a line in the report ({@link FilterRows}).
 */
final class TandemJsonImporter {
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_-]{1," + Limits.MAX_ID_CHARS + "}");
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Limits.MAX_NOTES_CHARS * 4).maxNestingDepth(16).build())
            .build();

    private TandemJsonImporter() {
    }

    /** {@code today}: the profile's, the day a smart list's query is read on ({@link FilterRows}). */
    static Incoming read(String file, String text, LocalDate today, Progress progress) {
        List<TodoList> lists = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        List<ItemTag> tags = new ArrayList<>();
        List<ItemLink> links = new ArrayList<>();
        List<IncomingAttachment> files = new ArrayList<>();
        FilterRows filters = new FilterRows(file, today);
        int[] unknownSystems = {0};
        List<String> warnings = new ArrayList<>();
        Set<String> unknownColumns = new TreeSet<>();
        boolean sawFormat = false;
        try (JsonParser p = JSON.createParser(new StringReader(text))) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, file, Messages.text("transfer.json.notObject"));
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "format" -> {
                        if (value != JsonToken.VALUE_STRING || !TandemJson.FORMAT.equals(p.getText())) {
                            throw new ImportException(file, line(p), Messages.text("transfer.json.notTandem"));
                        }
                        sawFormat = true;
                    }
                    case "version" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT) {
                            throw new ImportException(file, line(p), Messages.text("transfer.json.versionNotNumber"));
                        }
                        long v = p.getLongValue();
                        if (v > TandemJson.VERSION || v < 1) {
                            throw new ImportException(file, line(p), Messages.text("transfer.json.versionNewer",
                                    String.valueOf(v), String.valueOf(TandemJson.VERSION)));
                        }
                    }
                    case "tables" -> {
                        expect(p, value, JsonToken.START_OBJECT, file, Messages.text("transfer.json.tablesNotObject"));
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String table = p.currentName();
                            expect(p, p.nextToken(), JsonToken.START_ARRAY, file,
                                    Messages.text("transfer.json.notArray", Limits.shorten(table)));
                            switch (table) {
                                case "lists" -> readRows(p, file, table, row -> lists.add(list(row.values, file, row.where,
                                        unknownColumns)));
                                case "sections" -> readRows(p, file, table, row -> {
                                    sections.add(section(row.values, file, row.where, unknownColumns));
                                    Limits.itemCount(file, sections.size());
                                });
                                case "items" -> readRows(p, file, table, row -> {
                                    items.add(item(row.values, file, row.where, unknownColumns));
                                    if (items.size() % 1000 == 0) {
                                        progress.update(Messages.text("common.progress.reading"), items.size(), -1);
                                    }
                                    Limits.itemCount(file, items.size());
                                });
                                case "item_tags" -> readRows(p, file, table, row -> {
                                    tags.add(tag(row.values, file, row.where, unknownColumns));
                                    Limits.itemCount(file, tags.size());
                                });
                                case "item_links" -> readRows(p, file, table, row -> {
                                    ItemLink l = link(row.values, file, row.where, unknownColumns);
                                    if (l == null) {
                                        unknownSystems[0]++;
                                    } else {
                                        links.add(l);
                                    }
                                    Limits.itemCount(file, links.size() + unknownSystems[0]);
                                });
                                case "attachments" -> readRows(p, file, table, row -> {
                                    files.add(attachment(row.values, file, row.where, unknownColumns));
                                    Limits.itemCount(file, files.size());
                                });
                                case "saved_filters" -> readRows(p, file, table,
                                        row -> filters.add(row.values, row.where, unknownColumns));
                                default -> {
                                    warnings.add(Messages.text("transfer.json.unknownTable", Limits.shorten(table)));
                                    p.skipChildren();
                                }
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new ImportException(file, line(p), Messages.text("transfer.json.trailing"));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ImportException(file, at == null ? null : Messages.text("transfer.where.lineColumn",
                    String.valueOf(at.getLineNr()), String.valueOf(at.getColumnNr())),
                    Messages.text("transfer.json.invalid", e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ImportException(file, null, Messages.text("transfer.error.cannotRead", e.getMessage()), e);
        }
        if (!sawFormat) {
            throw new ImportException(file, null, Messages.text("transfer.json.noFormat"));
        }
        warnings.addAll(filters.warnings());
        if (unknownSystems[0] > 0) {
            warnings.add(Messages.text("transfer.json.unknownSystems", unknownSystems[0]));
        }
        if (!unknownColumns.isEmpty()) {
            warnings.add(Messages.text("transfer.json.unknownColumns", String.join(", ", unknownColumns)));
        }
        return new Incoming(file, lists, items, warnings, tags, true, links, files, SourceFiles.NONE, sections,
                filters.kept());
    }

    private record Row(Map<String, Object> values, String where) {
    }

    private interface RowSink {
        void accept(Row row);
    }

    private static void readRows(JsonParser p, String file, String table, RowSink sink) throws IOException {
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String where = table + "[" + index + "], " + line(p);
            expect(p, t, JsonToken.START_OBJECT, file,
                    Messages.text("transfer.json.rowNotObject", table + "[" + index + "]"));
            Map<String, Object> values = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                Object value = switch (v) {
                    case VALUE_STRING -> p.getText();
                    case VALUE_NUMBER_INT -> p.getLongValue();
                    case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    case VALUE_NULL -> null;
                    default -> throw new ImportException(file, where,
                            Messages.text("transfer.json.badValue", Limits.shorten(name)));
                };
                if (values.containsKey(name)) {
                    throw new ImportException(file, where, Messages.text("transfer.json.twice", Limits.shorten(name)));
                }
                values.put(name, value);
            }
            sink.accept(new Row(values, where));
            index++;
        }
    }

    private static TodoList list(Map<String, Object> row, String file, String where, Set<String> unknown) {
        TodoList l = RecordMaps.fromMap(TodoList.class, row, file, where, unknown);
        return new TodoList(id(l.id(), file, where), Limits.name(file, where, l.name()), l.position(), l.createdAt(),
                Rank.isValid(l.rank()) ? l.rank() : null);
    }

    /** A section row: a rank that is no {@link Rank} key is dropped (the section then sorts by age). */
    private static Section section(Map<String, Object> row, String file, String where, Set<String> unknown) {
        Section s = RecordMaps.fromMap(Section.class, row, file, where, unknown);
        String listId = s.listId() == null ? null : id(s.listId(), file, where);
        return new Section(id(s.id(), file, where), listId, Limits.sectionName(file, where, s.name()),
                Rank.isValid(s.rank()) ? s.rank() : null, s.collapsed() != null && s.collapsed() != 0 ? 1L : null,
                s.createdAt());
    }

    private static Item item(Map<String, Object> row, String file, String where, Set<String> unknown) {
        Item it = RecordMaps.fromMap(Item.class, row, file, where, unknown);
        if (it.done() != null && it.done() != 0 && it.done() != 1) {
            throw new ImportException(file, where, Messages.text("transfer.json.done"));
        }
        String listId = it.listId() == null ? null : id(it.listId(), file, where);
        // Version 2 fields: a priority out of range or a rule Tandem cannot compute is dropped, not guessed at;
        // so is a kind other than a note (a todo is a todo whatever a newer version called it).
        Long priority = it.priority() != null && it.priority() >= 1 && it.priority() <= 4 ? it.priority() : null;
        String repeat = it.repeat() != null && Recurrence.parse(it.repeat()).isPresent() ? it.repeat() : null;
        String series = it.seriesId() == null ? null : id(it.seriesId(), file, where);
        // A time that is no "HH:mm" and a length that is none (or over a week) are dropped, like a bad priority.
        LocalTime time = Item.clock(it.dueTime());
        Long minutes = it.durationMinutes() != null && it.durationMinutes() > 0
                && it.durationMinutes() <= Durations.MAX_MINUTES ? it.durationMinutes() : null;
        return new Item(id(it.id(), file, where), listId, Limits.title(file, where, it.title()),
                Limits.notesAsStored(file, where, it.notes()), Limits.isoDate(file, where, it.due()), it.done(), it.doneAt(),
                it.trashedAt(), it.createdAt())
                .withPriority(priority == null ? null : priority.intValue())
                .withRepeat(repeat, repeat == null ? null : series).withRemindAt(it.remindAt())
                .withRemindDismissed(it.remindDismissed()).withKind(it.isNote() ? Item.NOTE : null)
                .withDueTime(time).withDuration(minutes)
                // Structure: ids must be Tandem ids, a rank a Rank key (else dropped: the todo sorts by age).
                .withParentId(it.parentId() == null ? null : id(it.parentId(), file, where))
                .withSectionId(it.sectionId() == null ? null : id(it.sectionId(), file, where))
                .withRank(Rank.isValid(it.rank()) ? it.rank() : null)
                .withStartText(Limits.isoDate(file, where, it.start(), "start"))
                .withSomeday(it.isSomeday()).withCollapsed(it.isCollapsed());
    }

    /** A tag row; its id is derived again from item and tag, whatever the file says. */
    private static ItemTag tag(Map<String, Object> row, String file, String where, Set<String> unknown) {
        ItemTag t = RecordMaps.fromMap(ItemTag.class, row, file, where, unknown);
        String itemId = id(t.itemId(), file, where);
        ItemTag clean = ItemTag.of(itemId, t.tag());
        if (clean.tag().isEmpty()) {
            throw new ImportException(file, where, Messages.text("transfer.json.tagEmpty"));
        }
        return new ItemTag(clean.id(), itemId, clean.tag(), t.removedAt());
    }

    /**
     * A link row; its id is derived again from item and system, whatever the file says. Null for a
     * system this Tandem does not know (a later version's): skipped, as an unknown table is.
     */
    private static ItemLink link(Map<String, Object> row, String file, String where, Set<String> unknown) {
        ItemLink l = RecordMaps.fromMap(ItemLink.class, row, file, where, unknown);
        String itemId = id(l.itemId(), file, where);
        if (l.system() == null || l.system().isBlank()) {
            throw new ImportException(file, where, Messages.text("transfer.json.linkSystem"));
        }
        if (!ItemLink.SYSTEMS.contains(l.system())) {
            return null;
        }
        if (l.externalId() == null || l.externalId().isBlank()) {
            throw new ImportException(file, where, Messages.text("transfer.json.linkExternalId"));
        }
        if (l.externalId().length() > ItemLink.MAX_EXTERNAL_ID) {
            throw new ImportException(file, where, Messages.text("transfer.limits.tooLong", "externalId",
                    String.valueOf(l.externalId().length()), String.valueOf(ItemLink.MAX_EXTERNAL_ID)));
        }
        return ItemLink.of(itemId, l.system(), l.externalId());
    }

    /**
     * An attachment row: item, blob (a SHA-256 in hex) and name must be there; its id is derived again
     * from item and blob when it is stored, whatever the file says. Where its bytes are is the
     * archive's to say ({@link TandemArchive}); in a plain JSON file, nowhere.
     */
    private static IncomingAttachment attachment(Map<String, Object> row, String file, String where, Set<String> unknown) {
        Attachment a = RecordMaps.fromMap(Attachment.class, row, file, where, unknown);
        String itemId = id(a.itemId(), file, where);
        if (!Blob.isId(a.blob())) {
            throw new ImportException(file, where, a.blob() == null ? Messages.text("transfer.json.blobMissing")
                    : Messages.text("transfer.json.blobBad", Limits.shorten(a.blob())));
        }
        if (a.name() == null || a.name().isBlank() || a.name().length() > AttachmentStore.MAX_NAME) {
            throw new ImportException(file, where,
                    Messages.text("transfer.json.attachmentName", String.valueOf(AttachmentStore.MAX_NAME)));
        }
        String type = a.type() != null && a.type().length() <= 255 && a.type().matches("[\\w.+-]+/[\\w.+-]+")
                ? a.type() : null;
        return new IncomingAttachment(itemId, null, a.blob(), a.name(), type, a.createdAt(), List.of());
    }

    private static String id(String id, String file, String where) {
        if (id == null || !PLAIN_ID.matcher(id).matches()) {
            throw new ImportException(file, where, id == null ? Messages.text("transfer.json.idMissing")
                    : Messages.text("transfer.json.idBad", Limits.shorten(id)));
        }
        return id;
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken want, String file, String problem) {
        if (got != want) {
            throw new ImportException(file, line(p), problem);
        }
    }

    private static String line(JsonParser p) {
        return Messages.text("transfer.where.line", String.valueOf(p.currentLocation().getLineNr()));
    }
}
