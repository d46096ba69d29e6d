import type { Meeting } from "#shared/bodies.ts";
import type { Language } from "#shared/languages.ts";

/**
 * iCalendar (RFC 5545) for meetings: a body's feed, a person's feed, one meeting's invitation.
 * Times are written in UTC, which every client converts; the meeting's own zone is named in the
 * description. Lines are folded at 75 octets and text escaped, as the RFC requires.
 */

const escapeText = (text: string) =>
  text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/** Folds a content line at 75 octets without cutting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const stamp = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** "16th meeting" in the reader's language, for the event's title. */
export function meetingTitle(number: number, lang: Language): string {
  switch (lang) {
    case "zh":
      return `第${number}次会议`;
    case "fr":
      return `${number}${number === 1 ? "re" : "e"} réunion`;
    case "es":
      return `${number}.ª reunión`;
    case "ru":
      return `${number}-е заседание`;
    case "ar":
      return `الاجتماع ${number}`;
    default: {
      const tens = number % 100;
      const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][number % 10] ?? "th");
      return `${number}${suffix} meeting`;
    }
  }
}

export function calendar(
  name: string,
  meetings: Meeting[],
  lang: Language,
  now: Date,
  options: { method?: "PUBLISH" | "REQUEST"; host: string },
): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Intersect//Coordination meetings//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${options.method ?? "PUBLISH"}`,
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const m of meetings) {
    const bodyName = m.bodyName[lang] ?? m.bodyName.en ?? Object.values(m.bodyName)[0] ?? m.bodyCode;
    const end = m.endsAt ?? new Date(Date.parse(m.startsAt) + 2 * 3_600_000).toISOString();
    lines.push(
      "BEGIN:VEVENT",
      `UID:meeting-${m.id}@${options.host}`,
      `DTSTAMP:${stamp(now.toISOString())}`,
      `DTSTART:${stamp(m.startsAt)}`,
      `DTEND:${stamp(end)}`,
      `SEQUENCE:${m.version}`,
      `SUMMARY:${escapeText(`${bodyName} — ${meetingTitle(m.number, lang)}`)}`,
      `STATUS:${m.status === "cancelled" ? "CANCELLED" : "CONFIRMED"}`,
      `DESCRIPTION:${escapeText(`${m.mode} · ${m.timeZone}`)}`,
      ...(m.place ? [`LOCATION:${escapeText(m.place)}`] : []),
      ...(options.method === "REQUEST"
        ? m.participants.map(
            (p) => `ATTENDEE;CN=${escapeText(p.personName).replace(/"/g, "")}:urn:uuid:${p.personId}`,
          )
        : []),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
