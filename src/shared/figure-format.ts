/**
 * How figures are written in the six languages, as the Union's Council documents write them:
 * numbers, amounts, qualifiers ("about", "more than"), periods and whole figure phrases. The rules,
 * their reasons and sources are in docs/decisions/0010-numbers-in-six-languages.md.
 *
 * Everything is hard-coded rather than taken from `Intl`: ICU data differ between Node and
 * browsers (and between versions), and the Union's conventions are not any locale's defaults —
 * Chinese thousands grouped with a space, amounts in 万, French narrow no-break spaces.
 */
import type { Figure, FigureUnit, Qualifier } from "./figures.ts";
import type { Language } from "./languages.ts";

/** Binds a number to its neighbours so a line never breaks inside a figure. */
export const NO_BREAK_SPACE = "\u00A0";
/** French typography's espace fine insécable: thousands and the space before "%". */
export const NARROW_NO_BREAK_SPACE = "\u202F";
/** The true minus sign: a hyphen is shorter than a plus and may break a line after it. */
export const MINUS_SIGN = "\u2212";
/**
 * Left-to-right mark, put before a sign in Arabic: a sign is a weak bidi character, and without a
 * strong left-to-right character before it, it would be shown to the right of the digits.
 */
const LRM = "\u200E";

const NB = NO_BREAK_SPACE;

interface NumberRules {
  group: string;
  decimal: string;
  /** Grouping starts at 4 + (this − 1) integer digits: Spanish leaves "7474" whole. */
  minimumGroupingDigits: 1 | 2;
}

// Every separator is a no-break space (U+00A0 or U+202F). In Arabic text they are also bidi
// "common separators", which between two digits join them into one left-to-right number;
// an ordinary space would split "7 474" into two numbers shown in right-to-left order.
const NUMBER_RULES: Record<Language, NumberRules> = {
  ar: { group: NB, decimal: ",", minimumGroupingDigits: 1 },
  zh: { group: NB, decimal: ".", minimumGroupingDigits: 1 },
  en: { group: NB, decimal: ".", minimumGroupingDigits: 1 },
  fr: { group: NARROW_NO_BREAK_SPACE, decimal: ",", minimumGroupingDigits: 1 },
  ru: { group: NB, decimal: ",", minimumGroupingDigits: 1 },
  es: { group: NB, decimal: ",", minimumGroupingDigits: 2 },
};

interface Digits {
  negative: boolean;
  integer: string;
  fraction: string;
  zero: boolean;
}

function digitsOf(value: number): Digits {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const abs = Math.abs(value);
  // Rounded in decimal notation ("10.005e2"), not by multiplying by 100, which would turn 10.005
  // into 1000.4999… and round it down. Tiny and huge values print in exponent form: kept apart.
  const rounded =
    abs < 0.001 ? 0 : abs >= 1e15 ? Math.round(abs) : Number(`${Math.round(Number(`${abs}e2`))}e-2`);
  const whole = Math.trunc(rounded);
  const cents = Math.round((rounded - whole) * 100);
  const fraction = cents === 0 ? "" : String(cents).padStart(2, "0").replace(/0$/, "");
  return { negative: value < 0 && rounded !== 0, integer: String(whole), fraction, zero: rounded === 0 };
}

function groupThousands(integer: string, rules: NumberRules): string {
  if (integer.length < 3 + rules.minimumGroupingDigits) return integer;
  return integer.replace(/\B(?=(\d{3})+$)/g, rules.group);
}

function formatDigits(value: number, lang: Language, plus: boolean): string {
  const rules = NUMBER_RULES[lang];
  const d = digitsOf(value);
  const body = groupThousands(d.integer, rules) + (d.fraction ? rules.decimal + d.fraction : "");
  const sign = d.negative ? MINUS_SIGN : plus && !d.zero ? "+" : "";
  if (!sign) return body;
  return (lang === "ar" ? LRM : "") + sign + body;
}

/**
 * A number as the language's Council documents write it: at most two decimals (rounded, never
 * padded), thousands grouped with a no-break space, the decimal mark of the language, a true minus.
 */
export function formatNumber(value: number, lang: Language): string {
  return formatDigits(value, lang, false);
}

