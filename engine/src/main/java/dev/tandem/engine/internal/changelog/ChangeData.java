package dev.tandem.engine.internal.changelog;

import java.util.List;
import java.util.UUID;

/** One change as it is stored and as it travels: its author is known from where it sits (a batch's device, a change row's author). */
public record ChangeData(UUID id, String table, String entity, List<FieldData> fields) {
    public ChangeData {
        fields = List.copyOf(fields);
    }
}
