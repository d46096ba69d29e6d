import { ERROR_STATUS, type ErrorCode } from "#shared/errors.ts";

/** A bad field as a service reports it; the HTTP layer adds the message in the caller's language. */
export interface FieldFault {
  field: string;
  reason: string;
}

/** The one error type services throw; the HTTP layer maps its code to a status and a translated message. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: FieldFault[] | Record<string, unknown>,
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}

export function fail(code: ErrorCode, details?: FieldFault[] | Record<string, unknown>): never {
  throw new AppError(code, details);
}

/** Collects every bad field before failing, so a form shows all its problems at once. */
export class FieldFaults {
  readonly faults: FieldFault[] = [];
  add(field: string, reason: string): void {
    this.faults.push({ field, reason });
  }
  throwIfAny(code: ErrorCode = "validation_failed"): void {
    if (this.faults.length > 0) fail(code, this.faults);
  }
}

/** Whether a path segment can be a record id at all (anything else is simply not found). */
export function looksLikeId(value: string): boolean {
  return /^[0-9a-f-]{36}$/i.test(value);
}

/** After a versioned write (db/versioned.ts): nothing written means the version read is stale — 409. */
export function assertFresh<T>(row: T | undefined | null): asserts row is T {
  if (!row) fail("conflict", [{ field: "version", reason: "stale_version" }]);
}
