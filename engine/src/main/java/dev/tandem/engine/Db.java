package dev.tandem.engine;

import dev.tandem.engine.internal.DefaultDb;
import dev.tandem.engine.internal.backup.FileBackups;
import dev.tandem.engine.internal.merge.LineMerge;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An embedded reactive store on one SQLite file. Records are saved as rows; every save records its
 * changed attributes in a changelog in the same transaction, which sync exchanges with other
 * devices. Queries can be subscribed to and re-run after each commit that touches a table they read.
 *
 * <p>Durability: the database runs in WAL mode with {@code synchronous=FULL} unless the builder
 * says otherwise, so when {@code save} returns, the row and its changelog entry are in the fsynced
 * log on disk. Thread-safe: one writer connection serializes writes, pooled readers never wait on
 * a commit.
 */
public interface Db extends Tx, AutoCloseable {

    static Db open(Path file) {
        return builder().file(file).build();
    }

    static Db openMemory() {
        return builder().memory().build();
    }

    /**
     * The line-level three-way merge that sync uses for mergeable text ({@link Builder#mergeText}),
     * for an app holding an edit of its own: an editor whose text changed underneath it merges the
     * stored version into the one being typed as sync would. Returns the merge of two texts that
     * both started from {@code ancestor}, or empty when they changed the same lines (or are over the
     * merge's size bounds). {@code older} is the side whose edit came first: where both inserted at
     * one place, its lines go first. Null counts as the empty text.
     */
    static Optional<String> mergeLines(String ancestor, String older, String newer) {
        return LineMerge.merge(ancestor, older, newer);
    }

    static Builder builder() {
        return new Builder();
    }

    /** Applies the migrations not applied yet, in order, each in its own transaction. */
    void migrate(List<String> migrations);

    /** The number of migration steps applied so far. */
    int schemaVersion();

    /**
     * As {@link #query(Class, String, Object...)}, stopped once it worked longer than {@code budget}: for a query
     * whose shape comes from outside (a saved filter another device wrote, a search someone typed). Outside a
     * transaction it reads the last commit; inside one, the transaction's own rows.
     *
     * @throws QueryTooCostlyException when it ran past the budget; the connection it ran on stays usable
     * @throws QueryStoppedException   when the budget's stop signal ({@link QueryBudget#stoppedWhen}) said its
     *                                 answer is no longer wanted; the connection stays usable too
     */
    <T extends Record> List<T> query(QueryBudget budget, Class<T> type, String sql, Object... params);

    /** Runs {@code work} in one transaction: all of it commits, with one notification, or none. */
    void transaction(Consumer<Tx> work);

    /** As {@link #transaction(Consumer)}, returning the work's result. */
    <R> R transactionResult(Function<Tx, R> work);

    /**
     * Runs the query now and after every commit that touches a table it reads, handing each result
     * to {@code onResult} on the database's callback executor.
     */
    <T extends Record> Subscription querySubscribe(Class<T> type, String sql, List<?> params,
                                                   Consumer<List<T>> onResult);

    /** As above, calling back on {@code executor}. */
    <T extends Record> Subscription querySubscribe(Class<T> type, String sql, List<?> params,
                                                   Consumer<List<T>> onResult, Executor executor);

    /**
     * As {@link #querySubscribe(Class, String, List, Consumer, Executor)}, every run stopped once it worked longer
     * than {@code budget}: a run that is stopped hands {@code onTooCostly} the reason on {@code executor} instead
     * of a result, and the subscription stays, to run again after the next commit (a caller that gives up on it
     * closes it). The budget takes no stop signal ({@link QueryBudget#stoppable()}): closing the subscription
     * is how its caller stops wanting its answers.
     *
     * @throws IllegalArgumentException when {@code budget} has a stop signal
     */
    <T extends Record> Subscription querySubscribe(QueryBudget budget, Class<T> type, String sql, List<?> params,
                                                   Consumer<List<T>> onResult,
                                                   Consumer<QueryTooCostlyException> onTooCostly, Executor executor);

    /** Receives the insert, update and delete events of each commit. */
    Subscription subscribe(ChangeListener listener);

    /**
     * As {@link #subscribe(ChangeListener)}, for the commits of one {@code origin} only: a commit that
     * recorded any local change is {@link ChangeEvent.Origin#LOCAL}, and reaches such a listener even
     * when it changed no visible row (a restore whose row is still held back), since the change is
     * there to push. Changes of unknown origin ({@link ChangeListener#onUnknownChanges}) reach it too.
     */
    Subscription subscribe(ChangeEvent.Origin origin, ChangeListener listener);

