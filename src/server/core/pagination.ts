import { fail } from "./errors.ts";

/** Opaque cursors carry the sort key of the last row returned, so pages stay stable under inserts. */
export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number | null)[] | null {
  if (cursor === undefined) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === arity) return key;
  } catch {
    // fall through to the validation error
  }
  return fail("validation_failed", [{ field: "cursor", reason: "invalid_format" }]);
}

/** Fetch limit + 1 rows; the extra one only tells whether another page exists. */
export function pageFrom<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number | null)[]) {
  const entries = rows.slice(0, limit);
  const last = entries.at(-1);
  return { entries, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
