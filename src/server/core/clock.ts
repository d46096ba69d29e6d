/** Time as services see it; tests pass a fixed clock instead of sleeping or patching Date. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: string | Date): Clock {
  const instant = new Date(at);
  return { now: () => new Date(instant) };
}

/** The calendar day (UTC) of the clock, as `YYYY-MM-DD`. */
export function today(clock: Clock): string {
  return clock.now().toISOString().slice(0, 10);
}

/** Database timestamps as ISO 8601 (`2026-11-23T14:54:42.953Z`), the one form the API gives. */
export function isoTimestamp(value: string): string;
export function isoTimestamp(value: string | null): string | null;
export function isoTimestamp(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
