import { readFileSync } from "node:fs";
import type { OverlapEvidence } from "#shared/overlaps.ts";
import type { OverlapProfile } from "./overlap.profile.ts";
import {
  assess,
  compare,
  contentSimilarity,
  type CorpusStats,
  corpusStats,
  keyName,
  type OverlapModel,
  type PairEvidence,
  prepare,
  type PreparedProfile,
  probability,
} from "./overlap.score.ts";

/**
 * A full scan without comparing all pairs: each activity is indexed under its few most distinctive
 * keys (concepts, words, codes — rarest first), and only activities of different units that share
 * one of them are compared. Keys carried by more than a small share of the corpus are not indexed:
 * they are the organization's common vocabulary, not evidence of duplication.
 */

export interface OverlapCandidate {
  a: OverlapProfile;
  b: OverlapProfile;
  score: number;
  likely: boolean;
  evidence: PairEvidence;
}

const MODEL_FILE = new URL("../../../../data/overlap-model/weights.json", import.meta.url);
let shipped: OverlapModel | null = null;

/** The model fitted on the labelled set (bench: `npm run bench -- overlaps` refits and evaluates it). */
export function overlapModel(): OverlapModel {
  shipped ??= JSON.parse(readFileSync(MODEL_FILE, "utf8")) as OverlapModel;
  return shipped;
}

export interface ScanOptions {
  /** How many keys index each activity. */
  keysPerActivity?: number;
  /** How many of the activities sharing its keys each activity is compared with, the most alike first. */
  comparedPerActivity?: number;
  /** Pairs whose content is less alike than this are not scored. */
  minContent?: number;
  progress?: (done: number, total: number) => void;
}

/** A key carried by more activities than this is common vocabulary, at any corpus size. */
const POSTING_LIMIT = 250;

/** The most activities a key may be carried by and still index them, for a corpus of this size. */
export const postingLimit = (documents: number) => Math.min(POSTING_LIMIT, Math.max(20, documents * 0.02));

/**
 * How many of the prepared profiles carry each key (by key number): the document frequencies the
 * index is chosen by, counted once rather than looked up by name for every key of every activity.
 */
function frequencies(prepared: readonly PreparedProfile[]): Int32Array {
  let size = 0;
  for (const p of prepared) {
    for (const k of p.concepts.keys) if (k >= size) size = k + 1;
    for (const k of p.terms.keys) if (k >= size) size = k + 1;
  }
  const df = new Int32Array(size);
  for (const p of prepared) {
    for (const k of p.concepts.keys) df[k]!++;
    for (const k of p.terms.keys) df[k]!++;
  }
  return df;
}

/**
 * The keys that index an activity: its rarest concepts (what it is about, in any language) and,
 * separately, its rarest words and codes (how it says it) — so rare words never crowd out the
 * concepts a translation shares. Rarest first; among equally rare keys, in the order of their names
 * (`rank`: that order, computed once for the corpus rather than by comparing names per activity).
 */
function rarestKeys(keys: Int32Array, df: Int32Array, rank: Int32Array, limit: number, n: number): number[] {
  const eligible: number[] = [];
  for (const k of keys) if (df[k]! <= limit) eligible.push(k);
  if (eligible.length > 1) eligible.sort((x, y) => rank[x]! - rank[y]!);
  return eligible.length > n ? eligible.slice(0, n) : eligible;
}

/** Every indexed key's place in the order rarest first, then by name. */
function rarityRank(df: Int32Array, limit: number): Int32Array {
  const indexed: number[] = [];
  for (let k = 0; k < df.length; k++) if (df[k]! > 0 && df[k]! <= limit) indexed.push(k);
  const names = new Map(indexed.map((k) => [k, keyName(k)]));
  indexed.sort((x, y) => df[x]! - df[y]! || (names.get(x)! < names.get(y)! ? -1 : 1));
  const rank = new Int32Array(df.length);
  indexed.forEach((k, i) => (rank[k] = i));
  return rank;
}

export function indexKeys(p: PreparedProfile, stats: CorpusStats, k: number): string[] {
  const limit = postingLimit(stats.documents);
  const df = (key: number) => stats.frequency.get(keyName(key)) ?? 0;
  const rarest = (keys: Int32Array, n: number) =>
    [...keys]
      .filter((key) => df(key) <= limit)
      .sort((x, y) => df(x) - df(y) || (keyName(x) < keyName(y) ? -1 : 1))
      .slice(0, n)
      .map(keyName);
  const half = Math.ceil(k / 2);
  return [...rarest(p.concepts.keys, half), ...rarest(p.terms.keys, k - half)];
}

/**
 * Index pairs [i, j] (i < j) of different units worth scoring: for each activity, the activities
 * (earlier or later) that carry its rarest keys, ranked by the weight of what they share, the first
 * few kept if their content is alike enough. Every activity is posted under all its uncommon keys,
 * not only its rarest: a translation's rarest keys are seldom its original's. The work per activity
 * is bounded (keys × posting limit), so a scan grows with the corpus, not with its square.
 */
