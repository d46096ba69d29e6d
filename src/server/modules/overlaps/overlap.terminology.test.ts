import { describe, expect, it } from "vitest";
import type { Language } from "#shared/languages.ts";
import { type OverlapSubject, profileOf } from "./overlap.profile.ts";
import { assess, corpusStats, prepare } from "./overlap.score.ts";
import { stem, terminology } from "./overlap.terminology.ts";

const terms = terminology();
const conceptsOf = (lang: Language, text: string) => [...terms.concepts(lang, text).keys()];

/** An activity as the detector reads it: a planned event of unit X unless told otherwise. */
const subject = (fields: Partial<OverlapSubject>): OverlapSubject => ({
  key: "X:1",
  unitCode: "X",
  unitName: { en: "X" },
  type: "event",
  status: "planned",
  start: "2020-01-01",
  end: null,
  title: {},
  description: null,
  areaSlugs: [],
  sdgTargets: [],
  ...fields,
});

describe("the Union's terminology in six languages", () => {
  it("finds the same concepts in one sentence written in each language", () => {
    const sentence: Record<Language, string> = {
      en: "Regional workshop on emergency telecommunications for Africa",
      zh: "非洲应急通信区域讲习班",
      fr: "Atelier régional sur les télécommunications d’urgence pour l’Afrique",
      ru: "Региональный семинар-практикум по электросвязи в чрезвычайных ситуациях для Африки",
      ar: "ورشة عمل إقليمية بشأن الاتصالات في حالات الطوارئ في أفريقيا",
      es: "Taller regional sobre telecomunicaciones de emergencia para África",
    };
    for (const [lang, text] of Object.entries(sentence) as [Language, string][]) {
      expect(conceptsOf(lang, text), lang).toEqual(
        expect.arrayContaining(["workshop", "emergency-telecom", "region-africa"]),
      );
    }
  });

  it("reads Arabic with or without vowel marks, and Russian and French in their inflected forms", () => {
    expect(conceptsOf("ar", "الاتِّصالات في حالات الطَّوارئ")).toContain("emergency-telecom");
    expect(conceptsOf("ru", "Сектор развития электросвязи")).toContain("itu-d");
    expect(conceptsOf("fr", "ateliers sur l'accessibilité")).toEqual(
      expect.arrayContaining(["workshop", "accessibility"]),
    );
    expect(stem("ru", "электросвязи")).toBe(stem("ru", "электросвязь"));
    expect(stem("fr", "l'afrique")).toBe(stem("fr", "afrique"));
  });

  it("reads a Russian code written with Cyrillic look-alikes of its Latin capitals", () => {
    // МСЭ-Т with a Cyrillic Т, as Russian texts often write it, and with the Latin T of the terminology.
    expect(conceptsOf("ru", "исследовательские комиссии МСЭ-\u0422")).toEqual(
      expect.arrayContaining(["itu-t", "study-group"]),
    );
    expect(conceptsOf("ru", "исследовательские комиссии МСЭ-T")).toContain("itu-t");
    expect(conceptsOf("ru", "исследовательские комиссии МСЭ-D")).not.toContain("itu-t");
  });

  it("knows the support services' own words in each language", () => {
    expect(conceptsOf("fr", "Remplacement des climatiseurs de la salle serveurs")).toEqual(
      expect.arrayContaining(["air-conditioning", "data-centre"]),
    );
    expect(conceptsOf("en", "Upgrade of cooling in the data centre")).toEqual(
      expect.arrayContaining(["air-conditioning", "data-centre"]),
    );
    expect(conceptsOf("zh", "更换数据中心空调")).toEqual(
      expect.arrayContaining(["air-conditioning", "data-centre"]),
    );
    expect(conceptsOf("fr", "Séances d'information pour les ambassadeurs")).toEqual(
      expect.arrayContaining(["briefing", "permanent-missions"]),
    );
  });

  it("does not let a stem cut short match unrelated words", () => {
    // "ageing" stems to "age": equipment ageing is not about older persons.
    expect(conceptsOf("en", "Replacement of ageing chillers")).not.toContain("older-persons");
  });

  it("keeps the words every text of the Union uses out of the evidence", () => {
    const profile = profileOf(
      subject({
        unitName: { en: "Regional Office for Africa" },
        title: {
          ru: "Семинар МСЭ по электросвязи",
          zh: "国际电联网络安全讲习班",
          en: "ITU ICT development workshop",
        },
      }),
      terms,
    );
    const words = [...profile.terms.keys()];
    expect(words).not.toContain("ru:мсэ");
    expect(words).not.toContain("zh:国际电联");
    expect(words).not.toContain("en:itu");
    expect(words).not.toContain("en:ict");
    // A regional office's unit says which region it serves when the text does not.
    expect([...profile.regions]).toEqual(["region-africa"]);
    expect(profile.deliverables.has("workshop")).toBe(true);
  });

  it("marks the passages that carry shared concepts, at their place in the text as written", () => {
    const text = "ورشة عمل بشأن الاتِّصالات في حالات الطَّوارئ";
    const [start, end] = terms.passages("ar", text, new Set(["emergency-telecom"]), new Set())[0]!;
    expect(text.slice(start, end)).toBe("الاتِّصالات في حالات الطَّوارئ");
    const zh = "为非洲国家举办应急通信讲习班";
    const marked = terms
      .passages("zh", zh, new Set(["emergency-telecom"]), new Set())
      .map(([s, e]) => zh.slice(s, e));
    expect(marked).toEqual(["应急通信"]);
  });

  it("counts types of different kinds against a pair only when the texts name no deliverable of one family", () => {
    const activity = (key: string, type: string, title: string) =>
      subject({ key, unitCode: key.split(":")[0]!, type, start: "2021-01-01", title: { en: title } });
    const profiles = [
      activity(
        "ARB:1",
        "project",
        "Capacity building in spectrum management: training courses for Arab regulators",
      ),
      activity("BDT:1", "event", "Training courses on spectrum management for regulators of the Arab States"),
      activity(
        "ITU-R:1",
        "study_group_question",
        "Recommendation on spectrum management for Arab regulators",
      ),
    ].map((s) => profileOf(s, terms));
    const stats = corpusStats(profiles);
    const [programme, courses, question] = profiles.map((p) => prepare(p, stats));
    expect(assess(programme!, courses!).facts.typeFamiliesDiffer).toBe(false);
    expect(assess(courses!, question!).facts.typeFamiliesDiffer).toBe(true);
  });
});