    /** Earlier versions of entities, and tables as they stood at an earlier time, read from the changelog. */
    History history();

    /**
     * The conflicts last write wins resolved: list, watch, dismiss and take back their lost values,
     * each call in its own transaction.
     */
    @Override
    Conflicts conflicts();

    /**
     * Forgets history nobody needs any more, so the file stops growing with the years: changes older
     * than {@code keep} that win no attribute, are on every remote this database pushes to and are
     * not among the last {@value #HISTORY_VERSIONS} versions of any attribute of their entity, and
     * conflicts dismissed longer ago than {@code keep}. What rows show, what the next push sends and
     * the conflicts still listed never change. Runs in short transactions (saves wait at most one).
     * Then gives the freed pages back to the file system, a step at a time (a database made by an
     * older version is rewritten once, when a quarter of it is free). Safe to run at any time, from
     * any thread but the UI's.
     */
    PrunedHistory pruneHistory(Duration keep);

    /** The versions of every attribute {@link #pruneHistory} keeps whatever their age. */
    int HISTORY_VERSIONS = 3;

    /** This database's own id, made once: the author of every change saved here. */
    String deviceId();

    /** The file, or empty for an in-memory database. */
    Optional<Path> file();

    /**
     * The store of attached files.
     *
     * @throws IllegalStateException when the database was built without {@link Builder#blobs}
     */
    Blobs blobs();

    /**
     * Consistent copies of this database taken while it is open, checked by reading them back.
     *
     * @throws IllegalStateException for an in-memory database, which has no file to copy
     */
    default Backups backups() {
        return FileBackups.of(file().orElseThrow(() -> new IllegalStateException(
                "backups: an in-memory database has no file to copy")));
    }

    @Override
    void close();

    /** Configures a {@link Db}; validated by {@link #build()}. */
    final class Builder {
        private static final Pattern MERGE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");
        private Path file;
        private boolean memory;
        private Synchronous synchronous = Synchronous.FULL;
        private Executor callbackExecutor;
        private int readers = 4;
        private int queryThreads;
        private Duration busyTimeout = Duration.ofSeconds(60);
        private Consumer<Duration> onWriteWait;
        private Clock clock = Clock.systemUTC();
        private Consumer<Throwable> callbackErrorHandler;
        private final Set<String> mergeText = new LinkedHashSet<>();
        private final Map<String, MergeRule> mergeBy = new LinkedHashMap<>();
        private String blobTable;
        private String blobColumn;
        private Path blobDirectory;

        private Builder() {
        }

        public Builder file(Path file) {
            this.file = file;
            return this;
        }

        public Builder memory() {
            this.memory = true;
            return this;
        }

        public Builder synchronous(Synchronous synchronous) {
            this.synchronous = synchronous;
            return this;
        }

        /** Where callbacks run unless a subscription names its own; default: the dispatch thread. */
        public Builder callbackExecutor(Executor executor) {
            this.callbackExecutor = executor;
            return this;
        }

        /** Size of the reader pool for a file database. */
        public Builder readers(int readers) {
            this.readers = readers;
            return this;
        }

        /**
         * How many subscribed queries re-run at once after a commit, each on its own reader, so costly counts do
         * not queue behind each other and the view on screen starts first; 1 runs them one by one. Default: one
         * reader fewer than {@link #readers}, at most the machine's processors. A file database only: an
         * in-memory one has a single connection and runs them one by one.
         */
        public Builder queryThreads(int threads) {
            this.queryThreads = threads;
            return this;
        }

        /**
         * How long a write waits while another process writes to the same file before it fails with
         * "locked"; default 60 s. Reads never wait. Another process's write can take seconds: a
         * sync catching up on a million edits from a snapshot holds the file for several.
         */
        public Builder busyTimeout(Duration busyTimeout) {
            this.busyTimeout = busyTimeout;
            return this;
        }

        /**
         * Told, on the waiting thread, about once a second while a write waits for another
         * process's write to the same file, with how long it has waited so far; a command line says
         * why it is quiet. By default nobody is told. A listener that throws is logged.
         */
        public Builder onWriteWait(Consumer<Duration> listener) {
            this.onWriteWait = listener;
            return this;
        }

        /** The wall clock behind change ids; tests use it to step time back. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Receives exceptions thrown by callbacks; by default they are logged. */
        public Builder onCallbackError(Consumer<Throwable> handler) {
            this.callbackErrorHandler = handler;
            return this;
        }