export function* candidatePairs(
  prepared: readonly PreparedProfile[],
  stats: CorpusStats,
  { keysPerActivity = 16, comparedPerActivity = 20, minContent = 0.08, progress }: ScanOptions = {},
): Generator<[number, number]> {
  const n = prepared.length;
  const df = frequencies(prepared);
  const limit = postingLimit(stats.documents);
  const half = Math.ceil(keysPerActivity / 2);
  // The postings, one flat array (CSR): the activities indexed under key k are
  // members[start[k] .. start[k + 1]), in ascending order.
  const rank = rarityRank(df, limit);
  const keysOf = prepared.map((p) => [
    ...rarestKeys(p.concepts.keys, df, rank, limit, half),
    ...rarestKeys(p.terms.keys, df, rank, limit, keysPerActivity - half),
  ]);
  const start = new Int32Array(df.length + 1);
  for (let k = 0; k < df.length; k++) start[k + 1] = start[k]! + (df[k]! <= limit ? df[k]! : 0);
  const members = new Int32Array(start[df.length]!);
  const filled = start.slice(0, df.length);
  prepared.forEach((p, i) => {
    for (const k of p.concepts.keys) if (df[k]! <= limit) members[filled[k]!++] = i;
    for (const k of p.terms.keys) if (df[k]! <= limit) members[filled[k]!++] = i;
  });
  const idfOf = (k: number) => Math.log((stats.documents + 1) / (df[k]! + 1)) + 1;
  const units = new Map<string, number>();
  const unitOf = Int32Array.from(prepared, (p) => {
    const code = p.profile.subject.unitCode;
    if (!units.has(code)) units.set(code, units.size);
    return units.get(code)!;
  });
  const sharedWeight = new Float64Array(n);
  const touched = new Int32Array(n);
  // Each activity's shortlist, kept so that a pair met again from its other side is not scored twice.
  const shortlists = new Int32Array(n * comparedPerActivity).fill(-1);
  for (let i = 0; i < n; i++) {
    const ranked = shortlists.subarray(i * comparedPerActivity, (i + 1) * comparedPerActivity);
    let count = 0;
    for (const k of keysOf[i]!) {
      const weight = idfOf(k);
      for (let m = start[k]!, end = start[k + 1]!; m < end; m++) {
        const j = members[m]!;
        if (j === i || unitOf[j] === unitOf[i]) continue;
        if (sharedWeight[j] === 0) touched[count++] = j;
        sharedWeight[j]! += weight;
      }
    }
    // The first few by shared weight, ties in the order first met: a selection, not a sort of all.
    let kept = 0;
    for (let t = 0; t < count; t++) {
      const j = touched[t]!;
      const w = sharedWeight[j]!;
      if (kept === comparedPerActivity && sharedWeight[ranked[kept - 1]!]! >= w) continue;
      let at = kept < comparedPerActivity ? kept++ : kept - 1;
      while (at > 0 && sharedWeight[ranked[at - 1]!]! < w) {
        ranked[at] = ranked[at - 1]!;
        at--;
      }
      ranked[at] = j;
    }
    const a = prepared[i]!;
    for (let t = 0; t < count; t++) sharedWeight[touched[t]!] = 0;
    for (let t = 0; t < kept; t++) {
      const j = ranked[t]!;
      if (j < i && shortlists.subarray(j * comparedPerActivity, (j + 1) * comparedPerActivity).includes(i))
        continue;
      if (contentSimilarity(a, prepared[j]!) >= minContent) yield j < i ? [j, i] : [i, j];
    }
    if (progress && (i % 1000 === 999 || i === n - 1)) progress(i + 1, n);
  }
}

export function* scan(
  profiles: readonly OverlapProfile[],
  model: OverlapModel,
  options: ScanOptions = {},
): Generator<OverlapCandidate> {
  const stats = corpusStats(profiles);
  const prepared = profiles.map((p) => prepare(p, stats));
  for (const [i, j] of candidatePairs(prepared, stats, options)) {
    const [a, b] = [prepared[i]!, prepared[j]!];
    // The shared words are listed only for the pairs that are reported.
    const assessed = assess(a, b);
    const score = probability(model, assessed.features);
    if (score < model.floor) continue;
    const evidence = compare(a, b, assessed);
    yield { a: a.profile, b: b.profile, score, likely: score >= model.likely, evidence };
  }
}

/** One candidate as the scan prints it (`intersect overlaps scan --format jsonl`). */
export function candidateLine(c: OverlapCandidate) {
  const e = c.evidence;
  const evidence: OverlapEvidence[] = [];
  if (e.sharedConcepts.length) evidence.push({ kind: "shared_concepts", values: e.sharedConcepts });
  if (e.sharedTerms.length) evidence.push({ kind: "shared_terms", values: e.sharedTerms });
  if (e.sharedCodes.length) evidence.push({ kind: "shared_codes", values: e.sharedCodes });
  if (e.sharedAreas.length) evidence.push({ kind: "shared_areas", values: e.sharedAreas });
  if (e.sharedTargets.length) evidence.push({ kind: "shared_sdg_targets", values: e.sharedTargets });
  if (e.facts.sameType) evidence.push({ kind: "same_type", value: c.a.subject.type });
  if (e.facts.periodsOverlap) evidence.push({ kind: "overlapping_periods" });
  else evidence.push({ kind: "years_apart", value: e.facts.yearsApart });
  if (e.facts.regionsDisjoint)
    evidence.push({ kind: "different_regions", values: [[...c.a.regions], [...c.b.regions]] });
  if (e.facts.deliverablesDisjoint)
    evidence.push({ kind: "different_deliverables", values: [[...c.a.deliverables], [...c.b.deliverables]] });
  if (e.facts.crossLanguage) evidence.push({ kind: "across_languages" });
  return {
    a: c.a.subject.key,
    b: c.b.subject.key,
    score: +c.score.toFixed(3),
    likely: c.likely,
    evidence,
  };
}
