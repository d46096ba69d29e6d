import type { ActivityType } from "#shared/activities.ts";
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

/**
 * Keys as small integers, the same for the whole process: vectors become sorted typed arrays that
 * two profiles compare by a merge, without a string hashed per shared key in the hot loops of a scan.
 */
const keyNumbers = new Map<string, number>();
const keyNames: string[] = [];

export function keyNumber(key: string): number {
  let n = keyNumbers.get(key);
  if (n === undefined) {
    n = keyNames.length;
    keyNumbers.set(key, n);
    keyNames.push(key);
  }
  return n;
}

export const keyName = (n: number): string => keyNames[n]!;

/**
 * Key numbers of prefixed values (`c:` concepts, `#:` codes, `region:`…), found without building the
 * prefixed string again: the check on save prepares a hundred profiles per keystroke pause, and what
 * it allocates is what the collector pauses for.
 */
const prefixedNumbers = new Map<string, Map<string, number>>();

function prefixedKeyNumber(prefix: string, value: string): number {
  let numbers = prefixedNumbers.get(prefix);
  if (!numbers) prefixedNumbers.set(prefix, (numbers = new Map()));
  let n = numbers.get(value);
  if (n === undefined) numbers.set(value, (n = keyNumber(prefix + value)));
  return n;
}

/** An idf-weighted vector, keys ascending. */
export interface WeightedVector {
  keys: Int32Array;
  weights: Float64Array;
  norm: number;
}

/**
 * Scratch space for one vector or set being built, reused by every `prepare` (which never runs
 * twice at once): only the finished arrays are allocated.
 */
let scratchKeys = new Int32Array(1024);
let scratchWeights = new Float64Array(1024);
let scratchOrder = new Uint32Array(1024);

/** Room for `size` entries, keeping those already written. */
function scratchFor(size: number) {
  if (size <= scratchKeys.length) return;
  const length = Math.max(size, scratchKeys.length * 2);
  const [keys, weights] = [scratchKeys, scratchWeights];
  scratchKeys = new Int32Array(length);
  scratchWeights = new Float64Array(length);
  scratchOrder = new Uint32Array(length);
  scratchKeys.set(keys);
  scratchWeights.set(weights);
}

/** The first `size` scratch keys and weights as a new pair of arrays, ascending by key. */
function sortedFromScratch(size: number): { keys: Int32Array; weights: Float64Array } {
  const order = scratchOrder.subarray(0, size);
  for (let i = 0; i < size; i++) order[i] = i;
  order.sort((x, y) => scratchKeys[x]! - scratchKeys[y]!);
  const keys = new Int32Array(size);
  const weights = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    keys[i] = scratchKeys[order[i]!]!;
    weights[i] = scratchWeights[order[i]!]!;
  }
  return { keys, weights };
}

function vectorFromScratch(size: number): WeightedVector {
  const { keys, weights } = sortedFromScratch(size);
  let sum = 0;
  for (const w of weights) sum += w * w;
  return { keys, weights, norm: Math.sqrt(sum) };
}

const weightOf = (stats: CorpusStats, key: number, tf: number) =>
  (1 + Math.log(tf)) * idf(stats, keyName(key));

/** Concepts without those compared on their own (regions, deliverables), as an idf-weighted vector. */
function conceptVector(p: OverlapProfile, stats: CorpusStats): WeightedVector {
  scratchFor(p.concepts.size);
  let size = 0;
  for (const [concept, tf] of p.concepts) {
    if (p.regions.has(concept) || p.deliverables.has(concept)) continue;
    const key = prefixedKeyNumber("c:", concept);
    scratchKeys[size] = key;
    scratchWeights[size++] = weightOf(stats, key, tf);
  }
  return vectorFromScratch(size);
}

/** Word stems and codes, as an idf-weighted vector. */
function termVector(p: OverlapProfile, stats: CorpusStats): WeightedVector {
  scratchFor(p.terms.size + p.codes.size);
  let size = 0;
  for (const [term, tf] of p.terms) {
    const key = keyNumber(term);
    scratchKeys[size] = key;
    scratchWeights[size++] = weightOf(stats, key, tf);
  }
  for (const code of p.codes) {
    const key = prefixedKeyNumber("#:", code);
    scratchKeys[size] = key;
    scratchWeights[size++] = weightOf(stats, key, 1);
  }
  return vectorFromScratch(size);
}

