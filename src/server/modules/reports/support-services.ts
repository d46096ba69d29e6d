import { readFileSync } from "node:fs";
import { formatAmount, formatFigure, formatPeriod, formatQualified } from "#shared/figure-format.ts";
import {
  awaitsReview,
  type Figure,
  type Metric,
  REPORT_SECTIONS,
  type ReportSection,
} from "#shared/figures.ts";
import { type Language, LANGUAGES, localize } from "#shared/languages.ts";
import type { ReportBlock, ReportDocument, ReportInline } from "#shared/report-document.ts";
import type { Ctx } from "../../core/context.ts";
import { listFigures, listMetrics } from "../figures/figures.service.ts";

/**
 * The wording of the support-services report in one language, written by hand in
 * `templates/<lang>.json` (a translator's work, never machine-translated). A clause missing in a
 * language is reported and replaced by that language's generic wording, never by another language.
 */
export interface ReportWording {
  title: string;
  subtitle: string;
  notesHeading: string;
  paragraph: string;
  clauseSeparator: string;
  lastClauseSeparator: string;
  note: string;
  noteAssumed: string;
  contradiction: string;
  /** Every contradiction of the figure was reviewed: both figures stay, for reasons recorded. */
  contradictionReviewed: string;
  definition: string;
  scope: Record<string, string>;
  table: Record<"caption" | "period" | "figure" | "value" | "scope", string>;
  budgetTable: Record<"caption" | "period" | "actual" | "budget" | "variance" | "variancePercent", string>;
  sections: Partial<Record<ReportSection, string>>;
  generic: Record<Figure["kind"], string>;
  clauses: Record<string, string>;
}

const wordingCache = new Map<Language, ReportWording>();

export function reportWording(lang: Language): ReportWording {
  let wording = wordingCache.get(lang);
  if (!wording) {
    wording = JSON.parse(
      readFileSync(new URL(`./templates/${lang}.json`, import.meta.url), "utf8"),
    ) as ReportWording;
    wordingCache.set(lang, wording);
  }
  return wording;
}

/** Which clause templates exist in some language but not in this one. */
export function missingClauses(lang: Language): string[] {
  const own = reportWording(lang).clauses;
  const all = new Set(LANGUAGES.flatMap((l) => Object.keys(reportWording(l).clauses)));
  return [...all].filter((key) => !(key in own)).sort();
}

function fill(template: string, values: Record<string, string>): string {
  return template
    .replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
    .replace(/ {2,}/g, " ")
    .replace(/ +([,.;:)،؛])/g, "$1")
    .trim();
}

/** Sentences start with a capital where the script has them. */
function capitalized(text: string, lang: Language): string {
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}

export interface ReportPeriod {
  from: string;
  to: string;
}

export interface SupportServicesOptions {
  lang: Language;
  /** Only figures whose whole period lies within it; all figures when absent. */
  period?: ReportPeriod;
}

/**
 * Drafts the S.1–S.16 support-services section from the recorded figures: per section a heading,
 * one paragraph per reporting period (its figures as clauses, each with an endnote to its record),
 * a table of the section's figures, and sales-against-budget tables where figures are compared.
 */
