import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync, inflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Language } from "#shared/languages.ts";
import { LANGUAGES } from "#shared/languages.ts";
import type { ReportDocument } from "#shared/report-document.ts";
import { reportToDocx } from "./report-docx.ts";
import { REPORT_FONTS, reportFontPaths } from "./report-fonts.ts";
import { reportToPdf } from "./report-pdf.ts";

const OUT = ".tmp/report-png";

/** Numbers as the drafting step formats them: "7 474" in French, "7474" in Spanish. */
const number = (lang: Language, value: number) => new Intl.NumberFormat(lang).format(value);
const percent = (lang: Language, value: number) =>
  new Intl.NumberFormat(lang, { style: "percent", minimumFractionDigits: 1 }).format(value);

interface Words {
  title: string;
  subtitle: string;
  heading: string;
  sentence: (activities: string, states: string, growth: string) => string;
  joint: (count: string) => string;
  byRegion: string;
  caption: string;
  header: [string, string, string];
  regions: [string, string, string];
  notes: [string, string];
  notesHeading: string;
}

const WORDS: Record<Language, Words> = {
  ar: {
    title: "التقرير السنوي عن التنسيق لعام 2024",
    subtitle: "قطاع العلوم الاجتماعية والإنسانية — مسودة 12 مارس 2025",
    heading: "الأنشطة ونطاقها",
    sentence: (a, s, g) =>
      `نفّذ القطاع في عام 2024 ما مجموعه ${a} نشاطاً في ${s} دولة عضواً، بزيادة قدرها ${g} عن عام 2023.`,
    joint: (c) => ` ومن بين هذه الأنشطة ${c} نشاطاً مشتركاً مع قطاعات أخرى.`,
    byRegion: "الأنشطة حسب المنطقة",
    caption: "الجدول 1. الأنشطة حسب المنطقة، 2024",
    header: ["المنطقة", "عدد الأنشطة", "النسبة"],
    regions: ["أفريقيا", "الدول العربية", "آسيا والمحيط الهادئ"],
    notes: [
      "الوثيقة 42 م/5، القسم 2؛ يناير – ديسمبر 2024؛ السجل 3f2a91",
      "سجل الأنشطة المشتركة، مستخرج بتاريخ 15 فبراير 2025؛ السجل 8c01d7",
    ],
    notesHeading: "المصادر",
  },
  zh: {
    title: "2024年度协调工作报告",
    subtitle: "社会及人文科学部门——2025年3月12日草稿",
    heading: "活动及其覆盖范围",
    sentence: (a, s, g) => `2024年，本部门在${s}个会员国开展了${a}项活动，比2023年增加${g}。`,
    joint: (c) => `其中${c}项为与其他部门联合开展的活动。`,
    byRegion: "按区域分列的活动",
    caption: "表1. 2024年按区域分列的活动",
    header: ["区域", "活动数", "比例"],
    regions: ["非洲", "阿拉伯国家", "亚洲及太平洋"],
    notes: [
      "第42 C/5号文件第2节；2024年1月至12月；记录 3f2a91",
      "联合活动登记册，2025年2月15日摘录；记录 8c01d7",
    ],
    notesHeading: "资料来源",
  },
  en: {
    title: "Annual report on coordination, 2024",
    subtitle: "Sector for Social and Human Sciences — draft of 12 March 2025",
    heading: "Activities and their reach",
    sentence: (a, s, g) =>
      `In 2024 the Sector carried out ${a} activities in ${s} Member States, ${g} more than in 2023.`,
    joint: (c) => ` Of these, ${c} were carried out jointly with other Sectors.`,
    byRegion: "Activities by region",
    caption: "Table 1. Activities by region, 2024",
    header: ["Region", "Activities", "Share"],
    regions: ["Africa", "Arab States", "Asia and the Pacific"],
    notes: [
      "Document 42 C/5, section 2; January – December 2024; record 3f2a91",
      "Register of joint activities, extract of 15 February 2025; record 8c01d7",
    ],
    notesHeading: "Sources",
  },
  fr: {
    title: "Rapport annuel sur la coordination, 2024",
    subtitle: "Secteur des sciences sociales et humaines — projet du 12 mars 2025",
    heading: "Activités et portée",
    sentence: (a, s, g) =>
      `En 2024, le Secteur a mené ${a} activités dans ${s} États membres, soit ${g} de plus qu’en 2023.`,
    joint: (c) => ` Parmi elles, ${c} ont été conduites conjointement avec d’autres secteurs.`,
    byRegion: "Activités par région",
    caption: "Tableau 1. Activités par région, 2024",
    header: ["Région", "Activités", "Part"],
    regions: ["Afrique", "États arabes", "Asie et Pacifique"],
    notes: [
      "Document 42 C/5, section 2 ; janvier – décembre 2024 ; enregistrement 3f2a91",
      "Registre des activités conjointes, extrait du 15 février 2025 ; enregistrement 8c01d7",
    ],
    notesHeading: "Sources",
  },
  ru: {
    title: "Ежегодный доклад о координации за 2024 год",
    subtitle: "Сектор социальных и гуманитарных наук — проект от 12 марта 2025 года",
    heading: "Мероприятия и их охват",
    sentence: (a, s, g) =>
      `В 2024 году Сектор провёл ${a} мероприятия в ${s} государствах-членах, что на ${g} больше, чем в 2023 году.`,
    joint: (c) => ` Из них ${c} мероприятий проведены совместно с другими секторами.`,
    byRegion: "Мероприятия по регионам",
    caption: "Таблица 1. Мероприятия по регионам, 2024 год",
    header: ["Регион", "Мероприятия", "Доля"],
    regions: ["Африка", "Арабские государства", "Азия и Тихий океан"],
    notes: [
      "Документ 42 C/5, раздел 2; январь – декабрь 2024 года; запись 3f2a91",
      "Реестр совместных мероприятий, выписка от 15 февраля 2025 года; запись 8c01d7",
    ],
    notesHeading: "Источники",
  },
  es: {
    title: "Informe anual sobre la coordinación, 2024",
    subtitle: "Sector de Ciencias Sociales y Humanas — borrador del 12 de marzo de 2025",
    heading: "Actividades y su alcance",
    sentence: (a, s, g) =>
      `En 2024, el Sector llevó a cabo ${a} actividades en ${s} Estados Miembros, un ${g} más que en 2023.`,
    joint: (c) => ` De ellas, ${c} se realizaron conjuntamente con otros sectores.`,
    byRegion: "Actividades por región",
    caption: "Cuadro 1. Actividades por región, 2024",
    header: ["Región", "Actividades", "Proporción"],
    regions: ["África", "Estados Árabes", "Asia y el Pacífico"],
    notes: [
      "Documento 42 C/5, sección 2; enero – diciembre de 2024; registro 3f2a91",
      "Registro de actividades conjuntas, extracto del 15 de febrero de 2025; registro 8c01d7",
    ],
    notesHeading: "Fuentes",
  },
};

