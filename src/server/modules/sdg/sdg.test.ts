import { describe, expect, it } from "vitest";
import { SdgTargetCode } from "#shared/sdg.ts";
import { isSdgTarget, listSdgGoals, listSdgTargets } from "./sdg.service.ts";

describe("SDG reference data", () => {
  it("holds the 17 goals and 169 targets, every one in the six languages", () => {
    expect(listSdgGoals()).toHaveLength(17);
    expect(listSdgTargets()).toHaveLength(169);
    for (const entry of [...listSdgGoals().map((g) => g.title), ...listSdgTargets().map((t) => t.text)]) {
      expect(Object.keys(entry).sort()).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
    }
    expect(listSdgTargets("17")).toHaveLength(19);
    expect(listSdgTargets("9").map((t) => t.code)).toEqual([
      "9.1",
      "9.2",
      "9.3",
      "9.4",
      "9.5",
      "9.a",
      "9.b",
      "9.c",
    ]);
  });

  it("tells a well-formed code from an existing target", () => {
    expect(SdgTargetCode.safeParse("9.c").success).toBe(true);
    expect(SdgTargetCode.safeParse("18.1").success).toBe(false);
    expect(SdgTargetCode.safeParse("9-c").success).toBe(false);
    expect(isSdgTarget("17.19")).toBe(true);
    expect(isSdgTarget("1.8")).toBe(false);
  });
});
