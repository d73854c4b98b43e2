package dev.tandem.engine.sync;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link SyncEngine#check()}: each step tried, in order, and whether it passed. The
 * first failed step says what is wrong; later steps are not tried. A step's {@link Step#kind} and a
 * failure's {@link SyncException.Reason} are what an app words in its user's language; the name and
 * message are the engine's English, for logs and tools.
 */
public record ConnectionCheck(List<Step> steps) {
    /**
     * One step: {@code name} and {@code message} in the engine's English, {@code reason} why it failed
     * (null when it passed), {@code kind} which step it is, {@code diagnosis} what stood in the way when that
     * is finer than the reason (a folder remote's folder that is not there), else {@link SyncException.Diagnosis#NONE}.
     */
    public record Step(String name, boolean ok, String message, SyncException.Reason reason, Kind kind,
                       SyncException.Diagnosis diagnosis) {
        /** Which step, for words of an app's own. */
        public enum Kind {
            /** The remote is encrypted and this engine has no passphrase for it, or the other way round. */
            ENCRYPTION("Encryption"),
            /** Listing what the remote holds: it exists and the sign-in is taken. */
            LIST("List"),
            /** Writing a test object. */
            WRITE("Write"),
            /** Reading it back unchanged. */
            READ_BACK("Read back"),
            /** A second write of the same name is refused, as concurrent devices need. */
            CONDITIONAL_WRITE("Conditional write"),
            /** Removing the test object. */
            CLEAN_UP("Clean up"),
            /** A step of someone else's making (a stand-in in a test, a step an app adds). */
            OTHER("");

            private final String englishName;

            Kind(String englishName) {
                this.englishName = englishName;
            }

            /** The step's name in the engine's English. */
            public String englishName() {
                return englishName;
            }
        }

        public Step {
            Objects.requireNonNull(kind, "kind");
            diagnosis = diagnosis == null ? SyncException.Diagnosis.NONE : diagnosis;
        }

        public Step(String name, boolean ok, String message, SyncException.Reason reason, Kind kind) {
            this(name, ok, message, reason, kind, SyncException.Diagnosis.NONE);
        }

        /** A step named in the engine's English by its kind. */
        public Step(Kind kind, boolean ok, String message, SyncException.Reason reason) {
            this(kind.englishName(), ok, message, reason, kind);
        }

        /** A step of that kind that failed with {@code e}: its reason and diagnosis. */
        public static Step failed(Kind kind, SyncException e) {
            return new Step(kind.englishName(), false, e.withHint(), e.reason(), kind, e.diagnosis());
        }

        /** A step of another kind ({@link Kind#OTHER}), named by its maker. */
        public Step(String name, boolean ok, String message, SyncException.Reason reason) {
            this(name, ok, message, reason, Kind.OTHER);
        }
    }

    public ConnectionCheck {
        steps = List.copyOf(steps);
    }

    public boolean ok() {
        return steps.stream().allMatch(Step::ok);
    }

    /** A one-line summary of the first failure, or "OK". */
    public String summary() {
        return steps.stream().filter(s -> !s.ok()).findFirst()
                .map(s -> s.name() + " failed: " + s.message()).orElse("OK");
    }
}
