package dev.tandem.app.caldav;

import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.parameter.RelType;
import net.fortuna.ical4j.model.property.RelatedTo;

/**
 * A subtask's parent as RFC 5545 says it: {@code RELATED-TO;RELTYPE=PARENT:<the parent's UID>}, where a
 * RELATED-TO without RELTYPE means PARENT too. CHILD and SIBLING relations (python3-caldav writes CHILD
 * on the parent) are read as nothing and kept as they are. python3-caldav 0.11 spells the parameter
 * {@code REL-TYPE}; it is read as RELTYPE, so its CHILD relation on a parent is not taken for a parent.
 */
final class Relations {
    /** The spelling python3-caldav 0.11's {@code set_relation} writes. */
    private static final String MISSPELT = "REL-TYPE";

    private Relations() {
    }

    /** The UID of the task's parent: its first parent relation; null when it has none. */
    static String parent(VToDo v) {
        for (Property p : v.getProperties(Property.RELATED_TO)) {
            String uid = p.getValue() == null ? "" : p.getValue().strip();
            if (!uid.isEmpty() && isParent(p)) {
                return uid;
            }
        }
        return null;
    }

    /** Replaces the task's parent relations with one to {@code uid} (none when null); other relations stay. */
    static void setParent(VToDo v, String uid) {
        List<Property> parents = v.getProperties(Property.RELATED_TO).stream().filter(Relations::isParent).toList();
        parents.forEach(v::remove);
        if (uid != null) {
            v.add(new RelatedTo(new ParameterList(List.of(RelType.PARENT)), uid));
        }
    }

    private static boolean isParent(Property p) {
        String type = p.getParameter(Parameter.RELTYPE).map(Parameter::getValue)
                .or(() -> p.getParameter(MISSPELT).map(Parameter::getValue)).orElse("PARENT");
        return type.strip().toUpperCase(Locale.ROOT).equals("PARENT");
    }
}
