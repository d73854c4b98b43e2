import { uuid7Of, uuidCounter, uuidMillis, compareUuid } from '../wire/uuid.js';
import { randomBytes } from '../crypto/aead.js';

/**
 * A hybrid logical clock whose readings are UUIDv7 change ids with bounded drift, as the engine's
 * HybridClock: next() is greater than every id it gave or observed (within the drift bound, 10
 * minutes ahead of the wall clock); nextAfter(floor) is greater than floor always; the 62 low bits
 * of change ids are the next number of a sequence that starts at a random value, row ids take 62
 * fresh random bits. A wall clock more than the bound behind the clock's state is followed back.
 */
export const DEFAULT_MAX_DRIFT = 10 * 60_000;
const MAX_COUNTER = 0xfff;

function random64() {
  const b = randomBytes(8);
  return new DataView(b.buffer).getBigUint64(0);
}

export class HybridClock {
  constructor(wall = () => Date.now(), maxDriftMillis = DEFAULT_MAX_DRIFT) {
    this.wall = wall;
    this.maxDrift = maxDriftMillis;
    this.sequence = random64();
    this.millis = 0;
    this.counter = 0;
  }

  tick() {
    const now = this.wall();
    if (this.millis > now + this.maxDrift) {
      this.millis = now;
      this.counter = 0;
    }
    if (now > this.millis) {
      this.millis = now;
      this.counter = 0;
    } else if (this.counter < MAX_COUNTER) {
      this.counter++;
    } else {
      this.millis++;
      this.counter = 0;
    }
  }

  next() {
    this.tick();
    return uuid7Of(this.millis, this.counter, this.sequence++);
  }

  nextRandom() {
    this.tick();
    return uuid7Of(this.millis, this.counter, random64());
  }

  wallMillis() {
    return this.wall();
  }

  /** Advances past {@code id} unless it lies beyond the drift bound; false then. */
  observe(id) {
    const m = uuidMillis(id);
    if (m > this.wall() + this.maxDrift) return false;
    const c = uuidCounter(id);
    if (m > this.millis || (m === this.millis && c > this.counter)) {
      this.millis = m;
      this.counter = c;
    }
    return true;
  }

  nextAfter(floor) {
    const id = this.next();
    if (floor == null || compareUuid(id, floor) > 0) return id;
    const m = uuidMillis(floor);
    const c = uuidCounter(floor);
    return c < MAX_COUNTER ? uuid7Of(m, c + 1, this.sequence++) : uuid7Of(m + 1, 0, this.sequence++);
  }
}