/** Qualifier words, placed before the number in all six languages; `exact` has none. */
export const QUALIFIER_WORDS: Record<Language, Record<Qualifier, string>> = {
  ar: {
    exact: "",
    about: "حوالي",
    more_than: "أكثر من",
    less_than: "أقل من",
    at_least: "ما لا يقل عن",
    at_most: "ما لا يزيد على",
  },
  zh: { exact: "", about: "约", more_than: "超过", less_than: "不到", at_least: "至少", at_most: "至多" },
  en: {
    exact: "",
    about: "about",
    more_than: "more than",
    less_than: "less than",
    at_least: "at least",
    at_most: "at most",
  },
  fr: {
    exact: "",
    about: "environ",
    more_than: "plus de",
    less_than: "moins de",
    at_least: "au moins",
    at_most: "au plus",
  },
  ru: {
    exact: "",
    about: "около",
    more_than: "более",
    less_than: "менее",
    at_least: "не менее",
    at_most: "не более",
  },
  es: {
    exact: "",
    about: "aproximadamente",
    more_than: "más de",
    less_than: "menos de",
    at_least: "al menos",
    at_most: "como máximo",
  },
};

/**
 * An amount in two parts: a head the qualifier must follow (Chinese "人均" — "人均约3.8吨", not
 * "约人均3.8吨") and the rest. In every other case the head is empty.
 */
interface AmountParts {
  head: string;
  body: string;
}

const ONE_MILLION = 1_000_000;

/** Whether an amount is whole in the given step, so that writing it in that unit loses nothing. */
function isMultipleOf(value: number, step: number): boolean {
  const quotient = value / step;
  return Math.abs(quotient - Math.round(quotient)) < 1e-9;
}

function russianFrancs(value: number): string {
  if (!Number.isInteger(value)) return "франка";
  const n = Math.abs(value);
  if (n % 10 === 1 && n % 100 !== 11) return "франк";
  if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) return "франка";
  return "франков";
}

function chfParts(value: number, lang: Language, plus: boolean): AmountParts {
  const abs = Math.abs(value);
  const n = (v: number) => formatDigits(v, lang, plus);
  if (lang === "zh") {
    // 亿 (10^8) and 万 (10^4) are Chinese units of counting; the seed writes "1 980万瑞郎".
    if (abs >= 1e8 && isMultipleOf(abs, 1e6)) return { head: "", body: `${n(value / 1e8)}亿瑞郎` };
    if (abs >= 1e4 && isMultipleOf(abs, 100)) return { head: "", body: `${n(value / 1e4)}万瑞郎` };
    return { head: "", body: `${n(value)}瑞郎` };
  }
  if (abs >= ONE_MILLION && isMultipleOf(abs, ONE_MILLION / 100)) {
    const millions = value / ONE_MILLION;
    const m = Math.abs(millions);
    const body = {
      en: `CHF${NB}${n(millions)}${NB}million`,
      // French "million" takes the plural from two on: "1,5 million", "2 millions".
      fr: `${n(millions)}${NB}${m >= 2 ? "millions" : "million"}${NB}CHF`,
      // Spanish: singular only for exactly one: "1 millón", "1,5 millones".
      es: `${n(millions)}${NB}${m === 1 ? "millón" : "millones"}${NB}de${NB}CHF`,
      ru: `${n(millions)}${NB}млн.${NB}шв.${NB}франков`,
      // Arabic: the plural ملايين counts 3 to 10 whole millions; otherwise the singular.
      ar: `${n(millions)}${NB}${Number.isInteger(m) && m >= 3 && m <= 10 ? "ملايين" : "مليون"}${NB}فرنك${NB}سويسري`,
    }[lang];
    return { head: "", body };
  }
  const body = {
    en: `CHF${NB}${n(value)}`,
    fr: `${n(value)}${NB}CHF`,
    es: `${n(value)}${NB}CHF`,
    ru: `${n(value)}${NB}шв.${NB}${russianFrancs(value)}`,
    ar: `${n(value)}${NB}فرنك${NB}سويسري`,
  }[lang];
  return { head: "", body };
}

function percentBody(value: number, lang: Language, plus: boolean): string {
  const n = formatDigits(value, lang, plus);
  switch (lang) {
    case "fr":
      return `${n}${NARROW_NO_BREAK_SPACE}%`;
    case "es":
    case "ru":
      return `${n}${NB}%`;
    default:
      return `${n}%`;
  }
}

