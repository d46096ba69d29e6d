import type { FigureKind, PeriodTotal, Qualifier } from "#shared/figures.ts";

/** The part of a figure the rules look at. */
export interface StatedFigure {
  id: string;
  kind: FigureKind;
  value: number;
  qualifier: Qualifier;
  periodStart: string;
  periodEnd: string;
  /** Figures are compared only within one scope (place, unit, member category). */
  scopeKey: string;
}

/**
 * How far "about" may stray: ±10 %. Sources round "about" figures to two or three significant
 * digits, so a tighter band would flag honest rounding as contradiction.
 */
export const ABOUT_TOLERANCE = 0.1;

/** The values a stated figure allows; "exact" means exactly as stated (no rounding band). */
export function bounds(f: Pick<StatedFigure, "value" | "qualifier">): {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
} {
  const v = f.value;
  switch (f.qualifier) {
    case "exact":
      return { low: v, high: v, lowOpen: false, highOpen: false };
    case "about":
      return {
        low: v - Math.abs(v) * ABOUT_TOLERANCE,
        high: v + Math.abs(v) * ABOUT_TOLERANCE,
        lowOpen: false,
        highOpen: false,
      };
    case "more_than":
      return { low: v, high: Infinity, lowOpen: true, highOpen: false };
    case "at_least":
      return { low: v, high: Infinity, lowOpen: false, highOpen: false };
    case "less_than":
      return { low: -Infinity, high: v, lowOpen: false, highOpen: true };
    case "at_most":
      return { low: -Infinity, high: v, lowOpen: false, highOpen: false };
  }
}

type Bounds = ReturnType<typeof bounds>;

function disjoint(a: Bounds, b: Bounds): boolean {
  const aBelow = a.high < b.low || (a.high === b.low && (a.highOpen || b.lowOpen));
  const bBelow = b.high < a.low || (b.high === a.low && (b.highOpen || a.lowOpen));
  return aBelow || bBelow;
}

export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function previousDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const within = (inner: StatedFigure, outer: StatedFigure) =>
  inner.periodStart >= outer.periodStart && inner.periodEnd <= outer.periodEnd;
const samePeriod = (a: StatedFigure, b: StatedFigure) =>
  a.periodStart === b.periodStart && a.periodEnd === b.periodEnd;

/**
 * The largest sum a set of non-overlapping figures can reach (weighted interval scheduling over
 * their lowest allowed values), with the figures that reach it: what a containing total must hold.
 */
function heaviestDisjoint(figures: StatedFigure[]): { sum: number; ids: string[] } {
  const sorted = [...figures].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
  const best: { sum: number; ids: string[] }[] = [{ sum: 0, ids: [] }];
  sorted.forEach((f, i) => {
    let j = i - 1;
    while (j >= 0 && sorted[j]!.periodEnd >= f.periodStart) j--;
    const low = Math.max(0, bounds(f).low);
    const take = { sum: best[j + 1]!.sum + low, ids: [...best[j + 1]!.ids, f.id] };
    best.push(take.sum > best[i]!.sum ? take : best[i]!);
  });
  return best[best.length - 1]!;
}

/**
 * Pairs of figures of one metric that cannot both be true. Both stay stored; each is flagged with
 * the others it disagrees with, for someone to review:
 * - the same kind, period and scope with values no qualifier reconciles (1 673 vs 1 672);
 * - for a metric whose values add up, a total over a period smaller than what the figures inside
 *   it already add up to, or a period tiled exactly by exact figures whose sum differs from it.
 */
export function findContradictions(figures: StatedFigure[], additive: boolean): Map<string, Set<string>> {
  const flagged = new Map<string, Set<string>>();
  const flag = (a: string, b: string) => {
    if (a === b) return;
    (flagged.get(a) ?? flagged.set(a, new Set()).get(a)!).add(b);
    (flagged.get(b) ?? flagged.set(b, new Set()).get(b)!).add(a);
  };
  const byScope = new Map<string, StatedFigure[]>();
  for (const f of figures) (byScope.get(f.scopeKey) ?? byScope.set(f.scopeKey, []).get(f.scopeKey)!).push(f);

  for (const group of byScope.values()) {
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        if (a.kind === b.kind && samePeriod(a, b) && disjoint(bounds(a), bounds(b))) flag(a.id, b.id);
      }
    if (!additive) continue;
    const totals = group.filter((f) => f.kind === "total");
    for (const outer of totals) {
      const inside = totals.filter((f) => f !== outer && within(f, outer) && !samePeriod(f, outer));
      if (inside.length === 0) continue;
      const heaviest = heaviestDisjoint(inside);
      const outerBounds = bounds(outer);
      if (heaviest.sum > outerBounds.high || (heaviest.sum === outerBounds.high && outerBounds.highOpen))
        for (const id of heaviest.ids) flag(outer.id, id);
      const tiling = exactTiling(
        inside.filter((f) => f.qualifier === "exact"),
        outer.periodStart,
        outer.periodEnd,
      );
      if (tiling && outer.qualifier === "exact") {
        const sum = tiling.reduce((s, f) => s + f.value, 0);
        if (Math.abs(sum - outer.value) > 1e-9 * Math.max(1, Math.abs(outer.value)))
          for (const f of tiling) flag(outer.id, f.id);
      }
    }
  }
  return flagged;
}

