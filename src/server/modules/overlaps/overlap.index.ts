import type { Visibility } from "#shared/access.ts";
import type { SimilarActivitiesInput, SimilarActivity } from "#shared/overlaps.ts";
import type { Ctx } from "../../core/context.ts";
import { fail } from "../../core/errors.ts";
import type { Database } from "../../db/client.ts";
import { unitByCode } from "../units/units.repo.ts";
import { type OverlapProfile, profileOf } from "./overlap.profile.ts";
import { candidateLine, overlapModel } from "./overlap.scan.ts";
import {
  assess,
  compare,
  type CorpusStats,
  featureKeys,
  idf,
  prepare,
  type PreparedProfile,
  probability,
} from "./overlap.score.ts";
import { terminology } from "./overlap.terminology.ts";
import { profileCorpus, sideOf, subjectOf } from "./overlaps.service.ts";
import { type SubjectRow, subjectsChangedSince } from "./overlaps.repo.ts";

/**
 * The check on save: every activity's profile held in the process, with an inverted index over all
 * of its keys, so that a draft is compared with the few hundred activities that share its rarest
 * keys rather than with all of them. The database stays the only truth: the index is built on first
 * use and, before each check, catches up with the activities changed since (by any process).
 *
 * Every activity's weighted vectors are prepared when it enters the index, with the word weights
 * of the corpus as it was last weighed, so that a check allocates almost nothing: preparing the
 * hundred-odd shortlisted activities per check made the young generation fill every few checks, and
 * each collection then paused a check for 7–10 ms (decision 0008). The weights are taken again once
 * a hundredth of the activities has changed since; a few saves move no word's weight that matters.
 */

const SHOWN = 5;
const KEYS = 16;
const SHORTLIST = 120;
/** The share of the activities that may change before the word weights are taken again. */
const REWEIGH_AFTER = 0.01;

interface Entry {
  row: SubjectRow;
  profile: OverlapProfile;
  keys: string[];
  /** Its place in the index's arrays, reused once it is dropped. */
  slot: number;
  /** Its weighted vectors, valid while the word weights they were prepared with hold (same `weighing`). */
  prepared: PreparedProfile | null;
  preparedAt: number;
}

class OverlapIndex implements CorpusStats {
  /** The corpus as it is now: which keys are rare enough to look up. */
  documents = 0;
  frequency = new Map<string, number>();
  private entries = new Map<string, Entry>();
  private bySlot: (Entry | null)[] = [];
  private freeSlots: number[] = [];
  private postings = new Map<string, Set<number>>();
  private seenUntil = "";
  /** The corpus as it was last weighed: what every prepared vector, and the draft's, is weighted by. */
  private weights: CorpusStats = { documents: 0, frequency: new Map() };
  private weighing = 0;
  private changedSinceWeighing = 0;
  private sharedWeight = new Float64Array(0);
  private touched = new Int32Array(0);

  static async build(ctx: Ctx): Promise<OverlapIndex> {
    const index = new OverlapIndex();
    const { rows, profiles } = await profileCorpus(ctx);
    rows.forEach((row, i) => index.put(row, profiles[i]!));
    index.reweigh();
    for (const entry of index.entries.values()) index.preparedOf(entry);
    return index;
  }

  /** Takes the word weights from the corpus as it is now; vectors prepared before are prepared again when next read. */
  private reweigh() {
    this.weights = { documents: this.documents, frequency: new Map(this.frequency) };
    this.weighing++;
    this.changedSinceWeighing = 0;
  }

  private put(row: SubjectRow, profile: OverlapProfile): Entry {
    this.drop(row.id);
    const keys = featureKeys(profile);
    const slot = this.freeSlots.pop() ?? this.bySlot.length;
    const entry: Entry = { row, profile, keys, slot, prepared: null, preparedAt: -1 };
    this.bySlot[slot] = entry;
    this.entries.set(row.id, entry);
    this.documents++;
    this.changedSinceWeighing++;
    for (const key of keys) {
      this.frequency.set(key, (this.frequency.get(key) ?? 0) + 1);
      let slots = this.postings.get(key);
      if (!slots) this.postings.set(key, (slots = new Set()));
      slots.add(slot);
    }
    if (row.updatedAt > this.seenUntil) this.seenUntil = row.updatedAt;
    return entry;
  }

  private drop(id: string) {
    const old = this.entries.get(id);
    if (!old) return;
    this.entries.delete(id);
    this.bySlot[old.slot] = null;
    this.freeSlots.push(old.slot);
    this.documents--;
    this.changedSinceWeighing++;
    for (const key of old.keys) {
      this.frequency.set(key, this.frequency.get(key)! - 1);
      this.postings.get(key)?.delete(old.slot);
    }
  }

  async catchUp(ctx: Ctx) {
    const terms = terminology();
    const changed = (await subjectsChangedSince(ctx.db, this.seenUntil)).map((row) =>
      this.put(row, profileOf(subjectOf(row), terms)),
    );
    if (this.changedSinceWeighing > this.weights.documents * REWEIGH_AFTER) this.reweigh();
    for (const entry of changed) this.preparedOf(entry);
  }

