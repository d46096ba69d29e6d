/**
 * Dates and times of meetings, which are held somewhere: shown in the zone they are held in (with
 * the zone named), and entered as the wall-clock time there, whatever the reader's own zone.
 */

export const DEFAULT_TIME_ZONE = "Europe/Zurich";

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = cache.get(key);
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

export interface ZonedMoment {
  /** "Thursday 26 January 2017" */
  date: string;
  /** "10:00" */
  time: string;
  /** The zone's name in the reader's language at that moment: "Central European Standard Time". */
  zoneName: string;
}

/** A moment as the clocks showed it where the meeting was held, with that zone's name. */
export function formatInZone(lang: string, timestamp: string, timeZone: string): ZonedMoment | null {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return null;
  try {
    const day = formatter(
      `zd:${lang}:${timeZone}`,
      () => new Intl.DateTimeFormat(lang, { dateStyle: "full", timeZone }),
    ).format(date);
    const time = formatter(
      `zt:${lang}:${timeZone}`,
      () => new Intl.DateTimeFormat(lang, { timeStyle: "short", timeZone }),
    ).format(date);
    const zoneName =
      formatter(
        `zn:${lang}:${timeZone}`,
        () => new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: "long" }),
      )
        .formatToParts(date)
        .find((part) => part.type === "timeZoneName")?.value ?? timeZone;
    return { date: day, time, zoneName };
  } catch {
    return null;
  }
}

/** A short date in the meeting's zone, for lists: "26 Jan 2017". */
export function formatDayInZone(lang: string, timestamp: string, timeZone: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  try {
    return formatter(
      `zs:${lang}:${timeZone}`,
      () => new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone }),
    ).format(date);
  } catch {
    return timestamp;
  }
}

/** Minutes the zone is ahead of UTC at an instant (+60 in Geneva in winter). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = formatter(
    `zo:${timeZone}`,
    () =>
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      }),
  ).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return Math.round((asUtc - instant) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The wall-clock time of a `datetime-local` input (`2017-01-26T10:00`) in a zone, as ISO 8601 with
 * that zone's offset on the day (`2017-01-26T10:00:00+01:00`), or null when it is not a time.
 */
export function zonedIso(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  try {
    // Twice: the offset at the wall time read as UTC may differ from the offset at the true instant.
    let offset = offsetMinutes(wall, timeZone);
    offset = offsetMinutes(wall - offset * 60_000, timeZone);
    const sign = offset < 0 ? "-" : "+";
    const abs = Math.abs(offset);
    return `${y}-${mo}-${d}T${h}:${mi}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  } catch {
    return null;
  }
}

/**
 * The inverse of `zonedIso`: an instant as a `datetime-local` input shows it (`2017-01-26T10:00`),
 * the wall-clock time in the zone, so a meeting's stored times can be edited where it is held.
 * Empty when the instant or the zone cannot be read.
 */
export function wallClockIn(timestamp: string, timeZone: string): string {
  const instant = Date.parse(timestamp);
  if (Number.isNaN(instant)) return "";
  try {
    return new Date(instant + offsetMinutes(instant, timeZone) * 60_000).toISOString().slice(0, 16);
  } catch {
    return "";
  }
}

/** The IANA zones this browser knows, with the default one always among them. */
export function timeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([DEFAULT_TIME_ZONE, "UTC", ...known])].sort((a, b) => a.localeCompare(b));
}
