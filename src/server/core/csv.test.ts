import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv.ts";

describe("CSV", () => {
  it("round-trips quotes, commas, line breaks and six scripts", () => {
    const rows = [
      ["a,b", 'say "hi"', "two\nlines"],
      ["国际电联", "الاتحاد", ""],
    ];
    const parsed = parseCsv(toCsv(["x", "y", "z"], rows));
    expect(parsed.map((r) => r.cells)).toEqual([["x", "y", "z"], ...rows]);
    expect(parsed.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("reads LF files without a final newline and skips blank lines", () => {
    expect(parseCsv("a,b\n\n1,2").map((r) => r.cells)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
});
