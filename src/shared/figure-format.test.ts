import { describe, expect, it } from "vitest";
import {
  MINUS_SIGN,
  MONTH_NAMES,
  NARROW_NO_BREAK_SPACE,
  NO_BREAK_SPACE,
  QUALIFIER_WORDS,
  RUSSIAN_MONTHS_GENITIVE,
  formatAmount,
  formatFigure,
  formatNumber,
  formatPeriod,
  formatQualified,
} from "./figure-format.ts";
import { QUALIFIERS } from "./figures.ts";
import { LANGUAGES } from "./languages.ts";

// Expected texts are written with "_" for a no-break space, "^" for a narrow no-break space and
// "~" for the minus sign, so that each invisible character is visible in the test.
const t = (text: string) =>
  text.replaceAll("_", NO_BREAK_SPACE).replaceAll("^", NARROW_NO_BREAK_SPACE).replaceAll("~", MINUS_SIGN);
const LRM = "\u200E";

describe("formatNumber", () => {
  it("groups thousands with a no-break space, as the Chinese seed writes 7 474 and 520 000", () => {
    expect(formatNumber(7474, "zh")).toBe(t("7_474"));
    expect(formatNumber(27700, "zh")).toBe(t("27_700"));
    expect(formatNumber(520000, "zh")).toBe(t("520_000"));
    expect(formatNumber(1800000, "zh")).toBe(t("1_800_000"));
    expect(formatNumber(7474, "en")).toBe(t("7_474"));
    expect(formatNumber(7474, "ru")).toBe(t("7_474"));
    expect(formatNumber(7474, "ar")).toBe(t("7_474"));
  });

  it("uses the narrow no-break space in French", () => {
    expect(formatNumber(27700, "fr")).toBe(t("27^700"));
    expect(formatNumber(1234567.5, "fr")).toBe(t("1^234^567,5"));
  });

  it("leaves four-digit numbers whole in Spanish, as the RAE asks", () => {
    expect(formatNumber(7474, "es")).toBe("7474");
    expect(formatNumber(27700, "es")).toBe(t("27_700"));
    expect(formatNumber(1234567, "es")).toBe(t("1_234_567"));
  });

  it("leaves numbers under 1 000 ungrouped", () => {
    for (const lang of LANGUAGES) {
      expect(formatNumber(0, lang)).toBe("0");
      expect(formatNumber(527, lang)).toBe("527");
      expect(formatNumber(999, lang)).toBe("999");
    }
    expect(formatNumber(1000, "en")).toBe(t("1_000"));
  });

  it("never contains an ordinary space, so a number never wraps", () => {
    for (const lang of LANGUAGES) {
      expect(formatNumber(123456789.25, lang)).not.toMatch(/ /);
    }
  });

  it("writes the decimal mark of each language", () => {
    expect(formatNumber(3.8, "en")).toBe("3.8");
    expect(formatNumber(3.8, "zh")).toBe("3.8");
    expect(formatNumber(3.8, "fr")).toBe("3,8");
    expect(formatNumber(3.8, "es")).toBe("3,8");
    expect(formatNumber(3.8, "ru")).toBe("3,8");
    expect(formatNumber(3.8, "ar")).toBe("3,8");
  });

  it("keeps at most two decimals, rounded, never padded or invented", () => {
    expect(formatNumber(19.8, "en")).toBe("19.8");
    expect(formatNumber(19.85, "en")).toBe("19.85");
    expect(formatNumber(4.567, "en")).toBe("4.57");
    expect(formatNumber(4.561, "en")).toBe("4.56");
    expect(formatNumber(10.005, "en")).toBe("10.01");
    expect(formatNumber(1.005, "en")).toBe("1.01");
    expect(formatNumber(2.999, "en")).toBe("3");
    expect(formatNumber(0.05, "en")).toBe("0.05");
    expect(formatNumber(0.001, "en")).toBe("0");
    expect(formatNumber(1e-9, "en")).toBe("0");
    expect(formatNumber(22, "en")).toBe("22");
    expect(formatNumber(1234.5, "fr")).toBe(t("1^234,5"));
  });

  it("writes negatives with a true minus sign, and never −0", () => {
    expect(formatNumber(-4.6, "en")).toBe(t("~4.6"));
    expect(formatNumber(-4.6, "fr")).toBe(t("~4,6"));
    expect(formatNumber(-12345, "ru")).toBe(t("~12_345"));
    expect(formatNumber(-12345, "zh")).toBe(t("~12_345"));
    expect(formatNumber(-0.001, "en")).toBe("0");
    expect(formatNumber(-0, "en")).toBe("0");
  });

  it("puts a left-to-right mark before an Arabic minus so the sign stays left of the digits", () => {
    expect(formatNumber(-4.6, "ar")).toBe(`${LRM}${MINUS_SIGN}4,6`);
  });

  it("refuses what is not a number", () => {
    expect(() => formatNumber(Number.NaN, "en")).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY, "en")).toThrow(RangeError);
  });
});

