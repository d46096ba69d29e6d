import { readFileSync } from "node:fs";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import type { ReportDocument } from "#shared/report-document.ts";
import { reportFontFamilies, reportFontPaths } from "./report-fonts.ts";

const TEMPLATE_URL = new URL("./report.typ", import.meta.url);

interface Typst {
  compiler: NodeCompiler;
  template: string;
}

let typst: Typst | undefined;

/**
 * One compiler for the process: creating it indexes the fonts (a few hundred milliseconds), and
 * its caches make each later report a matter of milliseconds.
 *
 * The compiler offers no switch to skip the machine's fonts, so it indexes them too; ours are
 * indexed first, which makes Typst pick them over a system font of the same family, and the
 * template turns fallback off so that no other font is ever reached for.
 */
function typstCompiler(): Typst {
  typst ??= {
    compiler: NodeCompiler.create({ fontArgs: [{ fontPaths: reportFontPaths() }] }),
    template: readFileSync(TEMPLATE_URL, "utf8"),
  };
  return typst;
}

/** Writes a drafted report as an A4 PDF with our fonts embedded. */
export async function reportToPdf(doc: ReportDocument): Promise<Buffer> {
  const { compiler, template } = typstCompiler();
  const inputs = { report: JSON.stringify(doc), fonts: JSON.stringify(reportFontFamilies(doc.lang)) };
  const compiled = compiler.compile({ mainFileContent: template, inputs });
  try {
    const document = compiled.result;
    if (!document || compiled.hasError()) {
      const error = compiled.takeError();
      const diagnostics = error ? compiler.fetchDiagnostics(error) : [];
      throw new Error(`Typst could not lay out the report: ${JSON.stringify(diagnostics)}`);
    }
    return compiler.pdf(document);
  } finally {
    // Without eviction the global memo cache keeps every report ever compiled; an age of 10
    // keeps what the next reports reuse (template, fonts) and drops the rest.
    compiler.evictCache(10);
  }
}