interface Sample {
  doc: ReportDocument;
  /** Number strings as formatted for the language, which the PDF and the docx must both carry. */
  numbers: string[];
}

function sample(lang: Language): Sample {
  const w = WORDS[lang];
  const activities = number(lang, 7474);
  const joint = number(lang, 12_208);
  const counts = [number(lang, 2315), number(lang, 1102), number(lang, 2040)];
  const shares = [percent(lang, 0.31), percent(lang, 0.147), percent(lang, 0.273)];
  const growth = percent(lang, 0.125);
  const doc: ReportDocument = {
    lang,
    title: w.title,
    subtitle: w.subtitle,
    blocks: [
      { kind: "heading", level: 1, text: w.heading },
      {
        kind: "paragraph",
        runs: [
          { text: w.sentence(activities, "112", growth) },
          { note: 1 },
          { text: w.joint(joint) },
          { note: 2 },
        ],
      },
      { kind: "heading", level: 2, text: w.byRegion },
      {
        kind: "table",
        caption: w.caption,
        header: w.header,
        numeric: [false, true, true],
        rows: w.regions.map((region, i) => [
          [{ text: region }],
          [{ text: counts[i]! }, { note: 1 }],
          [{ text: shares[i]! }],
        ]),
      },
    ],
    notes: w.notes,
    notesHeading: w.notesHeading,
    missing: [],
  };
  return { doc, numbers: [activities, joint, ...counts, ...shares] };
}

/**
 * Text as pdftotext and Word XML give it back, made comparable: compatibility forms folded (so the
 * narrow no-break space of French numbers is a space), direction marks dropped, spaces collapsed.
 */
