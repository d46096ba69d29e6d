import { z } from "zod";
import { Language } from "./languages.ts";

/**
 * A drafted report as plain structure: the web preview draws it as HTML, the server writes it as
 * Word (docx) and PDF (Typst). Every text is already in the report's language; numbers are already
 * formatted. A note reference points into `notes` (1-based), where each figure's source and period are.
 */
export const ReportInline = z.union([z.object({ text: z.string() }), z.object({ note: z.int().min(1) })]);
export type ReportInline = z.infer<typeof ReportInline>;

export const ReportBlock = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("heading"), level: z.union([z.literal(1), z.literal(2)]), text: z.string() }),
  z.object({ kind: z.literal("paragraph"), runs: z.array(ReportInline) }),
  z.object({
    kind: z.literal("table"),
    caption: z.string(),
    header: z.array(z.string()),
    /** Which columns hold numbers (aligned to the end of the line). */
    numeric: z.array(z.boolean()),
    rows: z.array(z.array(z.array(ReportInline))),
  }),
]);
export type ReportBlock = z.infer<typeof ReportBlock>;

export const ReportDocument = z.object({
  lang: Language,
  title: z.string(),
  subtitle: z.string(),
  blocks: z.array(ReportBlock),
  /** Endnotes, numbered from 1 in order: "C18/35, S.2 (symbol assumed); July 2014 – February 2015; record 3f2…". */
  notes: z.array(z.string()),
  /** Heading of the notes list ("Sources"), in the report's language. */
  notesHeading: z.string(),
  /** What the report could not say in this language (missing templates), never filled from another. */
  missing: z.array(z.object({ template: z.string(), lang: Language })),
});
export type ReportDocument = z.infer<typeof ReportDocument>;
