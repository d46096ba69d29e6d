import { describe, expect, it } from "vitest";
import { icuWords, normalizeText, searchText, words } from "./text.ts";

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

  it("cuts alphabetic text exactly as ICU does, without ICU", () => {
    const samples = [
      "Recommendation ITU-T L.1300: best practices for green data centres",
      "Rev.WRC-19, version 1.2 of CAP; 1,000 participants; Q5/2 and E.161.1",
      "l'Afrique et aujourd’hui : télécommunications d'urgence",
      "Сектор развития электросвязи МСЭ-D, 2016–2017 гг.",
      "الاتصالات في حالات الطوارئ (2019) والمكتب الإقليمي",
      "Telecomunicaciones de emergencia para América Latina · 5G y IoT",
    ];
    for (const text of samples) expect(words(text)).toEqual(icuWords(text));
  });

  it("builds one searchable string from every language of a text, a joined term with its pieces", () => {
    const text = searchText({ en: "Emergency telecommunications", zh: "应急通信" }, null);
    expect(text).toBe(" emergency telecommunications 应急通信 应急 通信 ");
  });
});