function amountParts(value: number, unit: FigureUnit, lang: Language, plus = false): AmountParts {
  switch (unit) {
    case "chf":
      return chfParts(value, lang, plus);
    case "percent":
      return { head: "", body: percentBody(value, lang, plus) };
    case "t_co2e_per_capita": {
      const n = formatDigits(value, lang, plus);
      if (lang === "zh") return { head: "人均", body: `${n}吨CO2e` };
      const body = {
        en: `${n}${NB}t${NB}CO2e per capita`,
        fr: `${n}${NB}t${NB}CO2e par habitant`,
        es: `${n}${NB}t${NB}CO2e per cápita`,
        ru: `${n}${NB}т${NB}CO2-экв. на человека`,
        ar: `${n}${NB}طن من مكافئ ثاني أكسيد الكربون للفرد`,
      }[lang];
      return { head: "", body };
    }
    case "count":
    case "rank":
      return { head: "", body: formatDigits(value, lang, plus) };
  }
}

/**
 * An amount in its unit: "CHF 19.8 million", "1 980万瑞郎", "22 %", "3.8 t CO2e per capita".
 * Money is written in millions (万 in Chinese) only when that loses nothing to rounding.
 */
export function formatAmount(value: number, unit: FigureUnit, lang: Language): string {
  const { head, body } = amountParts(value, unit, lang);
  return head + body;
}

function withQualifier(parts: AmountParts, qualifier: Qualifier, lang: Language): string {
  const word = QUALIFIER_WORDS[lang][qualifier];
  if (!word) return parts.head + parts.body;
  return parts.head + (lang === "zh" ? word : word + NB) + parts.body;
}

/** An amount with its qualifier: "about 27 700", "约27 700", "plus de 527", "не менее 10 %". */
export function formatQualified(
  value: number,
  unit: FigureUnit,
  qualifier: Qualifier,
  lang: Language,
): string {
  return withQualifier(amountParts(value, unit, lang), qualifier, lang);
}

// ---------------------------------------------------------------------------------------------
// Periods

/**
 * Month names as they stand alone ("July 2014"). Russian uses the nominative here and the
 * genitive after a day ("1 июня"); Arabic the names of ITU's Arabic documents (يوليو, not the
 * UN Secretariat's double form تموز/يوليه).
 */
export const MONTH_NAMES: Record<Language, readonly string[]> = {
  ar: [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
  ],
  zh: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  fr: [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
  ru: [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
  ],
  es: [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
  ],
};

/** Russian month names after a day number: "1 июня 2015 г.". */
export const RUSSIAN_MONTHS_GENITIVE: readonly string[] = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
];

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Read from the string, not through `Date`, which would shift the day by the reader's time zone.
function parseDay(iso: string): CalendarDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    throw new RangeError(`no such day: ${iso}`);
  return { year, month, day };
}

function isLastDayOfMonth(d: CalendarDay): boolean {
  return d.day === daysInMonth(d.year, d.month);
}

function monthName(lang: Language, month: number, genitive = false): string {
  const names = genitive && lang === "ru" ? RUSSIAN_MONTHS_GENITIVE : MONTH_NAMES[lang];
  const name = names[month - 1];
  if (name === undefined) throw new RangeError(`no month ${month}`);
  return name;
}

interface PeriodStyle {
  year(y: number): string;
  years(first: number, last: number): string;
  month(y: number, m: number): string;
  /** Several whole months of one year, the year written once: "2017年1月至11月". */
  monthsOfYear(y: number, first: number, last: number): string;
  day(d: CalendarDay): string;
  range(from: string, to: string): string;
  since(name: string, start: string, end: string, endIsDay: boolean): string;
}

// Spaced en dash between dates: a no-break space before it, so a line never starts with the dash.
const dashed = (from: string, to: string) => `${from}${NB}– ${to}`;

