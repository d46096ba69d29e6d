import { z } from "zod";
import { MultilingualText } from "./languages.ts";

/** A target code as the UN writes it: goal, dot, number or letter (`9.c`, `17.19`). */
export const SdgTargetCode = z
  .string()
  .regex(/^(1[0-7]|[1-9])\.([1-9][0-9]?|[a-e])$/, "an SDG target code such as 9.c or 17.19");

export const SdgGoal = z.object({ code: z.string(), title: MultilingualText, short: MultilingualText });
export type SdgGoal = z.infer<typeof SdgGoal>;
export const SdgTarget = z.object({ code: z.string(), goal: z.string(), text: MultilingualText });
export type SdgTarget = z.infer<typeof SdgTarget>;
