import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { IRunOptions } from "docx";
import type { Language } from "#shared/languages.ts";
import type { ReportBlock, ReportDocument, ReportInline } from "#shared/report-document.ts";
import { DOCX_FONTS } from "./report-fonts.ts";

/** Word wants a language with its region: it picks the proofing and hyphenation rules by it. */
const WORD_LANGUAGE: Record<Language, string> = {
  ar: "ar-SA",
  zh: "zh-CN",
  en: "en-GB",
  fr: "fr-FR",
  ru: "ru-RU",
  es: "es-ES",
};

const FONT = {
  ascii: DOCX_FONTS.latin,
  hAnsi: DOCX_FONTS.latin,
  eastAsia: DOCX_FONTS.eastAsia,
  cs: DOCX_FONTS.complexScript,
};

/** Half-points, as Word counts font sizes. */
const SIZE = { body: 21, note: 18, subtitle: 24, heading2: 24, heading1: 28, title: 40 };
/**
 * The size of complex-script (Arabic) text beside Latin text of `size`: Naskh letters sit small
 * at the same size, so they get a tenth more, as the PDF gives Arabic reports a point more.
 */
const complexScriptSize = (size: number) => Math.round(size * 1.1);
/** Twips (1/20 pt): A4 and 2.2 cm margins, as in the PDF. */
const PAGE = { width: 11906, height: 16838, margin: 1247 };
const NOTE_INDENT = 400;

interface RunStyle {
  bold?: boolean;
  /** Half-points. */
  size?: number;
  superScript?: boolean;
  color?: string;
}

/**
 * Everything that makes a run of this report's language: in Arabic the run is right to left and
 * Word then uses its complex-script properties (cs font, bCs, szCs), so those are set alongside;
 * in Chinese the eastAsia hint makes shared punctuation take the Chinese font.
 */
function runOptions(lang: Language, style: RunStyle): IRunOptions {
  const rtl = lang === "ar";
  return {
    ...style,
    font: lang === "zh" ? { ...FONT, hint: "eastAsia" } : FONT,
    ...(style.size !== undefined ? { sizeComplexScript: complexScriptSize(style.size) } : {}),
    ...(style.bold ? { boldComplexScript: true } : {}),
    ...(rtl ? { rightToLeft: true } : {}),
  };
}

function textRun(lang: Language, text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ ...runOptions(lang, style), text });
}

/**
 * A note reference is the note's number in superscript, matching the numbered list at the end
 * (as in the PDF). Word's own endnotes would renumber by order of appearance and cannot be cited
 * twice, while a report cites one source from several figures.
 */
function inlineRuns(lang: Language, inlines: readonly ReportInline[], style: RunStyle = {}): TextRun[] {
  return inlines.map((inline) =>
    "note" in inline
      ? textRun(lang, noteMarker(lang, inline.note), { ...style, superScript: true })
      : textRun(lang, inline.text, style),
  );
}

/**
 * In Arabic a right-to-left mark goes before the number: bare digits would join the number
 * before them, so "2023." followed by note 1 would read as the number "2023.1".
 */
function noteMarker(lang: Language, note: number): string {
  return lang === "ar" ? `\u200f${note}` : String(note);
}

function paragraphBase(lang: Language) {
  return lang === "ar" ? { bidirectional: true } : {};
}

const RULE = { style: BorderStyle.SINGLE, size: 6, color: "000000" } as const;
const THIN_RULE = { style: BorderStyle.SINGLE, size: 2, color: "BEBEBE" } as const;
const NO_RULE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;

function reportTable(lang: Language, table: Extract<ReportBlock, { kind: "table" }>): (Paragraph | Table)[] {
  const columns = table.header.length;
  // START and END follow the paragraph's direction: figures line up on the left in Arabic.
  const alignment = (column: number) => (table.numeric[column] ? AlignmentType.END : AlignmentType.START);
  const cell = (column: number, runs: TextRun[]) =>
    new TableCell({
      children: [
        new Paragraph({
          ...paragraphBase(lang),
          alignment: alignment(column),
          // The document's paragraph spacing would make every row a line taller.
          spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
          children: runs,
        }),
      ],
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.header.map((label, column) => cell(column, [textRun(lang, label, { bold: true })])),
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        // A short row is padded rather than shifting every later cell into the wrong column.
        children: Array.from({ length: columns }, (_, column) =>
          cell(column, inlineRuns(lang, row[column] ?? [])),
        ),
      }),
  );
  return [
    new Paragraph({
      ...paragraphBase(lang),
      style: "Caption",
      keepNext: true,
      children: [textRun(lang, table.caption, { bold: true })],
    }),
    new Table({
      rows: [header, ...rows],
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: lang === "ar",
      borders: {
        top: RULE,
        bottom: RULE,
        insideHorizontal: THIN_RULE,
        left: NO_RULE,
        right: NO_RULE,
        insideVertical: NO_RULE,
      },
    }),
    // Word joins two tables that touch; an empty paragraph keeps the next block apart.
    new Paragraph({ ...paragraphBase(lang), children: [] }),
  ];
}