export async function draftSupportServices(
  ctx: Ctx,
  options: SupportServicesOptions,
): Promise<ReportDocument> {
  const { lang, period } = options;
  const wording = reportWording(lang);
  const metrics = new Map((await listMetrics(ctx)).entries.map((m) => [m.id, m]));
  const all = (await listFigures(ctx, {})).entries;
  const byId = new Map(all.map((f) => [f.id, f]));
  const figures = all.filter((f) => !period || (f.periodStart >= period.from && f.periodEnd <= period.to));
  const missing = new Set<string>();
  const notes: string[] = [];
  const noteOf = new Map<string, number>();

  const periodOf = (f: Figure) => formatPeriod(f.periodStart, f.periodEnd, lang, f.periodSince);
  const metricName = (m: Metric) => localize(m.name, m.originalLanguage, lang).text;
  const note = (f: Figure): ReportInline => {
    let n = noteOf.get(f.id);
    if (!n) {
      notes.push(
        fill(wording.note, {
          symbol: f.source.symbol,
          section: f.source.section ?? "",
          assumed: f.source.symbolAssumed ? wording.noteAssumed : "",
          period: periodOf(f),
          record: f.id.slice(0, 8),
        }),
      );
      n = notes.length;
      noteOf.set(f.id, n);
    }
    return { note: n };
  };
  const scopePhrase = (f: Figure) =>
    [
      f.scope.place ? wording.scope[f.scope.place] : "",
      f.scope.unitCode ? fill(wording.scope.unit ?? "{unit}", { unit: f.scope.unitCode }) : "",
    ]
      .filter(Boolean)
      .join(" ");
  const scopeLabel = (f: Figure) =>
    [
      f.scope.place ? wording.scope[f.scope.place] : "",
      f.scope.unitCode ?? "",
      f.scope.category ? wording.scope[f.scope.category] : "",
    ]
      .filter(Boolean)
      .join(", ") ||
    wording.scope.none ||
    "—";

  const clause = (f: Figure, m: Metric): string => {
    const key = `${m.code}.${f.kind}`;
    // Templates speak of increases; a fall takes the generic wording, whose value carries the sign.
    const own = f.kind === "change" && f.value < 0 ? undefined : wording.clauses[key];
    if (!own && LANGUAGES.some((l) => key in reportWording(l).clauses)) missing.add(key);
    const values = {
      value: formatQualified(f.kind === "change" ? Math.abs(f.value) : f.value, f.unit, f.qualifier, lang),
      change: formatFigure(f, lang),
      figure: formatFigure(f, lang),
      scope: scopePhrase(f),
      metric: metricName(m),
    };
    return fill(own ?? wording.generic[f.kind], values);
  };

  const blocks: ReportBlock[] = [];
  for (const section of REPORT_SECTIONS) {
    const own = figures.filter((f) => metrics.get(f.metricId)?.section === section);
    if (own.length === 0) continue;
    blocks.push({ kind: "heading", level: 1, text: wording.sections[section] ?? section });
    const groups = new Map<string, Figure[]>();
    for (const f of own) {
      const key = `${f.periodStart}|${f.periodEnd}|${f.periodSince ?? ""}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    // Reporting periods in the order they ended, the longer of two ending together last: the
    // seed's own order (each period's counts, then the totals since PP-14).
    const ordered = [...groups.values()].sort(
      (a, b) =>
        a[0]!.periodEnd.localeCompare(b[0]!.periodEnd) || b[0]!.periodStart.localeCompare(a[0]!.periodStart),
    );
    for (const group of ordered) {
      const [before, after = ""] = wording.paragraph.split("{clauses}");
      const runs: ReportInline[] = [
        { text: capitalized(fill(before ?? "", { period: periodOf(group[0]!) }), lang) },
      ];
      // The template's own spacing around {clauses} matters ("{period}, {clauses}."): keep it.
      if (before?.endsWith(" ")) (runs[0] as { text: string }).text += " ";
      group.forEach((f, i) => {
        if (i > 0)
          runs.push({ text: i === group.length - 1 ? wording.lastClauseSeparator : wording.clauseSeparator });
        runs.push({ text: clause(f, metrics.get(f.metricId)!) }, note(f));
        if (f.contradictions.length) {
          runs.push({ text: ` ${awaitsReview(f) ? wording.contradiction : wording.contradictionReviewed}` });
        }
      });
      runs.push({ text: fill(after, {}) });
      blocks.push({ kind: "paragraph", runs });
    }
    blocks.push({
      kind: "table",
      caption: fill(wording.table.caption, { section: section }),
      header: [wording.table.period, wording.table.figure, wording.table.value, wording.table.scope],
      numeric: [false, false, true, false],
      rows: own.map((f) => [
        [{ text: periodOf(f) }],
        [{ text: metricName(metrics.get(f.metricId)!) }],
        [{ text: formatFigure(f, lang) }, note(f)],
        [{ text: scopeLabel(f) }],
      ]),
    });
    // What a count means when it is not obvious (members, not memberships per Sector) is said
    // in the report itself, not left to a footnote in the catalogue.
    for (const m of [...new Set(own.map((f) => metrics.get(f.metricId)!))]) {
      if (m.definition)
        blocks.push({
          kind: "paragraph",
          runs: [
            {
              text: fill(wording.definition, {
                metric: metricName(m),
                definition: localize(m.definition, m.originalLanguage, lang).text,
              }),
            },
          ],
        });
    }
    for (const m of [...new Set(own.map((f) => metrics.get(f.metricId)!))]) {
      const compared = own.filter(
        (f) =>
          f.metricId === m.id && f.kind === "total" && f.comparisons.some((c) => c.relation === "budget"),
      );
      if (compared.length === 0) continue;
      blocks.push({
        kind: "table",
        caption: fill(wording.budgetTable.caption, { metric: metricName(m) }),
        header: [
          wording.budgetTable.period,
          wording.budgetTable.actual,
          wording.budgetTable.budget,
          wording.budgetTable.variance,
          wording.budgetTable.variancePercent,
        ],
        numeric: [false, true, true, true, true],
        rows: compared.flatMap((actual) => {
          const budget = byId.get(actual.comparisons.find((c) => c.relation === "budget")!.figureId);
          if (!budget) return [];
          const difference = actual.value - budget.value;
          return [
            [
              [{ text: periodOf(actual) }],
              [{ text: formatQualified(actual.value, actual.unit, actual.qualifier, lang) }, note(actual)],
              [{ text: formatQualified(budget.value, budget.unit, budget.qualifier, lang) }, note(budget)],
              [{ text: formatAmount(difference, actual.unit, lang) }],
              [{ text: formatAmount(Math.round((difference / budget.value) * 1000) / 10, "percent", lang) }],
            ],
          ];
        }),
      });
    }
  }

  const starts = figures.map((f) => f.periodStart).sort();
  const ends = figures.map((f) => f.periodEnd).sort();
  const covered = period ?? (starts.length ? { from: starts[0]!, to: ends[ends.length - 1]! } : null);
  return {
    lang,
    title: wording.title,
    subtitle: fill(wording.subtitle, {
      count: String(figures.length),
      period: covered ? formatPeriod(covered.from, covered.to, lang) : "—",
    }),
    blocks,
    notes,
    notesHeading: wording.notesHeading,
    missing: [...missing].sort().map((template) => ({ template, lang })),
  };
}

/**
 * A period as people type it: `2016-03..2017-02` (months), `2016..2017` (years) or full dates;
 * each end widened to the whole month or year. Null when unreadable or reversed.
 */
export function parseReportPeriod(text: string): ReportPeriod | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\.\.(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [, y1, m1, d1, y2, m2, d2] = m;
  const from = `${y1}-${m1 ?? "01"}-${d1 ?? "01"}`;
  const lastDay = (y: string, mo: string) => new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  const to = `${y2}-${m2 ?? "12"}-${d2 ?? String(lastDay(y2!, m2 ?? "12")).padStart(2, "0")}`;
  const valid = (iso: string) =>
    !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) &&
    new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);
  if (!valid(from) || !valid(to) || to < from) return null;
  return { from, to };
}
