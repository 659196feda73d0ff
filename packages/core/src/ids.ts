// Identifiers: UUIDv7 everywhere, plain strings checked at the boundary (isUuid, isUuidV7). An
// IdSource is passed to the code that creates records, so tests and the demo can be deterministic.
import { validate as uuidValidate, v7 as uuidv7 } from "uuid";

export interface IdSource {
  next(): string;
}

/** Two hex digits per byte value. */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
/** Random bytes drawn a few thousand at a time: one draw per id costs more than making the id. */
const POOL_SIZE = 4096;
const pool = new Uint8Array(POOL_SIZE);
let poolAt = POOL_SIZE;
let lastMs = -1;
let sequence = 0;

/**
 * A UUIDv7 (RFC 9562): the 48-bit Unix time in milliseconds, then 12 bits counting the ids made in
 * that millisecond (method 1 of the RFC's section 6.2, so ids made here sort in the order they were
 * made, the clock going back or not), then 62 random bits from the platform's cryptographic source.
 */
function nextUuidV7(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    lastMs += 1;
    sequence = 0;
  }
  if (poolAt + 8 > POOL_SIZE) {
    globalThis.crypto.getRandomValues(pool);
    poolAt = 0;
  }
  const r = poolAt;
  poolAt += 8;
  const time = lastMs.toString(16).padStart(12, "0");
  const b = (i: number) => HEX[pool[r + i] as number] as string;
  const version = (0x7000 | sequence).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-${version}-${HEX[((pool[r] as number) & 0x3f) | 0x80]}${b(1)}-${b(2)}${b(3)}${b(4)}${b(5)}${b(6)}${b(7)}`;
}

export const systemIds: IdSource = { next: nextUuidV7 };

/** A deterministic UUIDv7 source: time advances from `startMs` and the random bits come from `random`. */
export function seededIds(random: () => number, startMs = Date.UTC(2025, 0, 1)): IdSource {
  let msecs = startMs;
  let seq = 0;
  return {
    next() {
      seq += 1;
      if (seq >= 4096) {
        seq = 0;
        msecs += 1;
      }
      const bytes = new Uint8Array(16);
      for (let i = 0; i < 16; i++) bytes[i] = Math.floor(random() * 256);
      return uuidv7({ msecs, seq, random: bytes });
    },
  };
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidValidate(value);
}

/**
 * A UUID of version 7 (RFC 9562): 36 characters, hex digits in groups of 8-4-4-4-12, the version
 * nibble 7 and the variant bits 10. Upper or lower case, as the RFC reads UUIDs case-insensitively.
 */
export function isUuidV7(value: string): boolean {
  return UUID_V7.test(value);
}

/**
 * The id a client chose for a record it creates (a phone offline included), in the form it is stored:
 * lower case. Null when it is not a UUIDv7.
 */
export function clientId(value: string): string | null {
  return isUuidV7(value) ? value.toLowerCase() : null;
}