  private preparedOf(entry: Entry): PreparedProfile {
    if (!entry.prepared || entry.preparedAt !== this.weighing) {
      entry.prepared = prepare(entry.profile, this.weights);
      entry.preparedAt = this.weighing;
    }
    return entry.prepared;
  }

  /** The activities most like a profile, strongest first, with their scores and evidence. */
  nearest(draft: OverlapProfile, exclude: string | null) {
    const model = overlapModel();
    const limit = Math.max(20, this.documents * 0.02);
    const keys = featureKeys(draft)
      .filter((key) => {
        const df = this.frequency.get(key) ?? 0;
        return df > 0 && df <= limit;
      })
      .sort((x, y) => idf(this, y) - idf(this, x))
      .slice(0, KEYS);
    if (this.sharedWeight.length < this.bySlot.length) {
      this.sharedWeight = new Float64Array(this.bySlot.length * 2);
      this.touched = new Int32Array(this.bySlot.length * 2);
    }
    const { sharedWeight, touched } = this;
    let count = 0;
    for (const key of keys) {
      const w = idf(this, key);
      for (const slot of this.postings.get(key)!) {
        if (sharedWeight[slot] === 0) touched[count++] = slot;
        sharedWeight[slot]! += w;
      }
    }
    const excluded = exclude === null ? -1 : (this.entries.get(exclude)?.slot ?? -1);
    // The shortlist by shared weight, ties in the order first met: a selection, not a sort of all.
    const shortlist: number[] = [];
    for (let t = 0; t < count; t++) {
      const slot = touched[t]!;
      if (slot === excluded) continue;
      const w = sharedWeight[slot]!;
      if (shortlist.length === SHORTLIST && sharedWeight[shortlist[SHORTLIST - 1]!]! >= w) continue;
      let at = shortlist.length < SHORTLIST ? shortlist.length : SHORTLIST - 1;
      while (at > 0 && sharedWeight[shortlist[at - 1]!]! < w) {
        shortlist[at] = shortlist[at - 1]!;
        at--;
      }
      shortlist[at] = slot;
    }
    for (let t = 0; t < count; t++) sharedWeight[touched[t]!] = 0;
    const mine = prepare(draft, this.weights);
    // Scores for the whole shortlist; the evidence (shared words, strongest first) only for the
    // few the editor shows.
    return shortlist
      .map((slot) => this.bySlot[slot]!)
      .filter((entry) => entry.row.unitCode !== draft.subject.unitCode)
      .map((entry) => {
        const theirs = this.preparedOf(entry);
        const assessed = assess(mine, theirs);
        const score = probability(model, assessed.features);
        const evidence = () => compare(mine, theirs, assessed);
        return { entry, evidence, score, likely: score >= model.likely };
      })
      .filter((found) => found.score >= model.floor)
      .sort((x, y) => y.score - x.score);
  }
}

const indexes = new WeakMap<Database, Promise<OverlapIndex>>();
const catchingUp = new WeakMap<Database, Promise<void>>();

/** Builds the index ahead of the first check (the server calls it once it listens). */
export async function warmOverlapIndex(ctx: Ctx): Promise<void> {
  await currentIndex(ctx);
}

async function currentIndex(ctx: Ctx): Promise<OverlapIndex> {
  let built = indexes.get(ctx.database);
  if (!built) {
    built = OverlapIndex.build(ctx);
    indexes.set(ctx.database, built);
    built.catch(() => indexes.delete(ctx.database));
  }
  const index = await built;
  // One catch-up at a time: two checks at once wait for the same one.
  let pending = catchingUp.get(ctx.database);
  if (!pending) {
    pending = index.catchUp(ctx).finally(() => catchingUp.delete(ctx.database));
    catchingUp.set(ctx.database, pending);
  }
  await pending;
  return index;
}

/** The existing activities of other units that a draft most resembles (the editor shows them before saving). */
export async function similarActivities(
  ctx: Ctx,
  input: SimilarActivitiesInput,
): Promise<{ entries: SimilarActivity[] }> {
  if (!ctx.viewer) return fail("unauthenticated");
  const unit = await unitByCode(ctx.db, input.unitCode);
  if (!unit) return fail("validation_failed", [{ field: "unitCode", reason: "unknown_unit" }]);
  const index = await currentIndex(ctx);
  const draft = profileOf(
    {
      key: `${unit.code}:`,
      unitCode: unit.code,
      unitName: unit.name,
      type: input.type,
      status: input.status,
      start: input.start,
      end: input.end,
      title: input.title,
      description: input.description,
      areaSlugs: input.areaSlugs,
      sdgTargets: input.sdgTargets,
    },
    terminology(),
  );
  const entries: SimilarActivity[] = [];
  for (const found of index.nearest(draft, input.id ?? null)) {
    if (!(await ctx.access.canRead(found.entry.row.visibility as Visibility, [found.entry.row.unitId])))
      continue;
    const line = candidateLine({
      a: draft,
      b: found.entry.profile,
      score: found.score,
      likely: found.likely,
      evidence: found.evidence(),
    });
    entries.push({
      activity: sideOf(found.entry.row),
      score: line.score,
      likely: found.likely,
      evidence: line.evidence,
    });
    if (entries.length === SHOWN) break;
  }
  return { entries };
}
