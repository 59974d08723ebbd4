// The limits one document is held to; over one it is a named failure, never an out-of-memory or a hang.

/** Size limits: over one, a document is a `too-large` failure. */
export interface Limits {
  maxFileMb: number;
  maxPages: number;
}

export const DEFAULT_LIMITS: Limits = { maxFileMb: 64, maxPages: 2000 };

/** Seconds a document may take to extract, and again to read (over it: a `timeout` failure). */
export const DEFAULT_TIMEOUT_S = 1800;