const PERIOD_STYLES: Record<Language, PeriodStyle> = {
  en: {
    year: (y) => String(y),
    years: (a, b) => `${a}–${b}`,
    month: (y, m) => `${monthName("en", m)}${NB}${y}`,
    monthsOfYear: (y, a, b) => dashed(monthName("en", a), `${monthName("en", b)}${NB}${y}`),
    day: (d) => `${d.day}${NB}${monthName("en", d.month)}${NB}${d.year}`,
    range: dashed,
    since: (name, start, end) => `from ${name} (${start}) to ${end}`,
  },
  fr: {
    year: (y) => String(y),
    years: (a, b) => `${a}-${b}`,
    month: (y, m) => `${monthName("fr", m)}${NB}${y}`,
    monthsOfYear: (y, a, b) => dashed(monthName("fr", a), `${monthName("fr", b)}${NB}${y}`),
    // French writes the first day of a month as an ordinal: "1er juin".
    day: (d) => `${d.day === 1 ? "1er" : d.day}${NB}${monthName("fr", d.month)}${NB}${d.year}`,
    range: dashed,
    since: (name, start, end, endIsDay) => `de ${name} (${start}) ${endIsDay ? "au" : "à"} ${end}`,
  },
  es: {
    year: (y) => String(y),
    years: (a, b) => `${a}-${b}`,
    month: (y, m) => `${monthName("es", m)}${NB}de${NB}${y}`,
    monthsOfYear: (y, a, b) => dashed(monthName("es", a), `${monthName("es", b)}${NB}de${NB}${y}`),
    day: (d) => `${d.day}${NB}de${NB}${monthName("es", d.month)}${NB}de${NB}${d.year}`,
    range: dashed,
    since: (name, start, end, endIsDay) => `desde ${name} (${start}) hasta ${endIsDay ? "el " : ""}${end}`,
  },
  ru: {
    year: (y) => `${y}${NB}г.`,
    years: (a, b) => `${a}–${b}${NB}гг.`,
    month: (y, m) => `${monthName("ru", m)}${NB}${y}${NB}г.`,
    monthsOfYear: (y, a, b) => dashed(monthName("ru", a), `${monthName("ru", b)}${NB}${y}${NB}г.`),
    day: (d) => `${d.day}${NB}${monthName("ru", d.month, true)}${NB}${d.year}${NB}г.`,
    range: dashed,
    // "по" takes the accusative, which for months is the nominative: "по ноябрь 2017 г.".
    since: (name, start, end) => `с ${name} (${start}) по ${end}`,
  },
  // Year ranges take a hyphen-minus, not an en dash: between two digits it is a bidi number
  // separator, so "2014-2015" stays one left-to-right run inside right-to-left text.
  ar: {
    year: (y) => String(y),
    years: (a, b) => `${a}-${b}`,
    month: (y, m) => `${monthName("ar", m)}${NB}${y}`,
    monthsOfYear: (y, a, b) => dashed(monthName("ar", a), `${monthName("ar", b)}${NB}${y}`),
    day: (d) => `${d.day}${NB}${monthName("ar", d.month)}${NB}${d.year}`,
    range: dashed,
    since: (name, start, end) => `من ${name} (${start}) إلى ${end}`,
  },
  zh: {
    year: (y) => `${y}年`,
    years: (a, b) => `${a}-${b}年`,
    month: (y, m) => `${y}年${m}月`,
    monthsOfYear: (y, a, b) => `${y}年${a}月至${b}月`,
    day: (d) => `${d.year}年${d.month}月${d.day}日`,
    range: (from, to) => `${from}至${to}`,
    // ASCII parentheses, as the seed writes "从PP-14(2014年10月)至2017年11月".
    since: (name, start, end) => `从${name}(${start})至${end}`,
  },
};

/**
 * A period by its shape: whole years ("2016", "2014–2015"), whole months ("July 2014 – February
 * 2015"), or days ("1 June 2015 – 15 January 2016"); both ends included. With `since` (a named
 * start such as "PP-14", written as the language writes it): "from PP-14 (October 2014) to
 * November 2017".
 */
