import type { Visibility } from "#shared/access.ts";
import type { SimilarActivitiesInput, SimilarActivity } from "#shared/overlaps.ts";
import type { Ctx } from "../../core/context.ts";
import { fail } from "../../core/errors.ts";
import type { Database } from "../../db/client.ts";
import { unitByCode } from "../units/units.repo.ts";
import { type OverlapProfile, profileOf } from "./overlap.profile.ts";
import { candidateLine, overlapModel } from "./overlap.scan.ts";
import { compare, type CorpusStats, featureKeys, idf, prepare, probability } from "./overlap.score.ts";
import { terminology } from "./overlap.terminology.ts";
import { profileCorpus, sideOf, subjectOf } from "./overlaps.service.ts";
import { type SubjectRow, subjectsChangedSince } from "./overlaps.repo.ts";

/**
 * The check on save: every activity's profile held in the process, with an inverted index over all
 * of its keys, so that a draft is compared with the few hundred activities that share its rarest
 * keys rather than with all of them. The database stays the only truth: the index is built on first
 * use and, before each check, catches up with the activities changed since (by any process).
 */

const SHOWN = 5;
const KEYS = 16;
const SHORTLIST = 120;

class OverlapIndex implements CorpusStats {
  documents = 0;
  frequency = new Map<string, number>();
  private entries = new Map<string, { row: SubjectRow; profile: OverlapProfile; keys: string[] }>();
  private postings = new Map<string, Set<string>>();
  private seenUntil = "";

  static async build(ctx: Ctx): Promise<OverlapIndex> {
    const index = new OverlapIndex();
    const { rows, profiles } = await profileCorpus(ctx);
    rows.forEach((row, i) => index.put(row, profiles[i]!));
    return index;
  }

  private put(row: SubjectRow, profile: OverlapProfile) {
    this.drop(row.id);
    const keys = featureKeys(profile);
    this.entries.set(row.id, { row, profile, keys });
    this.documents++;
    for (const key of keys) {
      this.frequency.set(key, (this.frequency.get(key) ?? 0) + 1);
      let ids = this.postings.get(key);
      if (!ids) this.postings.set(key, (ids = new Set()));
      ids.add(row.id);
    }
    if (row.updatedAt > this.seenUntil) this.seenUntil = row.updatedAt;
  }

  private drop(id: string) {
    const old = this.entries.get(id);
    if (!old) return;
    this.entries.delete(id);
    this.documents--;
    for (const key of old.keys) {
      this.frequency.set(key, this.frequency.get(key)! - 1);
      this.postings.get(key)?.delete(id);
    }
  }

  async catchUp(ctx: Ctx) {
    const terms = terminology();
    for (const row of await subjectsChangedSince(ctx.db, this.seenUntil))
      this.put(row, profileOf(subjectOf(row), terms));
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
    const weight = new Map<string, number>();
    for (const key of keys) {
      const w = idf(this, key);
      for (const id of this.postings.get(key)!) weight.set(id, (weight.get(id) ?? 0) + w);
    }
    const mine = prepare(draft, this);
    return [...weight]
      .filter(([id]) => id !== exclude)
      .sort((x, y) => y[1] - x[1])
      .slice(0, SHORTLIST)
      .map(([id]) => this.entries.get(id)!)
      .filter((entry) => entry.row.unitCode !== draft.subject.unitCode)
      .map((entry) => {
        const evidence = compare(mine, prepare(entry.profile, this));
        const score = probability(model, evidence.features);
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
    const line = candidateLine({ a: draft, b: found.entry.profile, ...found });
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