describe("formatAmount: Swiss francs", () => {
  it("writes Chinese amounts in 万, as the seed does", () => {
    expect(formatAmount(19_800_000, "chf", "zh")).toBe(t("1_980万瑞郎"));
    expect(formatAmount(36_550_000, "chf", "zh")).toBe(t("3_655万瑞郎"));
    expect(formatAmount(1_000_000, "chf", "zh")).toBe("100万瑞郎");
    expect(formatAmount(200_000, "chf", "zh")).toBe("20万瑞郎");
    expect(formatAmount(16_500_000, "chf", "zh")).toBe(t("1_650万瑞郎"));
    expect(formatAmount(16_725_000, "chf", "zh")).toBe(t("1_672.5万瑞郎"));
    expect(formatAmount(10_000, "chf", "zh")).toBe("1万瑞郎");
  });

  it("writes Chinese amounts in 亿 from 10^8 when nothing is lost", () => {
    expect(formatAmount(320_000_000, "chf", "zh")).toBe("3.2亿瑞郎");
    expect(formatAmount(123_450_000, "chf", "zh")).toBe(t("12_345万瑞郎"));
  });

  it("writes Chinese amounts that 万 cannot hold exactly as plain numbers", () => {
    expect(formatAmount(9_500, "chf", "zh")).toBe(t("9_500瑞郎"));
    expect(formatAmount(123_456_789, "chf", "zh")).toBe(t("123_456_789瑞郎"));
  });

  it("writes millions in the other languages", () => {
    expect(formatAmount(19_800_000, "chf", "en")).toBe(t("CHF_19.8_million"));
    expect(formatAmount(19_800_000, "chf", "fr")).toBe(t("19,8_millions_CHF"));
    expect(formatAmount(19_800_000, "chf", "es")).toBe(t("19,8_millones_de_CHF"));
    expect(formatAmount(19_800_000, "chf", "ru")).toBe(t("19,8_млн._шв._франков"));
    expect(formatAmount(19_800_000, "chf", "ar")).toBe(t("19,8_مليون_فرنك_سويسري"));
  });

  it("writes the number of millions with its grammar", () => {
    expect(formatAmount(1_000_000, "chf", "en")).toBe(t("CHF_1_million"));
    expect(formatAmount(1_000_000, "chf", "fr")).toBe(t("1_million_CHF"));
    expect(formatAmount(1_500_000, "chf", "fr")).toBe(t("1,5_million_CHF"));
    expect(formatAmount(2_000_000, "chf", "fr")).toBe(t("2_millions_CHF"));
    expect(formatAmount(1_000_000, "chf", "es")).toBe(t("1_millón_de_CHF"));
    expect(formatAmount(1_500_000, "chf", "es")).toBe(t("1,5_millones_de_CHF"));
    expect(formatAmount(5_000_000, "chf", "ar")).toBe(t("5_ملايين_فرنك_سويسري"));
    expect(formatAmount(11_000_000, "chf", "ar")).toBe(t("11_مليون_فرنك_سويسري"));
    expect(formatAmount(2_500_000, "chf", "ar")).toBe(t("2,5_مليون_فرنك_سويسري"));
  });

  it("uses millions only for amounts round to 0.01 million", () => {
    expect(formatAmount(16_730_000, "chf", "en")).toBe(t("CHF_16.73_million"));
    expect(formatAmount(16_735_000, "chf", "en")).toBe(t("CHF_16_735_000"));
    expect(formatAmount(1_234_567, "chf", "fr")).toBe(t("1^234^567_CHF"));
    expect(formatAmount(999_999, "chf", "en")).toBe(t("CHF_999_999"));
  });

  it("writes amounts under a million as plain numbers", () => {
    expect(formatAmount(200_000, "chf", "en")).toBe(t("CHF_200_000"));
    expect(formatAmount(200_000, "chf", "fr")).toBe(t("200^000_CHF"));
    expect(formatAmount(200_000, "chf", "es")).toBe(t("200_000_CHF"));
    expect(formatAmount(200_000, "chf", "ru")).toBe(t("200_000_шв._франков"));
    expect(formatAmount(200_000, "chf", "ar")).toBe(t("200_000_فرنك_سويسري"));
  });

  it("declines the Russian franc after a plain number", () => {
    expect(formatAmount(1, "chf", "ru")).toBe(t("1_шв._франк"));
    expect(formatAmount(21, "chf", "ru")).toBe(t("21_шв._франк"));
    expect(formatAmount(3, "chf", "ru")).toBe(t("3_шв._франка"));
    expect(formatAmount(11, "chf", "ru")).toBe(t("11_шв._франков"));
    expect(formatAmount(14, "chf", "ru")).toBe(t("14_шв._франков"));
    expect(formatAmount(2.5, "chf", "ru")).toBe(t("2,5_шв._франка"));
  });

  it("writes negative amounts with the sign on the number", () => {
    expect(formatAmount(-5_200_000, "chf", "en")).toBe(t("CHF_~5.2_million"));
    expect(formatAmount(-5_200_000, "chf", "fr")).toBe(t("~5,2_millions_CHF"));
    expect(formatAmount(-5_200_000, "chf", "zh")).toBe(t("~520万瑞郎"));
  });
});