export function formatPeriod(start: string, end: string, lang: Language, since?: string | null): string {
  const from = parseDay(start);
  const to = parseDay(end);
  if (start > end) throw new RangeError(`period ends before it starts: ${start} – ${end}`);
  const style = PERIOD_STYLES[lang];
  const startsMonth = from.day === 1;
  const endsMonth = isLastDayOfMonth(to);

  if (since) {
    const startLabel = startsMonth ? style.month(from.year, from.month) : style.day(from);
    const endLabel = endsMonth ? style.month(to.year, to.month) : style.day(to);
    return style.since(since, startLabel, endLabel, !endsMonth);
  }
  if (startsMonth && from.month === 1 && endsMonth && to.month === 12) {
    return from.year === to.year ? style.year(from.year) : style.years(from.year, to.year);
  }
  if (startsMonth && endsMonth) {
    if (from.year === to.year && from.month === to.month) return style.month(from.year, from.month);
    if (from.year === to.year) return style.monthsOfYear(from.year, from.month, to.month);
    return style.range(style.month(from.year, from.month), style.month(to.year, to.month));
  }
  if (start === end) return style.day(from);
  return style.range(style.day(from), style.day(to));
}

// ---------------------------------------------------------------------------------------------
// Figures

export type FigurePhraseInput = Pick<Figure, "kind" | "value" | "unit" | "qualifier" | "outOf">;

function perYear(qualified: string, average: boolean, lang: Language): string {
  switch (lang) {
    case "en":
      return average ? `${qualified} a year on average` : `${qualified} a year`;
    case "fr":
      return average ? `${qualified} par an en moyenne` : `${qualified} par an`;
    case "es":
      return average ? `un promedio de ${qualified} al año` : `${qualified} al año`;
    case "ru":
      return average ? `в среднем ${qualified} в год` : `${qualified} в год`;
    case "ar":
      return average ? `${qualified} سنويا في المتوسط` : `${qualified} سنويا`;
    case "zh":
      return average ? `平均每年${qualified}` : `每年${qualified}`;
  }
}

/**
 * A change as a signed amount ("+22 %", "−4,6 %") where the sign reads well; in Chinese and
 * Arabic as words, as the seed writes "增长22%" (and a sign would be misplaced in Arabic text).
 */
function change(figure: FigurePhraseInput, lang: Language): string {
  const { value, unit, qualifier } = figure;
  if (lang === "zh" || lang === "ar") {
    const rounded = digitsOf(value);
    if (rounded.zero) return lang === "zh" ? "持平" : "دون تغيير";
    const parts = amountParts(Math.abs(value), unit, lang);
    const qualified = withQualifier({ head: "", body: parts.body }, qualifier, lang);
    const rising = value > 0;
    if (lang === "zh") {
      const verb = unit === "percent" ? (rising ? "增长" : "下降") : rising ? "增加" : "减少";
      return parts.head + verb + qualified;
    }
    const noun = rising ? "زيادة" : "انخفاض";
    return `${noun} ${unit === "percent" ? "بنسبة" : "بمقدار"} ${qualified}`;
  }
  return withQualifier(amountParts(value, unit, lang, true), qualifier, lang);
}

function rank(top: number, outOf: number | null, lang: Language): string {
  const n = formatNumber(top, lang);
  if (outOf === null) {
    return {
      en: `among the top ${n}`,
      fr: `parmi les ${n} premiers`,
      es: `entre los ${n} primeros`,
      ru: `в числе первых ${n}`,
      ar: `ضمن أفضل ${n}`,
      zh: `位列前${n}`,
    }[lang];
  }
  const of = formatNumber(outOf, lang);
  return {
    en: `among the top ${n} of ${of}`,
    fr: `parmi les ${n} premiers sur ${of}`,
    es: `entre los ${n} primeros de ${of}`,
    ru: `в числе первых ${n} из ${of}`,
    ar: `ضمن أفضل ${n} من أصل ${of}`,
    zh: `在${of}个中位列前${n}`,
  }[lang];
}

/**
 * A figure's value as a phrase for its kind: "about 27 700" (total, level), "about 600 a year"
 * (rate), "150 a year on average" (average), "+22%" (change), "20%" (share), "among the top 10 of
 * 43" (rank). A rank's qualifier is not written: "top 10" already bounds it.
 */
export function formatFigure(figure: FigurePhraseInput, lang: Language): string {
  const { kind, value, unit, qualifier } = figure;
  switch (kind) {
    case "total":
    case "level":
    case "share":
      return formatQualified(value, unit, qualifier, lang);
    case "rate":
    case "average":
      return perYear(formatQualified(value, unit, qualifier, lang), kind === "average", lang);
    case "change":
      return change(figure, lang);
    case "rank":
      return rank(value, figure.outOf, lang);
  }
}
