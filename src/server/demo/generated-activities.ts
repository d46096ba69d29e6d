import type { CreateActivityInput } from "#shared/activities.ts";
import { ACTIVITY_COLUMNS } from "#shared/activities.ts";
import type { Language } from "#shared/languages.ts";

/**
 * Generated activities in the six languages — topics of the Union's work × kinds of deliverable ×
 * regions, each written in one or two languages, across the demo units — so that lists, search and
 * overlap detection have realistic volume. The demo loads a few hundred; the benchmark 100,000.
 * Their refs start with GEN/ so they are never mistaken for the seeds' own activities.
 */
const TOPICS: Record<Language, string[]> = {
  en: [
    "emergency telecommunications",
    "climate change adaptation",
    "ICT accessibility",
    "cybersecurity capacity",
    "spectrum management",
    "digital inclusion of women",
    "broadband mapping",
    "standardization gap",
    "satellite regulation",
    "smart sustainable cities",
  ],
  fr: [
    "télécommunications d'urgence",
    "adaptation aux changements climatiques",
    "accessibilité des TIC",
    "capacités en cybersécurité",
    "gestion du spectre",
    "inclusion numérique des femmes",
    "cartographie du large bande",
    "écart en matière de normalisation",
    "réglementation des satellites",
    "villes intelligentes et durables",
  ],
  es: [
    "telecomunicaciones de emergencia",
    "adaptación al cambio climático",
    "accesibilidad de las TIC",
    "capacidades en ciberseguridad",
    "gestión del espectro",
    "inclusión digital de las mujeres",
    "cartografía de banda ancha",
    "brecha de normalización",
    "reglamentación de satélites",
    "ciudades inteligentes y sostenibles",
  ],
  ru: [
    "электросвязь в чрезвычайных ситуациях",
    "адаптация к изменению климата",
    "доступность ИКТ",
    "потенциал в области кибербезопасности",
    "управление использованием спектра",
    "цифровая интеграция женщин",
    "картирование широкополосной связи",
    "разрыв в стандартизации",
    "регулирование спутниковой связи",
    "умные устойчивые города",
  ],
  ar: [
    "الاتصالات في حالات الطوارئ",
    "التكيف مع تغير المناخ",
    "إمكانية النفاذ إلى تكنولوجيا المعلومات والاتصالات",
    "القدرات في مجال الأمن السيبراني",
    "إدارة الطيف",
    "الإدماج الرقمي للمرأة",
    "رسم خرائط النطاق العريض",
    "الفجوة التقييسية",
    "تنظيم السواتل",
    "المدن الذكية المستدامة",
  ],
  zh: [
    "应急通信",
    "适应气候变化",
    "信通技术无障碍获取",
    "网络安全能力",
    "频谱管理",
    "妇女数字包容",
    "宽带测绘",
    "标准化差距",
    "卫星监管",
    "智慧可持续城市",
  ],
};
const KINDS: Record<Language, string[]> = {
  en: [
    "Workshop on",
    "Guidelines for",
    "Regional project on",
    "Study on",
    "Training course on",
    "Toolkit for",
  ],
  fr: [
    "Atelier sur",
    "Lignes directrices pour",
    "Projet régional sur",
    "Étude sur",
    "Formation sur",
    "Boîte à outils pour",
  ],
  es: [
    "Taller sobre",
    "Directrices para",
    "Proyecto regional sobre",
    "Estudio sobre",
    "Curso de formación sobre",
    "Conjunto de herramientas para",
  ],
  ru: [
    "Семинар-практикум по теме",
    "Руководящие указания:",
    "Региональный проект:",
    "Исследование:",
    "Учебный курс:",
    "Набор инструментов:",
  ],
  ar: [
    "ورشة عمل بشأن",
    "مبادئ توجيهية بشأن",
    "مشروع إقليمي بشأن",
    "دراسة بشأن",
    "دورة تدريبية بشأن",
    "مجموعة أدوات بشأن",
  ],
  zh: ["研讨会：", "导则：", "区域项目：", "研究：", "培训课程：", "工具包："],
};
const REGIONS: Record<Language, string[]> = {
  en: ["Africa", "the Americas", "the Arab States", "Asia and the Pacific", "the CIS region", "Europe"],
  fr: [
    "l'Afrique",
    "les Amériques",
    "les États arabes",
    "l'Asie-Pacifique",
    "la région de la CEI",
    "l'Europe",
  ],
  es: ["África", "las Américas", "los Estados Árabes", "Asia-Pacífico", "la región de la CEI", "Europa"],
  ru: [
    "Африка",
    "Северная и Южная Америка",
    "арабские государства",
    "Азиатско-Тихоокеанский регион",
    "регион СНГ",
    "Европа",
  ],
  ar: [
    "أفريقيا",
    "الأمريكتين",
    "الدول العربية",
    "آسيا والمحيط الهادئ",
    "منطقة كومنولث الدول المستقلة",
    "أوروبا",
  ],
  zh: ["非洲", "美洲", "阿拉伯国家", "亚太", "独联体区域", "欧洲"],
};
const LANGS: Language[] = ["en", "fr", "es", "zh", "ar", "ru"];
const UNITS = ["BR", "TSB", "BDT", "AFR", "AMS", "ARB", "ASP", "CIS", "EUR", "SPM", "C&P", "IS", "CCD"];
const TYPES = [
  "study_group_question",
  "project",
  "initiative",
  "event",
  "publication",
  "service",
  "guideline",
] as const;
const STATUSES = ["planned", "ongoing", "completed", "cancelled"] as const;
const AREAS = [
  "climate-change",
  "emergency-telecommunications",
  "accessibility",
  "gender",
  "standardization-gap",
];
const TARGETS = ["13.1", "1.5", "10.2", "5.b", "9.c", "17.6", "11.5", "9.1", "4.4", "17.8"];

