package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.app.model.outline.Outline;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.engine.Db;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adds, moves and indents put no todo deeper than {@link Outline#MAX_DEPTH}; a member's chain blocks no move. */
@Tag("unit")
class TreeDepthTest {
    @TempDir
    Path dir;

    @Test
    void addMoveIndent_pastTheLimit_areRefusedAndWriteNothing() {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("d.db")), Clock.systemUTC())) {
            String list = store.createList("Home").id();
            List<String> chain = new ArrayList<>();
            String parent = null;
            for (int k = 0; k <= Outline.MAX_DEPTH; k++) {
                parent = store.add("level " + k, null, list, parent, null, TodoDetails.NONE).item().id();
                chain.add(parent);
            }
            String deepest = parent;
            assertThrows(TreeDepth.TooDeepException.class,
                    () -> store.add("too deep", null, list, deepest, null, TodoDetails.NONE));
            OutlineStore outline = new OutlineStore(store);
            String top = store.add("top", null, list, null, TodoDetails.NONE).item().id();
            store.add("its subtask", null, list, top, null, TodoDetails.NONE);
            String atLimitMinusOne = chain.get(Outline.MAX_DEPTH - 1);
            assertThrows(TreeDepth.TooDeepException.class,
                    () -> outline.move(top, new OutlineStore.Target(list, atLimitMinusOne, null, null)));
            assertEquals(null, store.get(top).orElseThrow().parentId(), "nothing written");
            // The sibling above the deepest todo's would-be place: indenting under it goes past the limit.
            String sibling = store.add("sibling", null, list, chain.get(Outline.MAX_DEPTH - 1), null, TodoDetails.NONE)
                    .item().id();
            assertThrows(TreeDepth.TooDeepException.class, () -> outline.indent(sibling));
            assertEquals(chain.get(Outline.MAX_DEPTH - 1), store.get(sibling).orElseThrow().parentId());
        }
    }

    @Test
    void move_privateTodoUnderWhichAMemberHungAChain_isNotBlocked() {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("m.db")), Clock.systemUTC())) {
            String diary = store.createList("Diary").id();
            String family = store.createList("Family").id();
            String secret = store.add("secret", null, diary, null, TodoDetails.NONE).item().id();
            String other = store.add("other", null, diary, null, TodoDetails.NONE).item().id();
            DeepChainAttackTest.writeChain(store.db(), family, Outline.MAX_DEPTH + 5);
            store.db().transaction(tx -> {
                Item top = tx.query(Item.class, "SELECT * FROM items WHERE title = 'level 0'").get(0);
                tx.save(top.withParentId(secret));
            });
            assertFalse(new OutlineStore(store).move(secret, new OutlineStore.Target(diary, other, null, null))
                    .isEmpty());
            assertEquals(other, store.get(secret).orElseThrow().parentId());
        }
    }
}