/** A chain of figures covering [from, to] day by day with no gap and no overlap, if there is one. */
export function exactTiling(figures: StatedFigure[], from: string, to: string): StatedFigure[] | null {
  const byStart = new Map<string, StatedFigure[]>();
  for (const f of figures)
    if (f.periodStart >= from && f.periodEnd <= to)
      (byStart.get(f.periodStart) ?? byStart.set(f.periodStart, []).get(f.periodStart)!).push(f);
  const seen = new Set<string>();
  // Depth-first, longest pieces first: fewer figures make a sturdier total.
  const walk = (at: string): StatedFigure[] | null => {
    if (seen.has(at)) return null;
    seen.add(at);
    const candidates = [...(byStart.get(at) ?? [])].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd));
    for (const f of candidates) {
      if (f.periodEnd === to) return [f];
      const rest = walk(nextDay(f.periodEnd));
      if (rest) return [f, ...rest];
    }
    return null;
  };
  return walk(from);
}

/** What a sum of qualified parts may be called: exact if all are; one kind of approximation keeps its word; bounds of one direction stay bounds. */
function qualifierOfSum(parts: Qualifier[]): Qualifier | null {
  const kinds = new Set(parts.filter((q) => q !== "exact"));
  if (kinds.size === 0) return "exact";
  if (kinds.size === 1) return [...kinds][0]!;
  if ([...kinds].every((q) => q === "more_than" || q === "at_least")) return "more_than";
  if ([...kinds].every((q) => q === "less_than" || q === "at_most")) return "less_than";
  return null;
}

/**
 * The total of a metric over [from, to] — only from one figure of exactly that period or from
 * figures that tile it exactly; otherwise every reason there is none (the gaps and overlaps found).
 */
export function totalOverPeriod(
  figures: StatedFigure[],
  additive: boolean,
  from: string,
  to: string,
): PeriodTotal {
  const totals = figures.filter((f) => f.kind === "total");
  const exact = totals.find((f) => f.periodStart === from && f.periodEnd === to);
  if (exact)
    return { status: "computed", value: exact.value, qualifier: exact.qualifier, figureIds: [exact.id] };
  const inside = totals.filter((f) => f.periodStart >= from && f.periodEnd <= to);
  if (inside.length === 0) return { status: "not_computable", reasons: [{ reason: "no_figures", from, to }] };
  if (!additive) return { status: "not_computable", reasons: [{ reason: "not_additive" }] };
  const tiling = exactTiling(inside, from, to);
  if (tiling) {
    const qualifier = qualifierOfSum(tiling.map((f) => f.qualifier));
    if (!qualifier) return { status: "not_computable", reasons: [{ reason: "qualifiers_disagree" }] };
    return {
      status: "computed",
      value: tiling.reduce((s, f) => s + f.value, 0),
      qualifier,
      figureIds: tiling.map((f) => f.id),
    };
  }
  return { status: "not_computable", reasons: coverageProblems(inside, from, to) };
}

/**
 * The stretches of [from, to] no figure covers, and those more than one covers: a sweep over the
 * days where coverage changes, adjacent stretches of the same kind merged.
 */
function coverageProblems(
  figures: StatedFigure[],
  from: string,
  to: string,
): { reason: "gap" | "overlap"; from: string; to: string }[] {
  const change = new Map<string, number>();
  const bump = (day: string, by: number) => change.set(day, (change.get(day) ?? 0) + by);
  for (const f of figures) {
    bump(f.periodStart, 1);
    bump(nextDay(f.periodEnd), -1);
  }
  bump(from, 0);
  const days = [...change.keys()].filter((d) => d <= to).sort();
  const problems: { reason: "gap" | "overlap"; from: string; to: string }[] = [];
  let depth = 0;
  days.forEach((day, i) => {
    depth += change.get(day)!;
    const until = i + 1 < days.length ? previousDay(days[i + 1]!) : to;
    if (day < from || until < day) return;
    const reason = depth === 0 ? "gap" : depth > 1 ? "overlap" : null;
    if (!reason) return;
    const last = problems[problems.length - 1];
    if (last && last.reason === reason && nextDay(last.to) === day) last.to = until;
    else problems.push({ reason, from: day, to: until });
  });
  return problems;
}
