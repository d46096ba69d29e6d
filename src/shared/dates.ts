import { z } from "zod";

/** A calendar date `YYYY-MM-DD`, checked to exist (no 31 February). */
export const IsoDate = z.iso.date();
export type IsoDate = string;