        /**
         * Marks a text column whose concurrent edits merge line by line instead of one replacing the
         * other: when two devices change it without seeing each other's change, edits to different
         * lines are all kept, against the version both started from; edits of the same lines fall
         * back to last write wins and are kept as a {@link Conflict}. Every device computes the same
         * text. Call once per column; names compare ignoring case. See docs/ARCHITECTURE.md.
         */
        public Builder mergeText(String table, String column) {
            mergeText.add(table + "." + column);
            return this;
        }

        /**
         * Marks a column whose concurrent values settle by {@code rule} instead of one replacing the
         * other: when two devices set it without seeing each other's value, every device keeps the
         * least (or greatest) of the two, and no {@link Conflict} is kept. A later edit made after
         * seeing both values replaces them as any edit does. For values set by construction, not
         * chosen by a person: when a row was made, where it was put. Call once per column; names
         * compare ignoring case. See docs/SYNC_FORMAT.md, "Merge rules".
         */
        public Builder mergeBy(String table, String column, MergeRule rule) {
            mergeBy.put(table + "." + column, Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Names the one column whose values are blob ids ({@link Blob#id}): sync uploads the blob a
         * change names before the batch that carries it, and compaction keeps every blob any row or
         * any change in history names. The copies live in {@link #blobDirectory}, by default a
         * folder beside the database file named after it with {@code .blobs} added.
         */
        public Builder blobs(String table, String column) {
            this.blobTable = table;
            this.blobColumn = column;
            return this;
        }

        /** Where {@link Db#blobs()} keeps its copies; required for an in-memory database with blobs. */
        public Builder blobDirectory(Path dir) {
            this.blobDirectory = dir;
            return this;
        }

        public Db build() {
            if (memory == (file != null)) {
                throw new IllegalStateException("file: set exactly one of file(path) or memory()");
            }
            Objects.requireNonNull(synchronous, "synchronous");
            Objects.requireNonNull(clock, "clock");
            if (readers < 1 || readers > 64) {
                throw new IllegalArgumentException("readers: must be 1..64, was " + readers);
            }
            if (queryThreads < 0 || queryThreads > readers) {
                throw new IllegalArgumentException("queryThreads: must be 1.." + readers + " (the readers), or 0 for the default, was "
                        + queryThreads);
            }
            int threads = memory ? 1 : queryThreads > 0 ? queryThreads
                    : Math.max(1, Math.min(readers - 1, Runtime.getRuntime().availableProcessors()));
            if (busyTimeout == null || busyTimeout.isNegative()) {
                throw new IllegalArgumentException("busyTimeout: must be zero or positive, was " + busyTimeout);
            }
            checkNames("mergeText", mergeText);
            checkNames("mergeBy", mergeBy.keySet());
            for (String tableColumn : mergeBy.keySet()) {
                if (mergeText.stream().anyMatch(tableColumn::equalsIgnoreCase)) {
                    throw new IllegalArgumentException("mergeBy: '" + tableColumn + "' is mergeable text already");
                }
            }
            Path blobDir = null;
            if (blobTable != null || blobColumn != null) {
                if (blobTable == null || blobColumn == null || !MERGE_NAME.matcher(blobTable).matches()
                        || !MERGE_NAME.matcher(blobColumn).matches()) {
                    throw new IllegalArgumentException("blobs: '" + blobTable + "." + blobColumn + "' is not a table"
                            + " and a column name (letters, digits and '_', not starting with '_')");
                }
                blobDir = blobDirectory != null ? blobDirectory
                        : file != null ? file.resolveSibling(file.getFileName() + ".blobs") : null;
                if (blobDir == null) {
                    throw new IllegalStateException("blobDirectory: an in-memory database with blobs needs a folder for them");
                }
            } else if (blobDirectory != null) {
                throw new IllegalStateException("blobDirectory: set only together with blobs(table, column)");
            }
            return DefaultDb.open(new DefaultDb.Config(file, synchronous, callbackExecutor, readers, threads,
                    busyTimeout, onWriteWait, clock, callbackErrorHandler, Set.copyOf(mergeText), Map.copyOf(mergeBy),
                    blobDir == null ? null : new DefaultDb.BlobConfig(blobTable, blobColumn, blobDir)));
        }

        private static void checkNames(String what, Set<String> tableColumns) {
            for (String tableColumn : tableColumns) {
                String[] parts = tableColumn.split("\\.", -1);
                if (parts.length != 2 || !MERGE_NAME.matcher(parts[0]).matches()
                        || !MERGE_NAME.matcher(parts[1]).matches()) {
                    throw new IllegalArgumentException(what + ": '" + tableColumn + "' is not a table and a column"
                            + " name (letters, digits and '_', not starting with '_', at most 100 characters each)");
                }
            }
        }
    }
}