function comparable(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function pdfText(path: string): string {
  return comparable(execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" }));
}

/** The fonts a PDF names, without the subset prefix ("ABCDEF+") and CMap suffix. */
function pdfFontNames(path: string): string[] {
  const lines = execFileSync("pdffonts", [path], { encoding: "utf8" }).trim().split("\n").slice(2);
  return lines.map((line) =>
    line
      .split(/\s+/)[0]!
      .replace(/^[A-Z]{6}\+/, "")
      .replace(/-Identity-H$/, ""),
  );
}

/** head.fontRevision of an sfnt (TrueType/OpenType) font, or undefined when it is not one. */
function fontRevision(font: Buffer): number | undefined {
  if (font.length < 12) return undefined;
  const tag = font.readUInt32BE(0);
  if (tag !== 0x00010000 && tag !== 0x4f54544f) return undefined;
  const tables = font.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const entry = 12 + 16 * i;
    if (entry + 16 > font.length) return undefined;
    if (font.toString("latin1", entry, entry + 4) === "head")
      return font.readInt32BE(font.readUInt32BE(entry + 8) + 4);
  }
  return undefined;
}

/**
 * The revisions of the TrueType fonts embedded in a PDF. Debian's Noto Sans and Noto Naskh Arabic
 * carry the same names as ours but other revisions, so this tells whose file was embedded.
 */
function embeddedFontRevisions(pdf: Buffer): number[] {
  const raw = pdf.toString("latin1");
  const revisions: number[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf("endstream", start);
    let data: Buffer;
    try {
      data = inflateSync(pdf.subarray(start, end));
    } catch {
      continue;
    }
    const revision = fontRevision(data);
    if (revision !== undefined) revisions.push(revision);
  }
  return revisions;
}

/** One part of a docx (a zip), read with Node's zlib so the test needs no unzip tool. */
function docxPart(path: string, part: string): string {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThanOrEqual(0);
  let entry = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(entry + 10);
    const size = zip.readUInt32LE(entry + 20);
    const nameLength = zip.readUInt16LE(entry + 28);
    const skip = nameLength + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
    const name = zip.toString("utf8", entry + 46, entry + 46 + nameLength);
    if (name === part) {
      const local = zip.readUInt32LE(entry + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    entry += 46 + skip;
  }
  throw new Error(`${path} has no ${part}`);
}

const xmlText = (xml: string) =>
  comparable(
    [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1]!)
      .join("")
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&"),
  );

const written = new Map<Language, { pdf: string; docx: string; sample: Sample }>();
const timings: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const time = async <T>(label: string, work: () => Promise<T>) => {
    const started = performance.now();
    const result = await work();
    timings.push(`${label} ${(performance.now() - started).toFixed(0)} ms`);
    return result;
  };
  // The first PDF pays for creating the compiler and indexing the fonts.
  await time("pdf cold (compiler creation + first report, en)", () => reportToPdf(sample("en").doc));
  const started = performance.now();
  for (const lang of LANGUAGES) {
    const s = sample(lang);
    const pdf = await time(`pdf ${lang}`, () => reportToPdf(s.doc));
    const docx = await time(`docx ${lang}`, () => reportToDocx(s.doc));
    const pdfPath = join(OUT, `${lang}.pdf`);
    const docxPath = join(OUT, `${lang}.docx`);
    writeFileSync(pdfPath, pdf);
    writeFileSync(docxPath, docx);
    written.set(lang, { pdf: pdfPath, docx: docxPath, sample: s });
  }
  timings.push(`six languages × (pdf + docx), warm: ${(performance.now() - started).toFixed(0)} ms`);
  console.log(timings.join("\n"));
});

