import type { OverlapProfile } from "./overlap.profile.ts";

/**
 * How alike two activities are, as the probability that they are duplicated effort: a logistic model
 * over evidence a person can check (shared concepts and words, shared areas and SDG targets, type,
 * period, audience, deliverable), with weights fitted on the labelled set in data/overlap-eval and
 * shipped in data/overlap-model/weights.json.
 */

/** Document frequencies of the corpus being compared: rare shared evidence counts for more. */
export interface CorpusStats {
  documents: number;
  frequency: Map<string, number>;
}

export function corpusStats(profiles: Iterable<OverlapProfile>): CorpusStats {
  const frequency = new Map<string, number>();
  let documents = 0;
  for (const p of profiles) {
    documents++;
    for (const key of featureKeys(p)) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  }
  return { documents, frequency };
}

/** Every key a profile contributes to the corpus statistics and the candidate index. */
export function featureKeys(p: OverlapProfile): string[] {
  return [
    ...[...p.concepts.keys()].map((c) => `c:${c}`),
    ...p.terms.keys(),
    ...[...p.codes].map((c) => `#:${c}`),
  ];
}

export function idf(stats: CorpusStats, key: string): number {
  return Math.log((stats.documents + 1) / ((stats.frequency.get(key) ?? 0) + 1)) + 1;
}

function weighted(stats: CorpusStats, entries: Iterable<[string, number]>): Map<string, number> {
  const vector = new Map<string, number>();
  for (const [key, tf] of entries) vector.set(key, (1 + Math.log(tf)) * idf(stats, key));
  return vector;
}

/** A profile with its weighted vectors computed once per scan, not once per pair. */
export interface PreparedProfile {
  profile: OverlapProfile;
  concepts: Map<string, number>;
  conceptNorm: number;
  terms: Map<string, number>;
  termNorm: number;
}

const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((sum, x) => sum + x * x, 0));

export function prepare(profile: OverlapProfile, stats: CorpusStats): PreparedProfile {
  const concepts = weighted(stats, themeConcepts(profile));
  const terms = weighted(stats, [
    ...profile.terms,
    ...[...profile.codes].map((c): [string, number] => [`#:${c}`, 1]),
  ]);
  return { profile, concepts, conceptNorm: norm(concepts), terms, termNorm: norm(terms) };
}

function cosine(a: Map<string, number>, normA: number, b: Map<string, number>, normB: number): number {
  if (!normA || !normB) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [key, x] of small) {
    const y = large.get(key);
    if (y !== undefined) dot += x * y;
  }
  return dot / (normA * normB);
}

/** The similarity of content alone, cheap: what a scan checks before gathering the evidence. */
export function contentSimilarity(a: PreparedProfile, b: PreparedProfile): number {
  return Math.max(
    cosine(a.concepts, a.conceptNorm, b.concepts, b.conceptNorm),
    cosine(a.terms, a.termNorm, b.terms, b.termNorm),
  );
}

const jaccard = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>) => {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
};

const intersect = <T>(a: Iterable<T>, b: ReadonlySet<T>) => [...a].filter((x) => b.has(x));

function yearsBetween(a: OverlapProfile, b: OverlapProfile): number {
  const endA = a.subject.end ?? "9999-12-31";
  const endB = b.subject.end ?? "9999-12-31";
  if (a.subject.start <= endB && b.subject.start <= endA) return 0;
  const gapDays =
    a.subject.start > endB
      ? (Date.parse(a.subject.start) - Date.parse(endB)) / 86_400_000
      : (Date.parse(b.subject.start) - Date.parse(endA)) / 86_400_000;
  return gapDays / 365.25;
}

/** The features the model reads, each in [0, 1], named so weights and evidence line up. */
export const FEATURES = [
  "bias",
  "conceptSimilarity",
  "termSimilarity",
  "contentSimilarity",
  "sharedCodes",
  "sharedAreas",
  "sharedTargets",
  "sameType",
  "periodsOverlap",
  "periodGap",
  "regionsDisjoint",
  "deliverablesDisjoint",
  "deliverablesShared",
  "audiencesDisjoint",
  "titleSimilarity",
  "sharedEvidence",
  "crossLanguage",
] as const;
export type Feature = (typeof FEATURES)[number];

/** Concept vectors without the concepts compared on their own (regions, deliverables). */
function themeConcepts(p: OverlapProfile): [string, number][] {
  return [...p.concepts]
    .filter(([c]) => !p.regions.has(c) && !p.deliverables.has(c))
    .map(([c, n]) => [`c:${c}`, n]);
}

/** How much of the two titles' rare words and concepts they share (idf-weighted Dice). */
function titleOverlap(pa: PreparedProfile, pb: PreparedProfile): number {
  const weightOf = (p: PreparedProfile, key: string) =>
    (key.startsWith("c:") ? p.concepts.get(key) : p.terms.get(key)) ?? 0;
  let shared = 0;
  let total = 0;
  for (const key of pa.profile.titleKeys) {
    total += weightOf(pa, key);
    if (pb.profile.titleKeys.has(key)) shared += weightOf(pa, key) + weightOf(pb, key);
  }
  for (const key of pb.profile.titleKeys) total += weightOf(pb, key);
  return total ? shared / total : 0;
}

/** The weight of everything the two share, concepts and words: rare shared evidence adds up. */
function sharedWeight(pa: PreparedProfile, pb: PreparedProfile): number {
  let sum = 0;
  for (const [key, x] of pa.concepts) if (pb.concepts.has(key)) sum += Math.min(x, pb.concepts.get(key)!);
  for (const [key, x] of pa.terms) if (pb.terms.has(key)) sum += Math.min(x, pb.terms.get(key)!);
  return sum;
}

