// Identifiers: UUIDv7 everywhere, plain strings checked at the boundary (isUuid, isUuidV7). An
// IdSource is passed to the code that creates records, so tests and the demo can be deterministic.
import { validate as uuidValidate, v7 as uuidv7 } from "uuid";

export interface IdSource {
  next(): string;
}

export const systemIds: IdSource = { next: () => uuidv7() };

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