describe("report PDF", () => {
  it("writes six languages, docx and PDF, well within the benchmark's 8 s", () => {
    const total = Number(/warm: (\d+)/.exec(timings.at(-1)!)![1]);
    expect(total).toBeLessThan(8000);
  });

  it.each(LANGUAGES)("%s: is a PDF whose text pdftotext reads back", (lang) => {
    const { pdf, sample: s } = written.get(lang)!;
    expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(pdf);
    for (const n of s.numbers) expect(text).toContain(comparable(n));
    expect(text).toContain("3f2a91");
    const words = WORDS[lang];
    if (lang === "ar") {
      // pdftotext puts Arabic back in logical order, but from shaped glyphs: a ligature such as
      // lam-alef or a mark over a letter may come back apart. Words without those read back whole.
      for (const word of ["المصادر", "المنطقة", "التنسيق", "أفريقيا"]) expect(text).toContain(word);
    } else if (lang === "zh") {
      // CJK text comes back with or without spaces between characters, depending on spacing.
      const dense = text.replace(/ /g, "");
      for (const phrase of [words.title, words.heading, words.notesHeading, words.regions[2]])
        expect(dense).toContain(comparable(phrase).replace(/ /g, ""));
    } else {
      for (const phrase of [words.title, words.heading, words.byRegion, words.notesHeading, words.regions[2]])
        expect(text).toContain(comparable(phrase));
    }
  });

  it.each(LANGUAGES)("%s: embeds our npm-shipped fonts and no other", (lang) => {
    const { pdf } = written.get(lang)!;
    const names = pdfFontNames(pdf);
    const ours = REPORT_FONTS.map((font) => font.postscriptName);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(ours).toContain(name);
    const script = lang === "ar" ? "arabic" : lang === "zh" ? "chinese" : "latin";
    for (const font of REPORT_FONTS.filter((f) => f.script === script))
      expect(names).toContain(font.postscriptName);

    const shipped = new Set(reportFontPaths().map((path) => fontRevision(readFileSync(path))));
    for (const revision of embeddedFontRevisions(readFileSync(pdf))) expect(shipped).toContain(revision);
  });

  it.each(LANGUAGES)("%s: page 1 renders to PNG for a look by eye", (lang) => {
    const { pdf } = written.get(lang)!;
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, join(OUT, lang)]);
    expect(
      readFileSync(join(OUT, `${lang}.png`))
        .subarray(1, 4)
        .toString("latin1"),
    ).toBe("PNG");
  });

  it("lays out text that looks like Typst markup as text", async () => {
    const doc = sample("en").doc;
    const markup = '#panic("x") $x^2$ *bold* _under_ <label> @ref = heading \\ `raw` // comment';
    const pdf = await reportToPdf({
      ...doc,
      title: markup,
      blocks: [{ kind: "paragraph", runs: [{ text: markup }] }],
    });
    const path = join(OUT, "markup.pdf");
    writeFileSync(path, pdf);
    const text = pdfText(path);
    expect(text).toContain('#panic("x") $x^2$ *bold* _under_ <label> @ref = heading');
  });
});

describe("report docx", () => {
  it.each(LANGUAGES)("%s: is a Word document holding the texts and the language's settings", (lang) => {
    const { docx, sample: s } = written.get(lang)!;
    expect(readFileSync(docx).subarray(0, 2).toString("latin1")).toBe("PK");
    const xml = docxPart(docx, "word/document.xml");
    const text = xmlText(xml);
    const words = WORDS[lang];
    for (const phrase of [words.title, words.heading, words.caption, words.notesHeading, ...words.notes])
      expect(text).toContain(comparable(phrase));
    for (const n of s.numbers) expect(text).toContain(comparable(n));
    expect(xml).toContain('<w:vertAlign w:val="superscript"/>');

    const styles = docxPart(docx, "word/styles.xml");
    expect(xml).toContain('w:eastAsia="Noto Sans SC"');
    expect(xml).toContain('w:cs="Noto Naskh Arabic"');
    if (lang === "ar") {
      expect(xml).toContain("<w:bidi/>");
      expect(xml).toContain("<w:rtl/>");
      expect(xml).toContain("<w:bidiVisual/>");
      expect(styles).toContain('w:bidi="ar-SA"');
    } else {
      expect(xml).not.toContain("<w:bidi/>");
      expect(xml).not.toContain("<w:rtl/>");
    }
    if (lang === "zh") expect(xml).toContain('w:hint="eastAsia"');
    const tags: Record<Language, string> = {
      ar: "en-GB",
      zh: "en-GB",
      en: "en-GB",
      fr: "fr-FR",
      ru: "ru-RU",
      es: "es-ES",
    };
    expect(styles).toContain(`w:val="${tags[lang]}"`);
    expect(styles).toContain('w:eastAsia="zh-CN"');
  });
});