function blockParts(lang: Language, block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case "heading":
      return [
        new Paragraph({
          ...paragraphBase(lang),
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          children: [
            textRun(lang, block.text, {
              bold: true,
              size: block.level === 1 ? SIZE.heading1 : SIZE.heading2,
            }),
          ],
        }),
      ];
    case "paragraph":
      return [new Paragraph({ ...paragraphBase(lang), children: inlineRuns(lang, block.runs) })];
    case "table":
      return reportTable(lang, block);
  }
}

function notesList(doc: ReportDocument): Paragraph[] {
  const lang = doc.lang;
  if (doc.notes.length === 0) return [];
  return [
    new Paragraph({
      ...paragraphBase(lang),
      heading: HeadingLevel.HEADING_2,
      children: [textRun(lang, doc.notesHeading, { bold: true, size: SIZE.heading2 })],
    }),
    ...doc.notes.map(
      (note, index) =>
        new Paragraph({
          ...paragraphBase(lang),
          indent: { start: NOTE_INDENT, hanging: NOTE_INDENT },
          spacing: { after: 80 },
          children: [
            new TextRun({
              ...runOptions(lang, { size: SIZE.note }),
              children: [`${index + 1}.`, new Tab(), note],
            }),
          ],
        }),
    ),
  ];
}

/** Writes a drafted report as a Word document. */
export async function reportToDocx(doc: ReportDocument): Promise<Buffer> {
  const lang = doc.lang;
  const language = {
    // w:val covers Latin and Cyrillic runs: an Arabic or Chinese report's Latin words are left
    // to English, while eastAsia and bidi carry the languages Word shapes differently.
    value: lang === "ar" || lang === "zh" ? WORD_LANGUAGE.en : WORD_LANGUAGE[lang],
    eastAsia: WORD_LANGUAGE.zh,
    bidirectional: WORD_LANGUAGE.ar,
  };
  const heading = (size: number) => ({
    run: {
      font: FONT,
      size,
      sizeComplexScript: complexScriptSize(size),
      bold: true,
      boldComplexScript: true,
      color: "000000",
    },
    paragraph: { spacing: { before: 280, after: 120 }, keepNext: true },
  });
  const document = new Document({
    title: doc.title,
    subject: doc.subtitle,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, sizeComplexScript: complexScriptSize(SIZE.body), language },
          // Without lineRule LibreOffice reads the line as an exact height and a wrapped title overlaps.
          paragraph: { spacing: { after: 160, line: 276, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: {
            font: FONT,
            size: SIZE.title,
            sizeComplexScript: complexScriptSize(SIZE.title),
            bold: true,
            boldComplexScript: true,
          },
          paragraph: { spacing: { after: 80 } },
        },
        heading1: heading(SIZE.heading1),
        heading2: heading(SIZE.heading2),
        caption: {
          run: {
            font: FONT,
            size: SIZE.body,
            sizeComplexScript: complexScriptSize(SIZE.body),
            italics: false,
            color: "000000",
          },
          paragraph: { spacing: { before: 120, after: 80 } },
        },
      },
      paragraphStyles: [
        {
          id: "Subtitle",
          name: "Subtitle",
          basedOn: "Normal",
          next: "Normal",
          run: {
            font: FONT,
            size: SIZE.subtitle,
            sizeComplexScript: complexScriptSize(SIZE.subtitle),
            color: "505050",
          },
          paragraph: { spacing: { after: 320 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ ...runOptions(lang, { size: SIZE.note }), children: [PageNumber.CURRENT] }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            ...paragraphBase(lang),
            heading: HeadingLevel.TITLE,
            children: [textRun(lang, doc.title, { bold: true, size: SIZE.title })],
          }),
          ...(doc.subtitle
            ? [
                new Paragraph({
                  ...paragraphBase(lang),
                  style: "Subtitle",
                  children: [textRun(lang, doc.subtitle, { size: SIZE.subtitle, color: "505050" })],
                }),
              ]
            : []),
          ...doc.blocks.flatMap((block) => blockParts(lang, block)),
          ...notesList(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
