/**
 * Users appear in the answer log only as a keyed hash: HMAC-SHA256 of the channel and the platform's
 * user id, keyed by a salt that never enters the database. The salt comes from ANSWER_LOG_SALT or,
 * when unset, from a file beside the database, generated on first use (mode 0600), so the same user
 * hashes alike across restarts and a copied database alone cannot be matched against user ids.
 */
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** The salt file kept beside a database. */
export function saltFileFor(dbPath: string): string {
  return `${dbPath}.salt`;
}

/** The salt: the given one, else the file's, else a new one written to the file. */
export function loadSalt(dbPath: string, given?: string | null): string {
  if (given) return given;
  const file = saltFileFor(dbPath);
  if (existsSync(file)) {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= 16) return kept;
  }
  const salt = randomBytes(32).toString("hex");
  writeFileSync(file, `${salt}\n`, { mode: 0o600 });
  return salt;
}

/** The stored form of a user: 32 hex characters, or null when the user is unknown. */
export function hashUser(salt: string, channel: string, user: string | null): string | null {
  if (user === null || user === "") return null;
  return createHmac("sha256", salt).update(`${channel}\u0000${user}`).digest("hex").slice(0, 32);
}
