import { readFileSync } from "node:fs";
import type { SdgGoal, SdgTarget } from "#shared/sdg.ts";

interface SdgReference {
  source: string;
  goals: SdgGoal[];
  targets: SdgTarget[];
}

const FILE = new URL("../../../../data/sdg/sdg.json", import.meta.url);

let reference: SdgReference | null = null;

/** The 17 goals and 169 targets (data/sdg, from the UN's texts): read once, never changed at run time. */
export function sdgReference(): SdgReference {
  reference ??= JSON.parse(readFileSync(FILE, "utf8")) as SdgReference;
  return reference;
}

export function listSdgGoals(): SdgGoal[] {
  return sdgReference().goals;
}

export function listSdgTargets(goal?: string): SdgTarget[] {
  const { targets } = sdgReference();
  return goal ? targets.filter((t) => t.goal === goal) : targets;
}

const codes = () => new Set(sdgReference().targets.map((t) => t.code));

/** Whether a well-formed code names one of the 169 targets (`1.8` is well-formed but does not exist). */
export function isSdgTarget(code: string): boolean {
  return codes().has(code);
}
