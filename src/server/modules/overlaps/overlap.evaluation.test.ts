import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ActivityRef, ActivityStatus, ActivityType } from "#shared/activities.ts";
import { DEMO_UNITS } from "../../demo/organization.ts";

const EVAL = new URL("../../../../data/overlap-eval/", import.meta.url);
const lines = (name: string) =>
  readFileSync(new URL(name, EVAL), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const units = new Set(DEMO_UNITS.map((u) => u.code));

describe.each(["", "held-out/"])("the labelled overlap set %s", (folder) => {
  const activities = lines(`${folder}activities.jsonl`);
  const pairs = lines(`${folder}pairs.jsonl`);
  const byKey = new Map(activities.map((a) => [a.key as string, a]));

  it("holds activities the registry would accept", () => {
    expect(byKey.size).toBe(activities.length);
    for (const a of activities) {
      expect(units.has(a.unit as string), `${a.key as string}: unit`).toBe(true);
      expect(a.key).toBe(`${a.unit as string}:${a.ref as string}`);
      expect(ActivityRef.safeParse(a.ref).success, `${a.key as string}: ref`).toBe(true);
      expect(ActivityType.safeParse(a.type).success, `${a.key as string}: type`).toBe(true);
      expect(ActivityStatus.safeParse(a.status).success, `${a.key as string}: status`).toBe(true);
    }
  });

  it("labels pairs of two known activities of different units, languages named as written", () => {
    const seen = new Set<string>();
    for (const p of pairs) {
      const [a, b] = [byKey.get(p.a as string), byKey.get(p.b as string)];
      expect(a && b, `${p.a as string} / ${p.b as string}`).toBeTruthy();
      expect(a!.unit).not.toBe(b!.unit);
      expect(p.languages).toBe(`${a!.originalLanguage as string}-${b!.originalLanguage as string}`);
      expect(["duplicate", "related", "unrelated"]).toContain(p.label);
      const pair = [p.a, p.b].sort().join("|");
      expect(seen.has(pair), pair).toBe(false);
      seen.add(pair);
    }
  });
});

it("keeps the held-out set apart: no activity of it is in the labelled set", () => {
  const labelled = new Set(lines("activities.jsonl").map((a) => a.key));
  expect(lines("held-out/activities.jsonl").filter((a) => labelled.has(a.key))).toEqual([]);
});
