package dev.tandem.engine;

/** A live query or change listener. Closing it stops further callbacks; closing twice is harmless. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();

    boolean isActive();
}