/**
 * A small seeded generator (mulberry32): each activity's attributes are drawn independently but
 * the same on every run, so language, date, type and topic are not correlated through `n` the way
 * modular arithmetic would make them (which skews both the pages and the benchmark's plans).
 */
function draws(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return <T>(choices: readonly T[]): T => choices[Math.floor(next() * choices.length)]!;
}

function title(lang: Language, n: number, topic: number, kind: number, region: number): string {
  const parts = [TOPICS[lang][topic]!, KINDS[lang][kind]!, REGIONS[lang][region]!] as const;
  return lang === "zh"
    ? `${parts[2]}${parts[1]}${parts[0]}（${n}）`
    : `${parts[1]} ${parts[0]} — ${parts[2]} (${n})`;
}

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
const MONTHS = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"] as const;

export function generateActivity(n: number): CreateActivityInput {
  const pick = draws(n * 2654435761);
  const lang = pick(LANGS);
  const second = pick(DIGITS) < 2 ? pick(LANGS.filter((l) => l !== lang)) : null;
  const [topic, kind, region] = [pick(DIGITS), pick(DIGITS.slice(0, 6)), pick(DIGITS.slice(0, 6))];
  const year = 2014 + pick(DIGITS.slice(0, 5));
  const month = pick(MONTHS);
  return {
    unitCode: pick(UNITS),
    ref: `GEN/${n}`,
    type: pick(TYPES),
    status: pick(STATUSES),
    title: {
      [lang]: title(lang, n, topic, kind, region),
      ...(second ? { [second]: title(second, n, topic, kind, region) } : {}),
    },
    description: null,
    originalLanguage: lang,
    start: `${year}-${month}-01`,
    end: pick(DIGITS) < 3 ? null : `${year + 1}-${month}-28`,
    areaSlugs: pick(DIGITS) < 3 ? [pick(AREAS)] : [],
    sdgTargets: [pick(TARGETS)],
    budget: pick(DIGITS) < 2 ? { amount: 10000 + pick(DIGITS) * 9000, currency: "CHF" } : null,
    contactIds: [],
    links: [],
    visibility: "public",
  };
}

/** The same records as rows of the import format. */
export function generateImportRows(count: number, offset = 0) {
  return Array.from({ length: count }, (_, i) => {
    const a = generateActivity(offset + i);
    const cells: Record<string, string> = {
      ref: a.ref,
      unit: a.unitCode,
      type: a.type,
      status: a.status,
      start: a.start,
      end: a.end ?? "",
      areas: a.areaSlugs.join(";"),
      sdg_targets: a.sdgTargets.join(";"),
      budget: a.budget ? String(a.budget.amount) : "",
      currency: a.budget?.currency ?? "",
    };
    for (const [lang, text] of Object.entries(a.title)) cells[`title_${lang}`] = text!;
    for (const column of ACTIVITY_COLUMNS) cells[column] ??= "";
    return { line: i + 2, cells };
  });
}
