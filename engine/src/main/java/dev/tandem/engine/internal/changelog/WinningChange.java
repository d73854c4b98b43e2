package dev.tandem.engine.internal.changelog;

import java.util.UUID;

/** The change that wins one attribute of an entity: what a new change replacing it must name. */
public interface WinningChange {
    /** The field as the winning change spelled it. */
    String field();

    /** The winning change's id. */
    UUID id();
}