describe("formatAmount: other units", () => {
  it("writes percentages by each language's convention", () => {
    expect(formatAmount(22, "percent", "en")).toBe("22%");
    expect(formatAmount(22, "percent", "zh")).toBe("22%");
    expect(formatAmount(22, "percent", "ar")).toBe("22%");
    expect(formatAmount(22, "percent", "fr")).toBe(t("22^%"));
    expect(formatAmount(22, "percent", "es")).toBe(t("22_%"));
    expect(formatAmount(22, "percent", "ru")).toBe(t("22_%"));
    expect(formatAmount(4.6, "percent", "fr")).toBe(t("4,6^%"));
  });

  it("writes tonnes of CO2e per person", () => {
    expect(formatAmount(3.8, "t_co2e_per_capita", "en")).toBe(t("3.8_t_CO2e per capita"));
    expect(formatAmount(3.8, "t_co2e_per_capita", "zh")).toBe("人均3.8吨CO2e");
    expect(formatAmount(3.8, "t_co2e_per_capita", "fr")).toBe(t("3,8_t_CO2e par habitant"));
    expect(formatAmount(3.8, "t_co2e_per_capita", "es")).toBe(t("3,8_t_CO2e per cápita"));
    expect(formatAmount(3.8, "t_co2e_per_capita", "ru")).toBe(t("3,8_т_CO2-экв. на человека"));
    expect(formatAmount(3.8, "t_co2e_per_capita", "ar")).toBe(t("3,8_طن من مكافئ ثاني أكسيد الكربون للفرد"));
  });

  it("writes counts and ranks as the number alone", () => {
    expect(formatAmount(7474, "count", "zh")).toBe(t("7_474"));
    expect(formatAmount(10, "rank", "en")).toBe("10");
  });
});

