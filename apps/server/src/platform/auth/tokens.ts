// Secrets handed to clients (session cookies, API tokens): random, and stored only as SHA-256 digests.
import { createHash, randomBytes } from "node:crypto";

export const API_TOKEN_PREFIX = "qdm_";

export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function digest(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
