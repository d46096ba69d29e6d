import { describe, expect, it } from "vitest";
import { normalizeText, searchText, words } from "./text.ts";

describe("text in six languages", () => {
  it("cuts Chinese into words, keeping the Union's own terms whole", () => {
    expect(words("国际电联电信发展局的应急通信项目和无障碍获取")).toEqual([
      "国际电联",
      "电信发展局",
      "的",
      "应急通信",
      "项目",
      "和",
      "无障碍获取",
    ]);
  });

  it("normalises Arabic spelling variants and vowel marks", () => {
    expect(normalizeText("الإتصالات")).toBe(normalizeText("الاتصالات"));
    expect(normalizeText("مُسْتَدَامَة")).toBe(normalizeText("مستدامه"));
    expect(normalizeText("إمكانية النفاذ")).toBe("امكانيه النفاذ");
  });

  it("folds case, Latin diacritics and the Russian ё", () => {
    expect(normalizeText("Développement ÉCONOMIQUE")).toBe("developpement economique");
    expect(normalizeText("Ёлка")).toBe("елка");
    expect(normalizeText("ＩＴＵ－Ｄ")).toBe("itu-d");
  });

  it("builds one searchable string from every language of a text, a joined term with its pieces", () => {
    const text = searchText({ en: "Emergency telecommunications", zh: "应急通信" }, null);
    expect(text).toBe(" emergency telecommunications 应急通信 应急 通信 ");
  });
});