describe("formatQualified", () => {
  it("writes the seed's Chinese examples", () => {
    expect(formatQualified(27700, "count", "about", "zh")).toBe(t("约27_700"));
    expect(formatQualified(527, "count", "more_than", "zh")).toBe("超过527");
    expect(formatQualified(20000, "count", "more_than", "zh")).toBe(t("超过20_000"));
    expect(formatQualified(600, "count", "about", "zh")).toBe("约600");
    expect(formatQualified(16_500_000, "chf", "about", "zh")).toBe(t("约1_650万瑞郎"));
    expect(formatQualified(3.8, "t_co2e_per_capita", "about", "zh")).toBe("人均约3.8吨CO2e");
  });

  it("puts each qualifier before the number, bound to it by a no-break space", () => {
    expect(formatQualified(27700, "count", "about", "en")).toBe(t("about_27_700"));
    expect(formatQualified(527, "count", "more_than", "en")).toBe(t("more than_527"));
    expect(formatQualified(527, "count", "less_than", "en")).toBe(t("less than_527"));
    expect(formatQualified(527, "count", "at_least", "en")).toBe(t("at least_527"));
    expect(formatQualified(527, "count", "at_most", "en")).toBe(t("at most_527"));
    expect(formatQualified(27700, "count", "about", "fr")).toBe(t("environ_27^700"));
    expect(formatQualified(527, "count", "more_than", "fr")).toBe(t("plus de_527"));
    expect(formatQualified(527, "count", "at_most", "fr")).toBe(t("au plus_527"));
    expect(formatQualified(27700, "count", "about", "es")).toBe(t("aproximadamente_27_700"));
    expect(formatQualified(527, "count", "at_most", "es")).toBe(t("como máximo_527"));
    expect(formatQualified(27700, "count", "about", "ru")).toBe(t("около_27_700"));
    expect(formatQualified(527, "count", "at_least", "ru")).toBe(t("не менее_527"));
    expect(formatQualified(27700, "count", "about", "ar")).toBe(t("حوالي_27_700"));
    expect(formatQualified(527, "count", "at_least", "ar")).toBe(t("ما لا يقل عن_527"));
    expect(formatQualified(527, "count", "less_than", "zh")).toBe("不到527");
    expect(formatQualified(527, "count", "at_least", "zh")).toBe("至少527");
    expect(formatQualified(527, "count", "at_most", "zh")).toBe("至多527");
  });

  it("qualifies amounts of money as a whole", () => {
    expect(formatQualified(16_500_000, "chf", "about", "en")).toBe(t("about_CHF_16.5_million"));
    expect(formatQualified(200_000, "chf", "more_than", "fr")).toBe(t("plus de_200^000_CHF"));
    expect(formatQualified(97, "percent", "more_than", "ru")).toBe(t("более_97_%"));
  });

  it("writes an exact figure without a word", () => {
    for (const lang of LANGUAGES) {
      expect(formatQualified(527, "count", "exact", lang)).toBe("527");
    }
  });

  it("has a word for every qualifier but exact, in every language", () => {
    for (const lang of LANGUAGES) {
      for (const qualifier of QUALIFIERS) {
        const word = QUALIFIER_WORDS[lang][qualifier];
        if (qualifier === "exact") expect(word).toBe("");
        else expect(word.length).toBeGreaterThan(0);
      }
    }
  });
});

