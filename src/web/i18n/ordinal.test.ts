import { describe, expect, it } from "vitest";
import { meetingOrdinal } from "./ordinal.ts";

describe("meeting ordinals", () => {
  it("writes English ordinals with their suffixes", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 16, 21, 22, 23, 101, 111].map((n) => meetingOrdinal("en", n))).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "16th",
      "21st",
      "22nd",
      "23rd",
      "101st",
      "111th",
    ]);
  });

  it("agrees with the word for meeting in French, Spanish and Russian, and counts in Chinese", () => {
    expect(meetingOrdinal("fr", 1)).toBe("1re");
    expect(meetingOrdinal("fr", 2)).toBe("2e");
    expect(meetingOrdinal("fr", 16)).toBe("16e");
    expect(meetingOrdinal("es", 16)).toBe("16.ª");
    expect(meetingOrdinal("ru", 16)).toBe("16-е");
    expect(meetingOrdinal("zh", 16)).toBe("第16次");
  });

  it("spells Arabic ordinals in words up to the ninety-ninth", () => {
    expect(meetingOrdinal("ar", 1)).toBe("الأول");
    expect(meetingOrdinal("ar", 10)).toBe("العاشر");
    expect(meetingOrdinal("ar", 11)).toBe("الحادي عشر");
    expect(meetingOrdinal("ar", 16)).toBe("السادس عشر");
    expect(meetingOrdinal("ar", 20)).toBe("العشرون");
    expect(meetingOrdinal("ar", 21)).toBe("الحادي والعشرون");
    expect(meetingOrdinal("ar", 35)).toBe("الخامس والثلاثون");
    expect(meetingOrdinal("ar", 120)).toMatch(/^رقم /);
  });
});
