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

function title(lang: Language, n: number): string {
  const topic = TOPICS[lang][n % 10]!;
  const kind = KINDS[lang][Math.floor(n / 10) % 6]!;
  const region = REGIONS[lang][Math.floor(n / 60) % 6]!;
  return lang === "zh" ? `${region}${kind}${topic}（${n}）` : `${kind} ${topic} — ${region} (${n})`;
}

export function generateActivity(n: number): CreateActivityInput {
  const lang = LANGS[n % LANGS.length]!;
  const second = n % 5 === 0 ? LANGS[(n + 1) % LANGS.length]! : null;
  const year = 2014 + (n % 5);
  const month = String((n % 12) + 1).padStart(2, "0");
  return {
    unitCode: UNITS[n % UNITS.length]!,
    ref: `GEN/${n}`,
    type: TYPES[n % TYPES.length]!,
    status: STATUSES[n % STATUSES.length]!,
    title: { [lang]: title(lang, n), ...(second ? { [second]: title(second, n) } : {}) },
    description: null,
    originalLanguage: lang,
    start: `${year}-${month}-01`,
    end: n % 3 === 0 ? null : `${year + 1}-${month}-28`,
    areaSlugs: n % 4 === 0 ? [AREAS[n % AREAS.length]!] : [],
    sdgTargets: [TARGETS[n % TARGETS.length]!],
    budget: n % 7 === 0 ? { amount: 10000 + (n % 90) * 1000, currency: "CHF" } : null,
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
