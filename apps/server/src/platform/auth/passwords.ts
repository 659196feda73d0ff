// Passwords: argon2id with OWASP's recommended parameters. Hashes only; passwords are never logged.
import { hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 10;

const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id: a const enum, not importable under verbatimModuleSyntax */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * The hash of a random password nobody knows, made with OPTIONS: checking against it costs what a
 * real check costs from the very first request (hashing one at run time made the first check slower).
 */
export const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$rToZ/J/4jYUzpAfQWjxSww$mc3U3Ps2ayyuRNRUbFHVP31jK1ecQYLHZDx0leaBfkU";

/** Spends the same time as a real check, so that an unknown login cannot be told from a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(DUMMY_HASH, password);
  return false;
}
