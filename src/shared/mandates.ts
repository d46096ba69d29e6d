import { z } from "zod";
import { Visibility } from "./access.ts";
import { Language, MultilingualText } from "./languages.ts";

/** Who adopted the instrument: conferences and assemblies, Council, or the secretariat itself. */
export const MANDATE_SOURCES = ["PP", "Council", "WRC", "RA", "WTSA", "WTDC", "secretariat"] as const;
export const MandateSource = z.enum(MANDATE_SOURCES);
export type MandateSource = z.infer<typeof MandateSource>;
/** The Sectors' own conferences and assemblies, whose resolutions count as "Sector resolutions". */
export const SECTOR_SOURCES: readonly MandateSource[] = ["WRC", "RA", "WTSA", "WTDC"];

export const MANDATE_KINDS = ["resolution", "decision", "recommendation", "service_order"] as const;
export const MandateKind = z.enum(MANDATE_KINDS);
export type MandateKind = z.infer<typeof MandateKind>;

export const Mandate = z.object({
  id: z.uuid(),
  source: MandateSource,
  kind: MandateKind,
  number: z.string(),
  revised: z.boolean(),
  place: z.string().nullable(),
  year: z.int(),
  /** "Resolution 191 (Busan, 2014)", "WTDC Resolution 55 (Rev. Dubai, 2014)": the citation as documents write it. */
  citation: z.string(),
  title: MultilingualText,
  originalLanguage: Language,
  link: z.string().nullable(),
  instructs: z.array(z.string()),
  callsForInterSectoralCoordination: z.boolean(),
  verified: z.boolean(),
  sourceNote: z.string(),
  visibility: Visibility,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type Mandate = z.infer<typeof Mandate>;

const MandateFields = {
  source: MandateSource,
  kind: MandateKind,
  number: z.string().trim().min(1).max(20),
  revised: z.boolean().default(false),
  place: z.string().trim().min(1).max(80).nullable().default(null),
  year: z.int().min(1865).max(2100),
  title: MultilingualText,
  originalLanguage: Language.default("en"),
  link: z.url().max(500).nullable().default(null),
  instructs: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
  callsForInterSectoralCoordination: z.boolean().default(false),
  verified: z.boolean().default(false),
  sourceNote: z.string().trim().max(1000).default(""),
  visibility: Visibility.default("public"),
};

export const CreateMandateInput = z.object(MandateFields);
export type CreateMandateInput = z.infer<typeof CreateMandateInput>;

export const UpdateMandateInput = z.object({
  version: z.int().min(1),
  source: MandateSource.optional(),
  kind: MandateKind.optional(),
  number: z.string().trim().min(1).max(20).optional(),
  revised: z.boolean().optional(),
  place: z.string().trim().min(1).max(80).nullable().optional(),
  year: z.int().min(1865).max(2100).optional(),
  title: MultilingualText.optional(),
  originalLanguage: Language.optional(),
  link: z.url().max(500).nullable().optional(),
  instructs: z.array(z.string().trim().min(1).max(80)).max(20).optional(),
  callsForInterSectoralCoordination: z.boolean().optional(),
  verified: z.boolean().optional(),
  sourceNote: z.string().trim().max(1000).optional(),
  visibility: Visibility.optional(),
});
export type UpdateMandateInput = z.infer<typeof UpdateMandateInput>;

export const MandateListQuery = z.object({
  source: MandateSource.optional(),
  q: z.string().trim().max(200).optional(),
});

const KIND_WORDS: Record<MandateKind, string> = {
  resolution: "Resolution",
  decision: "Decision",
  recommendation: "Recommendation",
  service_order: "Service Order",
};

/** The citation in English, as Council documents and annex tables write it. */
export function citeMandate(m: {
  source: MandateSource;
  kind: MandateKind;
  number: string;
  revised: boolean;
  place: string | null;
  year: number;
}): string {
  const prefix = m.source === "PP" || m.source === "secretariat" ? "" : `${m.source} `;
  const where = m.place ? `${m.revised ? "Rev. " : ""}${m.place}, ${m.year}` : String(m.year);
  return `${prefix}${KIND_WORDS[m.kind]} ${m.number} (${where})`;
}
