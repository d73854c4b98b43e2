package dev.tandem.engine.internal;

import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.ChangeListener;
import dev.tandem.engine.Conflicts;
import dev.tandem.engine.Blobs;
import dev.tandem.engine.Db;
import dev.tandem.engine.History;
import dev.tandem.engine.MergeRule;
import dev.tandem.engine.PrunedHistory;
import dev.tandem.engine.QueryBudget;
import dev.tandem.engine.QueryTooCostlyException;
import dev.tandem.engine.StorageException;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.Synchronous;
import dev.tandem.engine.TandemException;
import dev.tandem.engine.Tx;
import dev.tandem.engine.internal.blob.BlobReferences;
import dev.tandem.engine.internal.blob.LocalBlobs;
import dev.tandem.engine.internal.apply.HeldRows;
import dev.tandem.engine.internal.apply.Materializer;
import dev.tandem.engine.internal.apply.RemoteApply;
import dev.tandem.engine.internal.apply.TextMerges;
import dev.tandem.engine.internal.apply.ValueMerges;
import dev.tandem.engine.internal.capture.ChangeCapture;
import dev.tandem.engine.internal.capture.LostValues;
import dev.tandem.engine.internal.changelog.ChangelogStore;
import dev.tandem.engine.internal.changelog.HistoryPruning;
import dev.tandem.engine.internal.changelog.ConflictStore;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.mapping.RecordType;
import dev.tandem.engine.internal.reactive.Dispatcher;
import dev.tandem.engine.internal.store.Connections;
import dev.tandem.engine.internal.store.FileConnections;
import dev.tandem.engine.internal.store.MemoryConnections;
import dev.tandem.engine.internal.store.SqlErrors;
import dev.tandem.engine.internal.store.SqlValues;
import dev.tandem.engine.internal.store.StatementCache;
import dev.tandem.engine.internal.tx.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@link Db} implementation: wires the connections, schema, clock, change capture, changelog
 * and dispatcher together and owns the transaction boundary. Every write runs through
 * {@link Writer#write}, which publishes to subscribers only after a successful commit.
 */
public final class DefaultDb implements Db {
    private static final System.Logger LOG = System.getLogger(DefaultDb.class.getName());

    /** Validated builder settings. */
    public record Config(Path file, Synchronous synchronous, Executor callbackExecutor, int readers,
                         int queryThreads, Duration busyTimeout, Consumer<Duration> onWriteWait, Clock clock,
                         Consumer<Throwable> callbackErrorHandler, Set<String> mergeText,
                         Map<String, MergeRule> mergeBy, BlobConfig blobs) {
    }

    /** The column naming blobs, and where their copies live ({@link dev.tandem.engine.Db.Builder#blobs}). */
    public record BlobConfig(String table, String column, Path directory) {
    }

    private final Path file;
    private final Connections connections;
    private final Writer writer;
    private final ChangelogStore log = new ChangelogStore();
    private final ConflictStore conflictStore;
    private final HybridClock clock;
    /** The device id; sync may change it ({@link SyncPort#takeNewDeviceId}). */
    private final DeviceIdentity deviceId;
    private final ChangeCapture capture;
    private final Materializer materializer = new Materializer();
    private final HeldRows held = new HeldRows(log, materializer);
    private final Dispatcher dispatcher;
    private final Reader reader;
    private final History history;
    private final OtherWriters otherWriters;
    private final DefaultConflicts conflicts;
    /** One for the database's lifetime: it stands for the database in sync's lock (see {@link SyncPort}). */
    private final SyncPort syncPort;
    /** Null without {@link BlobConfig}. */
    private final LocalBlobs blobs;

    private DefaultDb(Config config, Connections connections) throws SQLException {
        this.file = config.file();
        this.connections = connections;
        this.clock = new HybridClock(config.clock());
        BlobConfig blobConfig = config.blobs();
        this.blobs = blobConfig == null ? null : new LocalBlobs(blobConfig.directory());
        Consumer<Throwable> errors = config.callbackErrorHandler() != null ? config.callbackErrorHandler()
                : t -> LOG.log(System.Logger.Level.WARNING, "A subscription callback failed", t);
        UUID device;
        connections.writeLock().lock();
        try {
            Connection c = connections.writer();
            device = Installation.deviceId(c, file, errors);
            UUID max = log.maxId(c);
            if (max != null) {
                clock.observe(max);
            }
            this.writer = new Writer(connections, new StatementCache(c));
        } finally {
            connections.writeLock().unlock();
        }
        if (blobs != null) {
            // Under the write transaction: a save naming one of the ids waits until the files are gone, or keeps them.
            blobs.unnamedBy((ids, remove) -> writer.write("Removing files nothing names", s -> {
                Set<String> named = BlobReferences.all(s.sql().connection(), blobConfig.table(), blobConfig.column());
                ids.stream().filter(id -> !named.contains(id)).forEach(remove);
                return null;
            }));
        }
        this.dispatcher = new Dispatcher(connections, writer::schema, config.callbackExecutor(), errors,
                config.queryThreads());
        writer.onCommit(dispatcher::committed, dispatcher::anyoneListening);
        this.capture = new ChangeCapture(log, materializer, clock, device);
        this.conflictStore = new ConflictStore(log);
        this.reader = new Reader(writer, connections);
        this.deviceId = new DeviceIdentity(device, connections, writer, reader, capture);
        TextMerges textMerges = new TextMerges(log, config.mergeText(), deviceId::current);
        // A file database has readers beside its writer: a snapshot's catch-up reads the rows it will compare there.
        this.syncPort = new DbSyncPort(reader, writer, deviceId, clock,
                () -> new RemoteApply(log, materializer, conflictStore, clock, textMerges,
                        new ValueMerges(config.mergeBy())),
                file == null ? null : connections, file, blobConfig, blobs);
        this.history = new DefaultHistory(reader, writer, log);
        this.otherWriters = new OtherWriters(file, connections, writer, log, clock, dispatcher, errors);
        this.conflicts = new DefaultConflicts(writer, reader, dispatcher, otherWriters, conflictStore,
                new LostValues(log, capture, materializer, conflictStore), clock);
    }

    public static Db open(Config config) {
        Connections connections = config.file() == null ? new MemoryConnections()
                : new FileConnections(config.file(), config.synchronous(), config.readers(), config.busyTimeout(),
                        config.onWriteWait());
        try {
            return new DefaultDb(config, connections);
        } catch (SQLException e) {
            connections.close();
            throw SqlErrors.wrap("Opening database " + (config.file() == null ? "in memory" : config.file()), e);
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
    }

    // ---- sync's port ---------------------------------------------------------------------------

    /** This database as sync sees it; see {@link SyncPort#of}. */
    SyncPort syncPort() {
        return syncPort;
    }

    // ---- Db -----------------------------------------------------------------------------------

    @Override
    public void migrate(List<String> migrations) {
        int applied = writer.migrate(migrations);
        if (applied > 0) {
            writer.write("Re-applying held changes after migration", s -> {
                held.retryAll(s);
                return null;
            });
            dispatcher.rerunAll();
        }
    }

    @Override
    public int schemaVersion() {
        return reader.read(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT value FROM _tandem_meta WHERE key = 'schema_version'")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    @Override
    public <T extends Record> T save(T record) {
        return transactionResult(tx -> tx.save(record));
    }

    @Override
    public <T extends Record> Optional<T> get(Class<T> type, String id) {
        return reader.get(type, id);
    }

    @Override
    public <T extends Record> List<T> query(Class<T> type, String sql, Object... params) {
        return reader.query(type, sql, params);
    }

    @Override
    public <T extends Record> List<T> query(QueryBudget budget, Class<T> type, String sql, Object... params) {
        Objects.requireNonNull(budget, "budget");
        return reader.query(budget, type, sql, params);
    }

    @Override
    public <T extends Record> boolean delete(Class<T> type, String id) {
        return transactionResult(tx -> tx.delete(type, id));
    }

    @Override
    public <T extends Record> Optional<T> restore(Class<T> type, String id) {
        return transactionResult(tx -> tx.restore(type, id));
    }

    @Override
    public void transaction(Consumer<Tx> work) {
        transactionResult(tx -> {
            work.accept(tx);
            return null;
        });
    }

    @Override
    public boolean claim(String key) {
        return transactionResult(tx -> tx.claim(key));
    }

    @Override
    public <R> R transactionResult(Function<Tx, R> work) {
        return writer.write("Transaction", s -> work.apply(new DefaultTx(s, capture, reader, conflicts.in(s), clock::wallMillis)));
    }

    @Override
    public <T extends Record> Subscription querySubscribe(Class<T> type, String sql, List<?> params,
                                                          Consumer<List<T>> onResult) {
        return querySubscribe(type, sql, params, onResult, null);
    }

    @Override
    public <T extends Record> Subscription querySubscribe(Class<T> type, String sql, List<?> params,
                                                          Consumer<List<T>> onResult, Executor executor) {
        RecordType<T> rt = RecordType.of(type);
        Object[] args = params == null ? new Object[0] : params.toArray();
        if (writer.inTransaction()) {
            throw new IllegalStateException("querySubscribe cannot be called inside a transaction");
        }
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = SqlValues.toSql(args[i], "parameter " + (i + 1));
        }
        otherWriters.start();
        return dispatcher.subscribe(sql, values, ps -> Reader.map(ps, rt), onResult, executor);
    }

    @Override
    public <T extends Record> Subscription querySubscribe(QueryBudget budget, Class<T> type, String sql, List<?> params,
                                                          Consumer<List<T>> onResult,
                                                          Consumer<QueryTooCostlyException> onTooCostly, Executor executor) {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(onTooCostly, "onTooCostly");
        if (budget.stoppable()) {
            // Each run is the engine's to start, after a commit; a caller done with the answers closes it.
            throw new IllegalArgumentException("budget: a subscription's runs take no stop signal; close it instead");
        }
        RecordType<T> rt = RecordType.of(type);
        Object[] args = params == null ? new Object[0] : params.toArray();
        if (writer.inTransaction()) {
            throw new IllegalStateException("querySubscribe cannot be called inside a transaction");
        }
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = SqlValues.toSql(args[i], "parameter " + (i + 1));
        }
        otherWriters.start();
        return dispatcher.subscribe(sql, values, ps -> Reader.map(ps, rt), onResult, executor,
                new Dispatcher.Bound(budget, onTooCostly));
    }

    @Override
    public Subscription subscribe(ChangeListener listener) {
        otherWriters.start();
        return dispatcher.listen(listener, null, null);
    }

    @Override
    public Subscription subscribe(ChangeEvent.Origin origin, ChangeListener listener) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(listener, "listener");
        otherWriters.start();
        return dispatcher.listen(listener, null, origin);
    }

    @Override
    public History history() {
        return history;
    }

    @Override
    public Conflicts conflicts() {
        return conflicts;
    }

    @Override
    public PrunedHistory pruneHistory(Duration keep) {
        if (keep.isNegative()) {
            throw new IllegalArgumentException("keep: must not be negative, was " + keep);
        }
        long[] pruned = HistoryPruning.all(writer, deviceId.current(), clock.wallMillis(), keep.toMillis(), HISTORY_VERSIONS);
        return new PrunedHistory(pruned[0], pruned[1], file == null ? 0 : PageReclaim.run(connections, writer));
    }

    @Override
    public String deviceId() {
        return deviceId.current().toString();
    }

    @Override
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    @Override
    public Blobs blobs() {
        if (blobs == null) {
            throw new IllegalStateException("blobs: this database was built without Db.Builder.blobs(table, column)");
        }
        return blobs;
    }

    @Override
    public void close() {
        TandemException failure = null;
        otherWriters.close();
        try {
            dispatcher.close();
        } catch (RuntimeException e) {
            failure = new StorageException("Closing the dispatcher failed", e);
        }
        try {
            writer.close();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = new StorageException("Closing the database failed: " + e.getMessage(), e);
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
