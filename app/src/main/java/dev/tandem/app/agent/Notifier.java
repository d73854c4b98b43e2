package dev.tandem.app.agent;

/**
 * Where {@code tandem agent} rings: the desktop's notifications. Linux has {@link DbusNotifier}, macOS
 * {@link MacNotifier} (Notification Center, no buttons), Windows {@link ToastNotifier} (a toast, no buttons); a
 * desktop without one gets {@link #NONE} (the agent runs and rings nothing).
 */
public interface Notifier extends AutoCloseable {
    /**
     * A notification: a one-line summary, a plain body (each notifier escapes it as its desktop needs), and
     * whether it has Done/Snooze (where the desktop offers buttons).
     */
    record Notice(String summary, String body, boolean actions) {
    }

    /** The notification's buttons and its closing, on the notifier's own thread. */
    interface Listener {
        /** {@code key} is {@link #DONE} or {@link #SNOOZE}. */
        void action(long id, String key);

        void closed(long id);
    }

    String DONE = "done";
    String SNOOZE = "snooze";

    /** A notifier that shows nothing: no notification server on this desktop. */
    Notifier NONE = new Notifier() {
        @Override
        public long show(Notice n, long replaces) {
            return 0;
        }

        @Override
        public void withdraw(long id) {
        }

        @Override
        public void listen(Listener l) {
        }

        @Override
        public void close() {
        }
    };

    /** Shows {@code n}, in place of notification {@code replaces} when that is not 0; returns its id. */
    long show(Notice n, long replaces);

    /** Takes a notification off the screen (done or dismissed elsewhere). */
    void withdraw(long id);

    void listen(Listener l);

    @Override
    void close();
}