describe("formatPeriod", () => {
  it("writes a whole year", () => {
    const expected = { en: "2016", fr: "2016", es: "2016", ru: t("2016_г."), ar: "2016", zh: "2016年" };
    for (const lang of LANGUAGES) expect(formatPeriod("2016-01-01", "2016-12-31", lang)).toBe(expected[lang]);
  });

  it("writes a biennium and several whole years", () => {
    const expected = {
      en: "2014–2015",
      fr: "2014-2015",
      es: "2014-2015",
      ru: t("2014–2015_гг."),
      ar: "2014-2015",
      zh: "2014-2015年",
    };
    for (const lang of LANGUAGES) expect(formatPeriod("2014-01-01", "2015-12-31", lang)).toBe(expected[lang]);
    expect(formatPeriod("2014-01-01", "2017-12-31", "en")).toBe("2014–2017");
    expect(formatPeriod("2018-01-01", "2019-12-31", "zh")).toBe("2018-2019年");
  });

  it("writes whole months across years", () => {
    const expected = {
      en: "July_2014_– February_2015",
      fr: "juillet_2014_– février_2015",
      es: "julio_de_2014_– febrero_de_2015",
      ru: "июль_2014_г._– февраль_2015_г.",
      ar: "يوليو_2014_– فبراير_2015",
      zh: "2014年7月至2015年2月",
    };
    for (const lang of LANGUAGES)
      expect(formatPeriod("2014-07-01", "2015-02-28", lang)).toBe(t(expected[lang]));
  });

  it("writes whole months of one year with the year once", () => {
    const expected = {
      en: "January_– November_2017",
      fr: "janvier_– novembre_2017",
      es: "enero_– noviembre_de_2017",
      ru: "январь_– ноябрь_2017_г.",
      ar: "يناير_– نوفمبر_2017",
      zh: "2017年1月至11月",
    };
    for (const lang of LANGUAGES)
      expect(formatPeriod("2017-01-01", "2017-11-30", lang)).toBe(t(expected[lang]));
  });

  it("writes a single month", () => {
    const expected = {
      en: "March_2016",
      fr: "mars_2016",
      es: "marzo_de_2016",
      ru: "март_2016_г.",
      ar: "مارس_2016",
      zh: "2016年3月",
    };
    for (const lang of LANGUAGES)
      expect(formatPeriod("2016-03-01", "2016-03-31", lang)).toBe(t(expected[lang]));
  });

  it("knows leap years when recognizing a whole February", () => {
    expect(formatPeriod("2016-02-01", "2016-02-29", "en")).toBe(t("February_2016"));
    expect(formatPeriod("2015-02-01", "2015-02-28", "en")).toBe(t("February_2015"));
    expect(formatPeriod("2016-02-01", "2016-02-28", "en")).toBe(t("1_February_2016_– 28_February_2016"));
  });

  it("writes exact days", () => {
    const expected = {
      en: "1_June_2015_– 15_January_2016",
      fr: "1er_juin_2015_– 15_janvier_2016",
      es: "1_de_junio_de_2015_– 15_de_enero_de_2016",
      ru: "1_июня_2015_г._– 15_января_2016_г.",
      ar: "1_يونيو_2015_– 15_يناير_2016",
      zh: "2015年6月1日至2016年1月15日",
    };
    for (const lang of LANGUAGES)
      expect(formatPeriod("2015-06-01", "2016-01-15", lang)).toBe(t(expected[lang]));
  });

  it("writes a single day", () => {
    const expected = {
      en: "1_November_2016",
      fr: "1er_novembre_2016",
      es: "1_de_noviembre_de_2016",
      ru: "1_ноября_2016_г.",
      ar: "1_نوفمبر_2016",
      zh: "2016年11月1日",
    };
    for (const lang of LANGUAGES)
      expect(formatPeriod("2016-11-01", "2016-11-01", lang)).toBe(t(expected[lang]));
    expect(formatPeriod("2016-11-02", "2016-11-02", "fr")).toBe(t("2_novembre_2016"));
  });

  it("writes a named start beside its date", () => {
    const expected = {
      en: "from PP-14 (October_2014) to November_2017",
      fr: "de PP-14 (octobre_2014) à novembre_2017",
      es: "desde PP-14 (octubre_de_2014) hasta noviembre_de_2017",
      ru: "с PP-14 (октябрь_2014_г.) по ноябрь_2017_г.",
      ar: "من PP-14 (أكتوبر_2014) إلى نوفمبر_2017",
      zh: "从PP-14(2014年10月)至2017年11月",
    };
    for (const lang of LANGUAGES)
      expect(formatPeriod("2014-10-01", "2017-11-30", lang, "PP-14")).toBe(t(expected[lang]));
  });

  it("writes exact days beside a named start", () => {
    const expected = {
      en: "from PP-14 (20_October_2014) to 15_January_2016",
      fr: "de PP-14 (20_octobre_2014) au 15_janvier_2016",
      es: "desde PP-14 (20_de_octubre_de_2014) hasta el 15_de_enero_de_2016",
      ru: "с PP-14 (20_октября_2014_г.) по 15_января_2016_г.",
      ar: "من PP-14 (20_أكتوبر_2014) إلى 15_يناير_2016",
      zh: "从PP-14(2014年10月20日)至2016年1月15日",
    };
    for (const lang of LANGUAGES)
      expect(formatPeriod("2014-10-20", "2016-01-15", lang, "PP-14")).toBe(t(expected[lang]));
  });

  it("ignores an empty named start", () => {
    expect(formatPeriod("2016-01-01", "2016-12-31", "en", null)).toBe("2016");
    expect(formatPeriod("2016-01-01", "2016-12-31", "en", "")).toBe("2016");
  });

  it("refuses impossible or reversed periods", () => {
    expect(() => formatPeriod("2015-02-29", "2015-03-31", "en")).toThrow(RangeError);
    expect(() => formatPeriod("2015-13-01", "2015-12-31", "en")).toThrow(RangeError);
    expect(() => formatPeriod("1 June 2015", "2015-12-31", "en")).toThrow(RangeError);
    expect(() => formatPeriod("2016-01-01", "2015-12-31", "en")).toThrow(RangeError);
  });

  it("does not depend on the reader's time zone", () => {
    // Parsed as text: a date read through `Date` at UTC midnight would be the previous day in
    // the Americas.
    expect(formatPeriod("2016-01-01", "2016-01-01", "en")).toBe(t("1_January_2016"));
  });

  it("has twelve distinct month names in every language", () => {
    for (const lang of LANGUAGES) expect(new Set(MONTH_NAMES[lang]).size).toBe(12);
    expect(new Set(RUSSIAN_MONTHS_GENITIVE).size).toBe(12);
  });
});

