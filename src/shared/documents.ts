import { z } from "zod";
import { IsoDate } from "./dates.ts";
import { Language, MultilingualText } from "./languages.ts";

/**
 * A document of the register: one symbol (`C18/35`, `ISC-TF/17/2`), whatever language versions
 * exist. A language suffix (`C18/35-E`) names a version of the same document, so it is not part of
 * the registered symbol; a revision (`C15/38(Rev.1)`) is a document of its own.
 */
export const Document = z.object({
  id: z.uuid(),
  symbol: z.string(),
  title: MultilingualText,
  originalLanguage: Language,
  issuedOn: IsoDate.nullable(),
  /** The languages the document is issued in. */
  languages: z.array(Language),
  bodyId: z.uuid().nullable(),
  bodyCode: z.string().nullable(),
  meetingId: z.uuid().nullable(),
  meetingNumber: z.int().nullable(),
  link: z.string().nullable(),
  /** How many agenda items and figures cite the document by its symbol. */
  citedBy: z.object({ agendaItems: z.int(), figures: z.int() }),
  version: z.int(),
});
export type Document = z.infer<typeof Document>;

/** Where a document is cited: agenda items of meetings one may read, and figures read from it. */
export const DocumentCitations = z.object({
  agendaItems: z.array(
    z.object({
      id: z.uuid(),
      meetingId: z.uuid(),
      bodyCode: z.string(),
      meetingNumber: z.int(),
      startsAt: z.string(),
      /** The zone the meeting was held in, so its day is the day there. */
      timeZone: z.string(),
      title: MultilingualText,
      originalLanguage: Language,
      documentSymbol: z.string(),
    }),
  ),
  figures: z.array(
    z.object({
      id: z.uuid(),
      metricCode: z.string(),
      metricName: MultilingualText,
      metricLanguage: Language,
      periodStart: IsoDate,
      periodEnd: IsoDate,
      sourceSection: z.string().nullable(),
    }),
  ),
});
export type DocumentCitations = z.infer<typeof DocumentCitations>;

export const DocumentWithCitations = Document.extend({ citations: DocumentCitations });
export type DocumentWithCitations = z.infer<typeof DocumentWithCitations>;

const DocumentFields = {
  symbol: z.string().trim().min(1).max(60),
  title: MultilingualText,
  originalLanguage: Language.optional(),
  issuedOn: IsoDate.nullable(),
  languages: z.array(Language).max(6),
  /** The body the document is for, or the body of the meeting it is for. */
  bodyId: z.uuid().nullable(),
  meetingId: z.uuid().nullable(),
  link: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
};

export const CreateDocumentInput = z
  .object({
    ...DocumentFields,
    issuedOn: DocumentFields.issuedOn.default(null),
    languages: DocumentFields.languages.default([]),
    bodyId: DocumentFields.bodyId.default(null),
    meetingId: DocumentFields.meetingId.default(null),
    link: DocumentFields.link.default(null),
  })
  .strict();
export type CreateDocumentInput = z.infer<typeof CreateDocumentInput>;

export const UpdateDocumentInput = z
  .object({
    symbol: DocumentFields.symbol.optional(),
    title: DocumentFields.title.optional(),
    originalLanguage: DocumentFields.originalLanguage,
    issuedOn: DocumentFields.issuedOn.optional(),
    languages: DocumentFields.languages.optional(),
    bodyId: DocumentFields.bodyId.optional(),
    meetingId: DocumentFields.meetingId.optional(),
    link: DocumentFields.link.optional(),
    version: z.int().positive(),
  })
  .strict();
export type UpdateDocumentInput = z.infer<typeof UpdateDocumentInput>;

export const DocumentListQuery = z.object({
  /** Words of the title or part of the symbol. */
  q: z.string().trim().max(200).optional(),
  /** Exactly this symbol (a language suffix is ignored): how a citation finds its document. */
  symbol: z.string().trim().max(60).optional(),
  bodyId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;
