package dev.tandem.engine.internal.reactive;

import java.util.List;
import java.util.Set;

/**
 * Whether a query's result column {@code id} holds its table's {@code id} column, read off the
 * query's {@code EXPLAIN} program, and not another column or expression given that name
 * ({@code SELECT list_id AS id ...}). sqlite-jdbc does not expose a result column's origin column
 * (its metadata looks columns up by their alias), so the program is traced instead.
 *
 * <p>The trace starts at the one {@code ResultRow}, takes the register of the {@code id} column
 * and walks back to the instruction that last wrote it. That must be a {@code Column} read of
 * the table cursor's id column, possibly through copies and through the record of a sorter or of
 * the ephemeral index a {@code LIMIT} sorts in. Any instruction on the way whose effect on
 * registers is not known here ends the trace with "no": the query is then re-run after every
 * commit to its table, which is always correct, only slower.
 */
final class ResultIdColumn {
    /** One instruction of an {@code EXPLAIN} program. */
    record Op(String name, int p1, int p2, int p3) {
    }

    /** Instructions that write no register the result is built from. */
    private static final Set<String> NEUTRAL = Set.of("Init", "Goto", "Halt", "Transaction", "OpenRead",
            "ReopenIdx", "OpenPseudo", "OpenEphemeral", "SorterOpen", "Rewind", "Last", "Next", "Prev",
            "SorterNext", "SorterSort", "Sort", "SeekGE", "SeekGT", "SeekLE", "SeekLT", "SeekRowid", "NotExists",
            "IdxGT", "IdxGE", "IdxLT", "IdxLE", "DeferredSeek", "Ne", "Eq", "Lt", "Le", "Gt", "Ge", "IsNull",
            "NotNull", "If", "IfNot", "IfPos", "IfNotZero", "DecrJumpZero", "Noop", "Explain", "Affinity",
            "RealAffinity", "SorterInsert", "IdxInsert", "Delete", "NullRow", "ResultRow", "ColumnsUsed",
            "CursorHint", "ElseEq", "Jump", "Compare", "Permutation", "IfNullRow", "TypeCheck", "IsType",
            "MustBeInt");
    /** Instructions that write the single register in p2. */
    private static final Set<String> WRITES_P2 = Set.of("SCopy", "Rowid", "IdxRowid", "Sequence", "Integer",
            "Int64", "Real", "String8", "String", "Variable", "Blob", "SorterData", "IsTrue", "Not", "BitNot");
    /** Instructions that write the single register in p3. */
    private static final Set<String> WRITES_P3 = Set.of("Column", "MakeRecord", "Function", "PureFunc", "Add",
            "Subtract", "Multiply", "Divide", "Remainder", "Concat", "BitAnd", "BitOr", "ShiftLeft", "ShiftRight",
            "And", "Or", "Offset");
    private static final int MAX_DEPTH = 6;

    private ResultIdColumn() {
    }

    /**
     * @param idResultColumn zero-based position of the {@code id} column in the result
     * @param tableCursor the cursor the program reads the table's rows through
     * @param idTableColumn the position of {@code id} among the table's stored columns
     */
    static boolean isTableId(List<Op> ops, int idResultColumn, int tableCursor, int idTableColumn) {
        int resultRow = -1;
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).name().equals("ResultRow")) {
                if (resultRow >= 0) {
                    return false;
                }
                resultRow = i;
            }
        }
        if (resultRow < 0 || idResultColumn >= ops.get(resultRow).p2()) {
            return false;
        }
        return trace(ops, ops.get(resultRow).p1() + idResultColumn, resultRow, tableCursor, idTableColumn, 0);
    }

    private static boolean trace(List<Op> ops, int reg, int before, int tableCursor, int idColumn, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        for (int i = before - 1; i >= 0; i--) {
            Op op = ops.get(i);
            String name = op.name();
            boolean writes;
            if (WRITES_P2.contains(name)) {
                writes = op.p2() == reg;
            } else if (WRITES_P3.contains(name)) {
                writes = op.p3() == reg;
            } else if (name.equals("Copy")) {
                writes = reg >= op.p2() && reg <= op.p2() + op.p3();
            } else if (name.equals("Null")) {
                writes = reg >= op.p2() && reg <= Math.max(op.p2(), op.p3());
            } else if (NEUTRAL.contains(name)) {
                continue;
            } else {
                return false;
            }
            if (!writes) {
                continue;
            }
            switch (name) {
                case "Column":
                    if (op.p1() == tableCursor) {
                        return op.p2() == idColumn;
                    }
                    int[] record = recordFeeding(ops, op.p1());
                    return record != null
                            && trace(ops, record[0] + op.p2(), record[1], tableCursor, idColumn, depth + 1);
                case "SCopy":
                    return trace(ops, op.p1(), i, tableCursor, idColumn, depth + 1);
                case "Copy":
                    return trace(ops, op.p1() + (reg - op.p2()), i, tableCursor, idColumn, depth + 1);
                default:
                    return false;
            }
        }
        return false;
    }

    /**
     * For a cursor that reads back records the program built (a sorter's pseudo cursor, or an
     * ephemeral index), the first register of the {@code MakeRecord} that built them and its
     * position; null when there is not exactly one.
     */
    private static int[] recordFeeding(List<Op> ops, int cursor) {
        int store = cursor;
        String insert = "IdxInsert";
        for (Op op : ops) {
            if (op.name().equals("SorterData") && op.p3() == cursor) {
                store = op.p1();
                insert = "SorterInsert";
            }
        }
        int[] found = null;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op.name().equals(insert) && op.p1() == store) {
                int record = op.p2();
                int make = -1;
                for (int j = i - 1; j >= 0 && make < 0; j--) {
                    if (ops.get(j).name().equals("MakeRecord") && ops.get(j).p3() == record) {
                        make = j;
                    }
                }
                if (make < 0 || found != null) {
                    return null;
                }
                found = new int[] {ops.get(make).p1(), make};
            }
        }
        return found;
    }
}