/** What is true of the pair, whatever the model makes of it: what the evidence list states. */
export interface PairFacts {
  sameType: boolean;
  periodsOverlap: boolean;
  yearsApart: number;
  regionsDisjoint: boolean;
  deliverablesDisjoint: boolean;
  deliverablesShared: boolean;
  audiencesDisjoint: boolean;
  crossLanguage: boolean;
}

export interface PairEvidence {
  features: Record<Feature, number>;
  facts: PairFacts;
  sharedConcepts: string[];
  sharedTerms: string[];
  sharedCodes: string[];
  sharedAreas: string[];
  sharedTargets: string[];
}

export function compare(pa: PreparedProfile, pb: PreparedProfile): PairEvidence {
  const [a, b] = [pa.profile, pb.profile];
  const conceptSimilarity = cosine(pa.concepts, pa.conceptNorm, pb.concepts, pb.conceptNorm);
  const termSimilarity = cosine(pa.terms, pa.termNorm, pb.terms, pb.termNorm);
  const sharedCodes = intersect(a.codes, b.codes);
  const areasA = new Set(a.subject.areaSlugs);
  const areasB = new Set(b.subject.areaSlugs);
  const targetsA = new Set(a.subject.sdgTargets);
  const targetsB = new Set(b.subject.sdgTargets);
  const gap = yearsBetween(a, b);
  const sharedLanguage = [...a.languages].some((l) => b.languages.has(l));
  const disjoint = (x: ReadonlySet<string>, y: ReadonlySet<string>) =>
    x.size > 0 && y.size > 0 && intersect(x, y).length === 0;
  const facts: PairFacts = {
    sameType: a.subject.type === b.subject.type,
    periodsOverlap: gap === 0,
    yearsApart: +gap.toFixed(1),
    regionsDisjoint: disjoint(a.regions, b.regions),
    deliverablesDisjoint: disjoint(a.deliverables, b.deliverables),
    deliverablesShared: intersect(a.deliverables, b.deliverables).length > 0,
    audiencesDisjoint: disjoint(a.audiences, b.audiences),
    crossLanguage: !sharedLanguage,
  };
  // What the activities share by their records (type, period, areas, targets) counts in proportion
  // to how alike their texts are: two unrelated events in the same year are not evidence of
  // anything, and neither is a pair's being in two languages.
  const content = Math.max(conceptSimilarity, termSimilarity);
  const features: Record<Feature, number> = {
    bias: 1,
    conceptSimilarity,
    termSimilarity,
    contentSimilarity: content,
    sharedCodes: Math.min(1, sharedCodes.length / 2),
    sharedAreas: jaccard(areasA, areasB) * content,
    sharedTargets: jaccard(targetsA, targetsB) * content,
    sameType: facts.sameType ? content : 0,
    periodsOverlap: facts.periodsOverlap ? content : 0,
    periodGap: Math.min(1, gap / 3),
    regionsDisjoint: facts.regionsDisjoint ? 1 : 0,
    deliverablesDisjoint: facts.deliverablesDisjoint ? 1 : 0,
    deliverablesShared: facts.deliverablesShared ? content : 0,
    audiencesDisjoint: facts.audiencesDisjoint ? 1 : 0,
    titleSimilarity: titleOverlap(pa, pb),
    sharedEvidence: Math.min(1, sharedWeight(pa, pb) / 40),
    crossLanguage: facts.crossLanguage ? conceptSimilarity : 0,
  };
  const strongest = (x: Map<string, number>, y: Map<string, number>) =>
    [...x.keys()]
      .filter((k) => y.has(k))
      .sort((k1, k2) => y.get(k2)! * x.get(k2)! - y.get(k1)! * x.get(k1)!)
      .slice(0, 8);
  return {
    features,
    facts,
    sharedConcepts: strongest(pa.concepts, pb.concepts).map((k) => k.slice(2)),
    sharedTerms: strongest(pa.terms, pb.terms)
      .filter((k) => !k.startsWith("#:"))
      .map((k) => k.slice(k.indexOf(":") + 1)),
    sharedCodes,
    sharedAreas: intersect(areasA, areasB),
    sharedTargets: intersect(targetsA, targetsB),
  };
}

export interface OverlapModel {
  weights: Record<Feature, number>;
  /** At or above: a likely duplicate (the inbox's and the scan's `likely`). */
  likely: number;
  /** Below: not reported at all. */
  floor: number;
}

export function probability(model: OverlapModel, features: Record<Feature, number>): number {
  let z = 0;
  for (const f of FEATURES) z += (model.weights[f] ?? 0) * features[f];
  return 1 / (1 + Math.exp(-z));
}

/** Fits the weights by gradient descent on the log loss, with a light L2 penalty (bias excepted). */
export function fit(
  samples: { features: Record<Feature, number>; duplicate: boolean }[],
  { epochs = 4000, rate = 0.5, l2 = 0.001 } = {},
): Record<Feature, number> {
  const w = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<Feature, number>;
  const n = samples.length;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gradient = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<Feature, number>;
    for (const s of samples) {
      let z = 0;
      for (const f of FEATURES) z += w[f] * s.features[f];
      const error = 1 / (1 + Math.exp(-z)) - (s.duplicate ? 1 : 0);
      for (const f of FEATURES) gradient[f] += error * s.features[f];
    }
    for (const f of FEATURES) w[f] -= rate * (gradient[f] / n + (f === "bias" ? 0 : l2 * w[f]));
  }
  return w;
}