describe("formatFigure", () => {
  const figure = (
    kind: Parameters<typeof formatFigure>[0]["kind"],
    value: number,
    unit: Parameters<typeof formatFigure>[0]["unit"] = "count",
    qualifier: Parameters<typeof formatFigure>[0]["qualifier"] = "exact",
    outOf: number | null = null,
  ) => ({ kind, value, unit, qualifier, outOf });

  it("writes totals and levels as qualified amounts", () => {
    expect(formatFigure(figure("total", 27700, "count", "about"), "en")).toBe(t("about_27_700"));
    expect(formatFigure(figure("total", 19_800_000, "chf"), "zh")).toBe(t("1_980万瑞郎"));
    expect(formatFigure(figure("level", 820, "count"), "fr")).toBe("820");
    expect(formatFigure(figure("level", 55500, "count", "more_than"), "zh")).toBe(t("超过55_500"));
  });

  it("writes a rate per year", () => {
    const f = figure("rate", 600, "count", "about");
    expect(formatFigure(f, "en")).toBe(t("about_600 a year"));
    expect(formatFigure(f, "zh")).toBe("每年约600");
    expect(formatFigure(f, "fr")).toBe(t("environ_600 par an"));
    expect(formatFigure(f, "es")).toBe(t("aproximadamente_600 al año"));
    expect(formatFigure(f, "ru")).toBe(t("около_600 в год"));
    expect(formatFigure(f, "ar")).toBe(t("حوالي_600 سنويا"));
    expect(formatFigure(figure("rate", 200_000, "chf", "more_than"), "zh")).toBe("每年超过20万瑞郎");
  });

  it("writes an average per year", () => {
    const f = figure("average", 150);
    expect(formatFigure(f, "en")).toBe("150 a year on average");
    expect(formatFigure(f, "zh")).toBe("平均每年150");
    expect(formatFigure(f, "fr")).toBe("150 par an en moyenne");
    expect(formatFigure(f, "es")).toBe("un promedio de 150 al año");
    expect(formatFigure(f, "ru")).toBe("в среднем 150 в год");
    expect(formatFigure(f, "ar")).toBe("150 سنويا في المتوسط");
    expect(formatFigure(figure("average", 150, "count", "about"), "zh")).toBe("平均每年约150");
  });

  it("writes a rise with a plus sign or, in Chinese and Arabic, in words", () => {
    const f = figure("change", 22, "percent");
    expect(formatFigure(f, "en")).toBe("+22%");
    expect(formatFigure(f, "fr")).toBe(t("+22^%"));
    expect(formatFigure(f, "es")).toBe(t("+22_%"));
    expect(formatFigure(f, "ru")).toBe(t("+22_%"));
    expect(formatFigure(f, "zh")).toBe("增长22%");
    expect(formatFigure(f, "ar")).toBe("زيادة بنسبة 22%");
  });

  it("writes a fall with a true minus sign or, in Chinese and Arabic, in words", () => {
    const f = figure("change", -4.6, "percent");
    expect(formatFigure(f, "en")).toBe(t("~4.6%"));
    expect(formatFigure(f, "fr")).toBe(t("~4,6^%"));
    expect(formatFigure(f, "es")).toBe(t("~4,6_%"));
    expect(formatFigure(f, "ru")).toBe(t("~4,6_%"));
    expect(formatFigure(f, "zh")).toBe("下降4.6%");
    expect(formatFigure(f, "ar")).toBe("انخفاض بنسبة 4,6%");
  });

  it("writes changes of amounts and qualified changes", () => {
    expect(formatFigure(figure("change", 2_500_000, "chf"), "en")).toBe(t("CHF_+2.5_million"));
    expect(formatFigure(figure("change", 2_500_000, "chf"), "zh")).toBe("增加250万瑞郎");
    expect(formatFigure(figure("change", -500, "count"), "zh")).toBe("减少500");
    expect(formatFigure(figure("change", -500, "count"), "ar")).toBe("انخفاض بمقدار 500");
    expect(formatFigure(figure("change", 650, "percent", "about"), "en")).toBe(t("about_+650%"));
    expect(formatFigure(figure("change", 650, "percent", "about"), "zh")).toBe("增长约650%");
    expect(formatFigure(figure("change", 22, "percent", "more_than"), "ar")).toBe(
      t("زيادة بنسبة أكثر من_22%"),
    );
    expect(formatFigure(figure("change", -0.2, "t_co2e_per_capita"), "zh")).toBe("人均减少0.2吨CO2e");
  });

  it("writes no change without a sign", () => {
    const f = figure("change", 0, "percent");
    expect(formatFigure(f, "en")).toBe("0%");
    expect(formatFigure(f, "fr")).toBe(t("0^%"));
    expect(formatFigure(f, "zh")).toBe("持平");
    expect(formatFigure(f, "ar")).toBe("دون تغيير");
    expect(formatFigure(figure("change", 0.001, "percent"), "en")).toBe("0%");
  });

  it("writes a share as a percentage", () => {
    const f = figure("share", 20, "percent");
    expect(formatFigure(f, "en")).toBe("20%");
    expect(formatFigure(f, "fr")).toBe(t("20^%"));
    expect(formatFigure(f, "zh")).toBe("20%");
    expect(formatFigure(figure("share", 97, "percent", "more_than"), "zh")).toBe("超过97%");
  });

  it("writes a rank among so many", () => {
    const f = figure("rank", 10, "rank", "exact", 43);
    expect(formatFigure(f, "en")).toBe("among the top 10 of 43");
    expect(formatFigure(f, "zh")).toBe("在43个中位列前10");
    expect(formatFigure(f, "fr")).toBe("parmi les 10 premiers sur 43");
    expect(formatFigure(f, "es")).toBe("entre los 10 primeros de 43");
    expect(formatFigure(f, "ru")).toBe("в числе первых 10 из 43");
    expect(formatFigure(f, "ar")).toBe("ضمن أفضل 10 من أصل 43");
  });

  it("writes a rank without its field when the count is unknown", () => {
    const f = figure("rank", 10, "rank");
    expect(formatFigure(f, "en")).toBe("among the top 10");
    expect(formatFigure(f, "zh")).toBe("位列前10");
  });

  it("gives a phrase for every kind in every language", () => {
    const kinds = ["total", "level", "rate", "average", "change", "share", "rank"] as const;
    for (const lang of LANGUAGES) {
      for (const kind of kinds) {
        const phrase = formatFigure(
          figure(kind, 1234.5, kind === "rank" ? "rank" : "count", "about", 43),
          lang,
        );
        expect(phrase.length).toBeGreaterThan(0);
        expect(phrase).not.toMatch(/undefined|NaN/);
      }
    }
  });
});