/** A profile with its weighted vectors computed once per scan, not once per pair. */
export interface PreparedProfile {
  profile: OverlapProfile;
  concepts: WeightedVector;
  terms: WeightedVector;
  /** The title's keys (ascending) and their weights in the vectors above. */
  titleKeys: Int32Array;
  titleWeights: Float64Array;
  /** The period as days since 1970, open-ended as +∞. */
  startDay: number;
  endDay: number;
  /**
   * The profile's small sets (regions, countries, deliverable families, audiences, languages, codes)
   * and the record's areas and SDG targets as sorted key numbers: a scan compares a million pairs,
   * and merging two short integer arrays costs less than probing sets of strings.
   */
  sets: NumberedSets;
}

interface NumberedSets {
  regions: Int32Array;
  countries: Int32Array;
  deliverableFamilies: Int32Array;
  audiences: Int32Array;
  languages: Int32Array;
  codes: Int32Array;
  areas: Int32Array;
  targets: Int32Array;
}

/** Distinct values as ascending key numbers (the prefix keeps each kind apart). */
function numbered(prefix: string, values: Iterable<string>): Int32Array {
  let size = 0;
  for (const value of values) {
    scratchFor(size + 1);
    scratchKeys[size++] = prefixedKeyNumber(prefix, value);
  }
  const sorted = scratchKeys.subarray(0, size).sort();
  let distinct = 0;
  for (let i = 0; i < size; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  return scratchKeys.slice(0, distinct);
}

function numberedSets(p: OverlapProfile): NumberedSets {
  return {
    regions: numbered("region:", p.regions),
    countries: numbered("country:", p.countries),
    deliverableFamilies: numbered("family:", p.deliverableFamilies),
    audiences: numbered("audience:", p.audiences),
    languages: numbered("language:", p.languages),
    codes: numbered("#:", p.codes),
    areas: numbered("area:", p.subject.areaSlugs),
    targets: numbered("sdg:", p.subject.sdgTargets),
  };
}

const day = (iso: string) => Date.parse(iso) / 86_400_000;

export function prepare(profile: OverlapProfile, stats: CorpusStats): PreparedProfile {
  const concepts = conceptVector(profile, stats);
  const terms = termVector(profile, stats);
  scratchFor(profile.titleKeys.size);
  let size = 0;
  for (const key of profile.titleKeys) {
    const n = keyNumber(key);
    scratchKeys[size] = n;
    scratchWeights[size++] = weightIn(key.startsWith("c:") ? concepts : terms, n);
  }
  const title = sortedFromScratch(size);
  return {
    profile,
    concepts,
    terms,
    titleKeys: title.keys,
    titleWeights: title.weights,
    startDay: day(profile.subject.start),
    endDay: profile.subject.end ? day(profile.subject.end) : Infinity,
    sets: numberedSets(profile),
  };
}

function weightIn(v: WeightedVector, key: number): number {
  let lo = 0;
  let hi = v.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = v.keys[mid]!;
    if (k === key) return v.weights[mid]!;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

function dot(a: WeightedVector, b: WeightedVector): number {
  const ak = a.keys;
  const bk = b.keys;
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < ak.length && j < bk.length) {
    const x = ak[i]!;
    const y = bk[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

function cosine(a: WeightedVector, b: WeightedVector): number {
  return a.norm && b.norm ? dot(a, b) / (a.norm * b.norm) : 0;
}

/** The similarity of content alone, cheap: what a scan checks before gathering the evidence. */
export function contentSimilarity(a: PreparedProfile, b: PreparedProfile): number {
  return Math.max(cosine(a.concepts, b.concepts), cosine(a.terms, b.terms));
}

/** How many values two ascending arrays of distinct key numbers share. */
function sharedCount(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

function jaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  const shared = sharedCount(a, b);
  return shared / (a.length + b.length - shared);
}

function common(a: Iterable<string>, b: readonly string[] | ReadonlySet<string>): string[] {
  const found: string[] = [];
  if (Array.isArray(b)) {
    for (const x of a) if (b.includes(x) && !found.includes(x)) found.push(x);
  } else {
    for (const x of a) if ((b as ReadonlySet<string>).has(x) && !found.includes(x)) found.push(x);
  }
  return found;
}

/** Both name something, and nothing in common. */
function disjoint(x: Int32Array, y: Int32Array): boolean {
  return x.length > 0 && y.length > 0 && sharedCount(x, y) === 0;
}

/**
 * What kind of effort each type of the registry records: a programme of work (a project, an
 * initiative and a service are often the same work entered twice under different types), a
 * document (a guideline, a publication, a Question's output), or an event. Work of two different
 * kinds is seldom the same work, however alike its subject: a training on a Recommendation and the
 * Question that develops it.
 */
const TYPE_FAMILY: Record<ActivityType, string> = {
  project: "work",
  initiative: "work",
  service: "work",
  guideline: "document",
  publication: "document",
  study_group_question: "document",
  event: "event",
};

const typeFamily = (type: string) => TYPE_FAMILY[type as ActivityType] ?? type;

function yearsBetween(a: PreparedProfile, b: PreparedProfile): number {
  if (a.startDay <= b.endDay && b.startDay <= a.endDay) return 0;
  const gapDays = a.startDay > b.endDay ? a.startDay - b.endDay : b.startDay - a.endDay;
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
  "typeFamiliesDiffer",
  "periodsOverlap",
  "periodGap",
  "regionsDisjoint",
  "deliverablesDisjoint",
  "audiencesDisjoint",
  "titleSimilarity",
  "sharedEvidence",
  "crossLanguage",
] as const;
export type Feature = (typeof FEATURES)[number];

/** How much of the two titles' rare words and concepts they share (idf-weighted Dice). */
function titleOverlap(pa: PreparedProfile, pb: PreparedProfile): number {
  const ak = pa.titleKeys;
  const bk = pb.titleKeys;
  let total = 0;
  for (const w of pa.titleWeights) total += w;
  for (const w of pb.titleWeights) total += w;
  if (!total) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < ak.length && j < bk.length;) {
    if (ak[i] === bk[j]) shared += pa.titleWeights[i++]! + pb.titleWeights[j++]!;
    else if (ak[i]! < bk[j]!) i++;
    else j++;
  }
  return shared / total;
}

/**
 * What two vectors share: their dot product and the sum of the smaller weights (rare shared
 * evidence adds up).
 */
function overlapOf(a: WeightedVector, b: WeightedVector): { product: number; overlap: number } {
  const ak = a.keys;
  const bk = b.keys;
  let product = 0;
  let overlap = 0;
  for (let i = 0, j = 0; i < ak.length && j < bk.length;) {
    const x = ak[i]!;
    const y = bk[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      const wa = a.weights[i++]!;
      const wb = b.weights[j++]!;
      product += wa * wb;
      overlap += wa < wb ? wa : wb;
    }
  }
  return { product, overlap };
}

const STRONGEST = 8;

/** The few shared keys that weigh most (product of the two weights), strongest first: the evidence list. */
function strongestShared(a: WeightedVector, b: WeightedVector): string[] {
  const ak = a.keys;
  const bk = b.keys;
  // A fixed-size list kept in order by insertion: a reported pair shares tens of keys, and a scan
  // reports hundreds of thousands of pairs.
  const topKeys = new Int32Array(STRONGEST);
  const topWeights = new Float64Array(STRONGEST);
  let size = 0;
  for (let i = 0, j = 0; i < ak.length && j < bk.length;) {
    const x = ak[i]!;
    const y = bk[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      const weight = a.weights[i++]! * b.weights[j++]!;
      if (size === STRONGEST && topWeights[STRONGEST - 1]! >= weight) continue;
      let at = size < STRONGEST ? size++ : STRONGEST - 1;
      while (at > 0 && topWeights[at - 1]! < weight) {
        topKeys[at] = topKeys[at - 1]!;
        topWeights[at] = topWeights[at - 1]!;
        at--;
      }
      topKeys[at] = x;
      topWeights[at] = weight;
    }
  }
  const names: string[] = [];
  for (let t = 0; t < size; t++) names.push(keyName(topKeys[t]!));
  return names;
}

/** What is true of the pair, whatever the model makes of it: what the evidence list states. */
export interface PairFacts {
  sameType: boolean;
  typeFamiliesDiffer: boolean;
  periodsOverlap: boolean;
  yearsApart: number;
  regionsDisjoint: boolean;
  deliverablesDisjoint: boolean;
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

/** What the model reads and what is true of a pair: all a scan needs to decide whether to keep it. */
export function assess(
  pa: PreparedProfile,
  pb: PreparedProfile,
): { features: Record<Feature, number>; facts: PairFacts } {
  const [a, b] = [pa.sets, pb.sets];
  const concepts = overlapOf(pa.concepts, pb.concepts);
  const terms = overlapOf(pa.terms, pb.terms);
  const conceptSimilarity =
    pa.concepts.norm && pb.concepts.norm ? concepts.product / (pa.concepts.norm * pb.concepts.norm) : 0;
  const termSimilarity = pa.terms.norm && pb.terms.norm ? terms.product / (pa.terms.norm * pb.terms.norm) : 0;
  const gap = yearsBetween(pa, pb);
  const facts: PairFacts = {
    sameType: pa.profile.subject.type === pb.profile.subject.type,
    // The registry's types differ in kind, and the texts name no deliverable of one family: a
    // capacity-building project of training courses and the courses entered as events deliver the same.
    typeFamiliesDiffer:
      typeFamily(pa.profile.subject.type) !== typeFamily(pb.profile.subject.type) &&
      sharedCount(a.deliverableFamilies, b.deliverableFamilies) === 0,
    periodsOverlap: gap === 0,
    yearsApart: +gap.toFixed(1),
    // Two activities that each name their countries serve the same audience only if they share one
    // (Mauritania is in the Arab States and in Africa); otherwise regions decide.
    regionsDisjoint:
      a.countries.length > 0 && b.countries.length > 0
        ? disjoint(a.countries, b.countries)
        : disjoint(a.regions, b.regions),
    deliverablesDisjoint: disjoint(a.deliverableFamilies, b.deliverableFamilies),
    audiencesDisjoint: disjoint(a.audiences, b.audiences),
    crossLanguage: sharedCount(a.languages, b.languages) === 0,
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
    sharedCodes: Math.min(1, sharedCount(a.codes, b.codes) / 2),
    sharedAreas: jaccard(a.areas, b.areas) * content,
    sharedTargets: jaccard(a.targets, b.targets) * content,
    sameType: facts.sameType ? content : 0,
    typeFamiliesDiffer: facts.typeFamiliesDiffer ? 1 : 0,
    periodsOverlap: facts.periodsOverlap ? content : 0,
    periodGap: Math.min(1, gap / 3),
    regionsDisjoint: facts.regionsDisjoint ? 1 : 0,
    deliverablesDisjoint: facts.deliverablesDisjoint ? 1 : 0,
    audiencesDisjoint: facts.audiencesDisjoint ? 1 : 0,
    titleSimilarity: titleOverlap(pa, pb),
    sharedEvidence: Math.min(1, (concepts.overlap + terms.overlap) / 40),
    crossLanguage: facts.crossLanguage ? conceptSimilarity : 0,
  };
  return { features, facts };
}

/**
 * The evidence of a pair as a person reads it: the features and facts (already assessed, or
 * assessed now) and what the two share, strongest first.
 */
export function compare(
  pa: PreparedProfile,
  pb: PreparedProfile,
  assessed: { features: Record<Feature, number>; facts: PairFacts } = assess(pa, pb),
): PairEvidence {
  const [a, b] = [pa.profile, pb.profile];
  return {
    ...assessed,
    sharedConcepts: strongestShared(pa.concepts, pb.concepts).map((k) => k.slice(2)),
    sharedTerms: strongestShared(pa.terms, pb.terms)
      .filter((k) => !k.startsWith("#:"))
      .map((k) => k.slice(k.indexOf(":") + 1)),
    // Most reported pairs share none of these: the numbered sets say so without a string compared.
    sharedCodes: sharedCount(pa.sets.codes, pb.sets.codes) ? common(a.codes, b.codes) : [],
    sharedAreas: sharedCount(pa.sets.areas, pb.sets.areas)
      ? common(a.subject.areaSlugs, b.subject.areaSlugs)
      : [],
    sharedTargets: sharedCount(pa.sets.targets, pb.sets.targets)
      ? common(a.subject.sdgTargets, b.subject.sdgTargets)
      : [],
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
