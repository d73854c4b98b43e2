package dev.tandem.engine.internal.keys;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The data keys a keyring holds, current first. New objects are encrypted with the current one;
 * the others are kept only while a rotation re-encrypts the objects still under them. Key id 0 is
 * the one objects of the first object format carry implicitly.
 */
record DataKeys(List<DataKey> keys) {
    static final int MAX_KEYS = 8;

    record DataKey(int id, byte[] key) {
    }

    DataKeys {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("keys: at least the current one");
        }
    }

    static DataKeys fresh() {
        return new DataKeys(List.of(new DataKey(0, Wrap.random(Wrap.KEY_LENGTH))));
    }

    DataKey current() {
        return keys.get(0);
    }

    /** The key with {@code id}, or null. */
    byte[] key(int id) {
        for (DataKey k : keys) {
            if (k.id == id) {
                return k.key;
            }
        }
        return null;
    }

    /** A new current key, keeping the others readable until the rotation ends. */
    DataKeys rotated() {
        int next = 0;
        for (DataKey k : keys) {
            next = Math.max(next, k.id + 1);
        }
        List<DataKey> all = new ArrayList<>();
        all.add(new DataKey(next, Wrap.random(Wrap.KEY_LENGTH)));
        all.addAll(keys);
        return new DataKeys(all);
    }

    /** Only the current key: the rotation re-encrypted everything else. */
    DataKeys currentOnly() {
        return new DataKeys(List.of(current()));
    }

    byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(1 + keys.size() * (4 + Wrap.KEY_LENGTH));
        b.put((byte) keys.size());
        for (DataKey k : keys) {
            b.putInt(k.id).put(k.key);
        }
        return b.array();
    }

    static DataKeys parse(byte[] plain, String where) {
        int count = plain.length == 0 ? 0 : plain[0] & 0xFF;
        if (count < 1 || count > MAX_KEYS || plain.length != 1 + count * (4 + Wrap.KEY_LENGTH)) {
            throw Keyring.corrupt(where, count + " data keys in " + plain.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(plain, 1, plain.length - 1);
        List<DataKey> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = b.getInt();
            byte[] key = new byte[Wrap.KEY_LENGTH];
            b.get(key);
            if (id < 0) {
                throw Keyring.corrupt(where, "data key id " + id);
            }
            keys.add(new DataKey(id, key));
        }
        return new DataKeys(keys);
    }

    @Override
    public String toString() {
        return "DataKeys" + Arrays.toString(keys.stream().mapToInt(DataKey::id).toArray());
    }
}
