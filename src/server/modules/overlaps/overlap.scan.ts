import { readFileSync } from "node:fs";
import type { OverlapEvidence } from "#shared/overlaps.ts";
import type { OverlapProfile } from "./overlap.profile.ts";
import {
  compare,
  contentSimilarity,
  type CorpusStats,
  corpusStats,
  idf,
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

/**
 * The keys that index an activity: its rarest concepts (what it is about, in any language) and,
 * separately, its rarest words and codes (how it says it) — so rare words never crowd out the
 * concepts a translation shares.
 */
export function indexKeys(p: PreparedProfile, stats: CorpusStats, k: number) {
  const limit = Math.min(POSTING_LIMIT, Math.max(20, stats.documents * 0.02));
  const rarest = (keys: Iterable<string>, n: number) =>
    [...keys]
      .filter((key) => (stats.frequency.get(key) ?? 0) <= limit)
      .sort((x, y) => idf(stats, y) - idf(stats, x) || (x < y ? -1 : 1))
      .slice(0, n);
  const half = Math.ceil(k / 2);
  return [...rarest(p.concepts.keys(), half), ...rarest(p.terms.keys(), k - half)];
}

/**
 * Index pairs [i, j] (i < j) of different units worth scoring: for each activity, the later
 * activities that share its indexed keys, ranked by the weight of what they share, the first few
 * kept if their content is alike enough. The work per activity is bounded (keys × posting limit),
 * so a scan grows with the corpus, not with its square.
 */
export function* candidatePairs(
  prepared: readonly PreparedProfile[],
  stats: CorpusStats,
  { keysPerActivity = 16, comparedPerActivity = 20, minContent = 0.08, progress }: ScanOptions = {},
): Generator<[number, number]> {
  const postings = new Map<string, number[]>();
  const keysOf = prepared.map((p, i) => {
    const keys = indexKeys(p, stats, keysPerActivity);
    for (const key of keys) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push(i);
    }
    return keys.map((key) => ({ postings: postings.get(key)!, weight: idf(stats, key) }));
  });
  const units = new Map<string, number>();
  const unitOf = Int32Array.from(prepared, (p) => {
    const code = p.profile.subject.unitCode;
    if (!units.has(code)) units.set(code, units.size);
    return units.get(code)!;
  });
  const shared = new Float64Array(prepared.length);
  const touched: number[] = [];
  for (let i = 0; i < prepared.length; i++) {
    for (const { postings: list, weight } of keysOf[i]!) {
      for (const j of list) {
        if (j <= i || unitOf[j] === unitOf[i]) continue;
        if (shared[j] === 0) touched.push(j);
        shared[j]! += weight;
      }
    }
    const ranked = touched.sort((x, y) => shared[y]! - shared[x]!).slice(0, comparedPerActivity);
    for (const j of touched) shared[j] = 0;
    touched.length = 0;
    const a = prepared[i]!;
    for (const j of ranked) if (contentSimilarity(a, prepared[j]!) >= minContent) yield [i, j];
    if (progress && (i % 1000 === 999 || i === prepared.length - 1)) progress(i + 1, prepared.length);
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
    const evidence = compare(a, b);
    const score = probability(model, evidence.features);
    if (score < model.floor) continue;
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
