import { z } from "zod";

/** A calendar date `YYYY-MM-DD`, checked to exist (no 31 February). */
export const IsoDate = z.iso.date();
export type IsoDate = string;

/** Validity of a record in time: from a day, until a day (inclusive) or open-ended. */
export const Validity = z.object({ validFrom: IsoDate, validTo: IsoDate.nullable().default(null) });

export function isValidOn(validFrom: string, validTo: string | null, day: string): boolean {
  return validFrom <= day && (validTo === null || day <= validTo);
}
