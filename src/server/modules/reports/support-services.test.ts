import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES } from "#shared/languages.ts";
import type { ReportDocument } from "#shared/report-document.ts";
import { describeOnEachDatabase } from "#test/app.ts";
import { systemCtx } from "../../core/context.ts";
import { loadDemoFigures } from "../../demo/demo.ts";
import { DEMO_FIGURES, DEMO_METRICS } from "../../demo/figures.ts";
import { missingClauses, parseReportPeriod, reportWording } from "./support-services.ts";

const textOf = (doc: ReportDocument) =>
  doc.blocks
    .map((b) =>
      b.kind === "heading"
        ? b.text
        : b.kind === "paragraph"
          ? b.runs.map((r) => ("text" in r ? r.text : "")).join("")
          : b.rows
              .map((row) =>
                row.map((cell) => cell.map((r) => ("text" in r ? r.text : "")).join("")).join(" | "),
              )
              .join("\n"),
    )
    .join("\n")
    // No-break spaces keep numbers and periods whole on the page; the words are what is checked.
    .replace(/[\u00a0\u202f]/g, " ");

describe("report wording", () => {
  it("has every template in every language, written by hand (no language borrows another's)", () => {
    const keysOf = (value: unknown, prefix = ""): string[] =>
      typeof value === "object" && value !== null
        ? Object.entries(value).flatMap(([k, v]) => keysOf(v, `${prefix}${k}.`))
        : [prefix.slice(0, -1)];
    const english = keysOf(reportWording("en")).sort();
    for (const lang of LANGUAGES) {
      expect(keysOf(reportWording(lang)).sort(), lang).toEqual(english);
      expect(missingClauses(lang), lang).toEqual([]);
      if (lang !== "en")
        for (const [key, text] of Object.entries(reportWording(lang).clauses))
          expect(text, `${lang} ${key}`).not.toBe(reportWording("en").clauses[key]);
    }
  });

  it.each([
    ["2016-03..2017-02", { from: "2016-03-01", to: "2017-02-28" }],
    ["2016..2017", { from: "2016-01-01", to: "2017-12-31" }],
    ["2015-06-01..2016-01-15", { from: "2015-06-01", to: "2016-01-15" }],
    ["2016-02..2016-02", { from: "2016-02-01", to: "2016-02-29" }],
  ])("reads the period %s", (text, period) => expect(parseReportPeriod(text)).toEqual(period));

  it.each(["2017..2016", "2016-13..2017-01", "last year", "2016-02-30..2016-03-01"])(
    "refuses the period %s",
    (text) => expect(parseReportPeriod(text)).toBeNull(),
  );
});

describeOnEachDatabase("the support-services report", (env) => {
  let headers: Record<string, string>;

  beforeAll(async () => {
    const { make, database } = env();
    for (const code of new Set(DEMO_METRICS.map((m) => m.owner)))
      await make.unit({ code, kind: "department" });
    await loadDemoFigures(systemCtx(database));
    headers = (await make.user("reader")).headers;
  });

  const draft = async (query: string) => {
    const res = await env().app.inject({ url: `/api/v1/reports/support-services?${query}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ReportDocument;
  };

  it("drafts every section with figures, one endnote per figure, the seed's numbers as the Union writes them", async () => {
    const en = await draft("lang=en");
    expect(en.notes.length).toBe(DEMO_FIGURES.length);
    expect(en.missing).toEqual([]);
    const text = textOf(en);
    expect(text).toContain("S.2 Organization of conferences");
    expect(text).toContain("July 2014 – February 2015, 69 events were supported in Geneva");
    expect(text).toContain("7 474 participants");
    expect(text).toContain("publication sales brought in CHF 19.8 million");
    // The seed's own inconsistency stays visible to the drafter.
    expect(text).toContain("Drafting note");
    expect(text).toContain("Members, not memberships");
    expect(en.notes[0]).toMatch(/^C18\/35, S\.1 \(symbol assumed\); 2015–2017; record [0-9a-f]{8}$/);
    const zh = textOf(await draft("lang=zh"));
    expect(zh).toContain("2014年7月至2015年2月，在日内瓦支持了69场活动");
    expect(zh).toContain("1 980万瑞郎");
    expect(zh).toContain("7 474");
  });

  it("puts each year's sales beside its budget with the difference", async () => {
    const en = await draft("lang=en");
    const budget = en.blocks.find((b) => b.kind === "table" && b.caption.includes("against budget"));
    expect(budget?.kind === "table" && textOf({ ...en, blocks: [budget] })).toContain(
      "2016 | CHF 19.02 million | CHF 18.5 million | CHF 520 000 | 2.8%",
    );
  });

  it("tells the drafter when a figure's contradictions were reviewed", async () => {
    const { app, make } = env();
    const secretariat = (await make.user("secretariat")).headers;
    const count = (text: string, words: string) => text.split(words).length - 1;
    const UNREVIEWED = "both are kept until reviewed";
    const REVIEWED = "the contradiction was reviewed";
    const before = textOf(await draft("lang=en"));
    expect(count(before, REVIEWED)).toBe(0);
    const flagged = (
      await app.inject({ url: "/api/v1/figures?contradicted=true", headers: secretariat })
    ).json().entries as { id: string; version: number; contradictions: string[] }[];
    const figure = flagged[0]!;
    const versions = new Map(flagged.map((f) => [f.id, f.version]));
    for (const otherId of figure.contradictions) {
      const res = await app.inject({
        method: "PUT",
        url: `/api/v1/figures/${figure.id}/contradictions/${otherId}/review`,
        headers: secretariat,
        payload: {
          explanation: "Both as stated",
          version: figure.version,
          otherVersion: versions.get(otherId),
        },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const after = textOf(await draft("lang=en"));
    expect(count(after, REVIEWED)).toBe(1);
    expect(count(after, UNREVIEWED)).toBe(count(before, UNREVIEWED) - 1);
    for (const otherId of figure.contradictions)
      await app.inject({
        method: "DELETE",
        url: `/api/v1/figures/${figure.id}/contradictions/${otherId}/review`,
        headers: secretariat,
      });
  });

  it("narrows to a period, and refuses one it cannot read", async () => {
    const narrow = await draft("lang=fr&period=2016-03..2017-02");
    expect(narrow.notes.length).toBe(
      DEMO_FIGURES.filter((f) => f.from >= "2016-03-01" && f.to <= "2017-02-28").length,
    );
    const bad = await env().app.inject({ url: "/api/v1/reports/support-services?period=soon", headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toMatchObject([{ field: "period", reason: "invalid_format" }]);
  });

  it("writes Word and PDF in the six languages, and the PDF's text holds the figures", async () => {
    mkdirSync(".tmp/support-services", { recursive: true });
    // pdftotext puts a space between Chinese and Latin runs ("1 980 万瑞郎").
    const expected = { ar: /7 474/, zh: /1 980\s?万瑞郎/, en: /7 474/, fr: /7 474/, ru: /7 474/, es: /7474/ };
    for (const lang of LANGUAGES) {
      const pdf = await env().app.inject({
        url: `/api/v1/reports/support-services.pdf?lang=${lang}`,
        headers,
      });
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      const file = `.tmp/support-services/${env().kind}-${lang}.pdf`;
      writeFileSync(file, pdf.rawPayload);
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(
        /[\u202f]/g,
        " ",
      );
      expect(text, lang).toMatch(expected[lang]);
      expect(text, lang).toContain("C18/35");
      const docx = await env().app.inject({
        url: `/api/v1/reports/support-services.docx?lang=${lang}`,
        headers,
      });
      expect(docx.statusCode).toBe(200);
      expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    }
  });
});
