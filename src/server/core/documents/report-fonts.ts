import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Language } from "#shared/languages.ts";

/**
 * The fonts a report is written with, shipped inside npm packages (data/fonts/SOURCE.md says
 * which and under what licence). The PDF embeds these files and nothing else, so a report looks
 * the same on a laptop, a server and CI whatever fonts the machine has installed.
 */
export type ReportScript = "latin" | "arabic" | "chinese";

export interface ReportFont {
  script: ReportScript;
  /** The family name inside the font file: what Typst selects by. */
  family: string;
  /** The PostScript name inside the file: what a PDF's font list shows. */
  postscriptName: string;
  weight: "regular" | "bold";
  packageName: string;
  /** Path inside the package. */
  file: string;
}

/** Only the two weights a report uses; the packages ship more, which we leave unread. */
export const REPORT_FONTS: readonly ReportFont[] = [
  {
    script: "latin",
    family: "Noto Sans",
    postscriptName: "NotoSans-Regular",
    weight: "regular",
    packageName: "@embedpdf/fonts-latin",
    file: "fonts/NotoSans-Regular.ttf",
  },
  {
    script: "latin",
    family: "Noto Sans",
    postscriptName: "NotoSans-Bold",
    weight: "bold",
    packageName: "@embedpdf/fonts-latin",
    file: "fonts/NotoSans-Bold.ttf",
  },
  {
    script: "arabic",
    // Version 1 on purpose: version 2 draws a letter's dots as glyphs of their own, which PDF
    // readers then turn back into the letter twice ("ققريير" for "تقرير") when text is copied,
    // searched or read aloud.
    family: "Noto Naskh Arabic",
    postscriptName: "NotoNaskhArabic",
    weight: "regular",
    packageName: "@embedpdf/fonts-arabic",
    file: "fonts/NotoNaskhArabic-Regular.ttf",
  },
  {
    script: "arabic",
    family: "Noto Naskh Arabic",
    postscriptName: "NotoNaskhArabic-Bold",
    weight: "bold",
    packageName: "@embedpdf/fonts-arabic",
    file: "fonts/NotoNaskhArabic-Bold.ttf",
  },
  {
    script: "chinese",
    // The 2014 region-specific build of Noto Sans CJK SC names itself so; the name also keeps it
    // apart from the system's "Noto Sans CJK SC", which Typst must never pick instead.
    family: "Noto Sans S Chinese",
    postscriptName: "NotoSansHans-Regular",
    weight: "regular",
    packageName: "@embedpdf/fonts-sc",
    file: "fonts/NotoSansHans-Regular.otf",
  },
  {
    script: "chinese",
    family: "Noto Sans S Chinese",
    postscriptName: "NotoSansHans-Bold",
    weight: "bold",
    packageName: "@embedpdf/fonts-sc",
    file: "fonts/NotoSansHans-Bold.otf",
  },
];

/**
 * Font families in the order Typst tries them for each report language: the first that has a
 * glyph draws it, so the language's own script comes first and the others follow, so that a
 * Chinese name in a French report or an Arabic title in an English one still renders with our
 * fonts rather than as an empty box.
 */
export function reportFontFamilies(lang: Language): string[] {
  const family = (script: ReportScript) => REPORT_FONTS.find((font) => font.script === script)!.family;
  switch (lang) {
    case "ar":
      return [family("arabic"), family("latin"), family("chinese")];
    case "zh":
      return [family("chinese"), family("latin"), family("arabic")];
    default:
      return [family("latin"), family("arabic"), family("chinese")];
  }
}

/**
 * Names a Word reader's machine is likely to have, per script slot of a run: Word draws with
 * installed fonts (we do not embed them in the docx), falling back by its own rules when a name
 * is missing.
 */
export const DOCX_FONTS = {
  /** w:ascii and w:hAnsi: Latin and Cyrillic. */
  latin: "Noto Sans",
  /** w:eastAsia: Chinese. */
  eastAsia: "Noto Sans SC",
  /** w:cs: complex scripts, Arabic here. */
  complexScript: "Noto Naskh Arabic",
} as const;

const require = createRequire(import.meta.url);

/**
 * The package's folder. Resolving its entry point (not "package.json") works also for packages
 * whose "exports" map hides everything but the entry point.
 */
function packageRoot(packageName: string): string {
  let dir = dirname(require.resolve(packageName));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === packageName
    )
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the folder of the font package ${packageName}`);
    dir = parent;
  }
}

let resolved: string[] | undefined;

/** Absolute paths of the report fonts; throws naming the package when one is not installed. */
export function reportFontPaths(): string[] {
  if (resolved) return resolved;
  const roots = new Map<string, string>();
  resolved = REPORT_FONTS.map((font) => {
    let root = roots.get(font.packageName);
    if (!root) {
      try {
        root = packageRoot(font.packageName);
      } catch (error) {
        throw new Error(`The report font package ${font.packageName} is not installed (run npm ci)`, {
          cause: error,
        });
      }
      roots.set(font.packageName, root);
    }
    const path = join(root, font.file);
    if (!existsSync(path))
      throw new Error(`The report font ${font.file} is missing from ${font.packageName}`);
    return path;
  });
  return resolved;
}
