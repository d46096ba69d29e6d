import type { BodyCategory } from "#shared/bodies.ts";
import type { MultilingualText } from "#shared/languages.ts";

/**
 * The coordination bodies of seed 000. The task force's composition (categories a–e, Bureau
 * department heads at the chair's invitation) and its count of meetings — 16 since March 2015, 7 of
 * them in 2016 and 1 in early 2017 — are the seed's; the seed gives no dates, so the dates below
 * are illustrative (the monthly rhythm such a task force keeps), as is the attendance recorded.
 */
export interface DemoBody {
  code: string;
  name: Required<MultilingualText>;
  level: "secretariat" | "membership";
  chair: string | null;
  termsOfReference: MultilingualText | null;
  instrument: string | null;
  categories: BodyCategory[];
  members: { email: string; category: string }[];
}

const category = (
  code: string,
  attendance: BodyCategory["attendance"],
  name: Required<MultilingualText>,
) => ({
  code,
  attendance,
  name,
});

export const DEMO_BODIES: DemoBody[] = [
  {
    code: "isc-tf",
    name: {
      ar: "فرقة العمل المعنية بالتنسيق بين القطاعات (ISC-TF)",
      zh: "跨部门协调任务组（ISC-TF）",
      en: "Inter-Sectoral Coordination Task Force (ISC-TF)",
      fr: "Équipe spéciale de coordination intersectorielle (ISC-TF)",
      ru: "Целевая группа по межсекторальной координации (ISC-TF)",
      es: "Equipo Especial de Coordinación Intersectorial (ISC-TF)",
    },
    level: "secretariat",
    chair: "dsg@intersect.example",
    termsOfReference: {
      zh: "为落实第191号决议（2014年，釜山）而成立，促进三个局以及总秘书处之间的协调与协作，避免内部重复劳动并优化资源的利用。",
      en: "Set up to implement Resolution 191 (Busan, 2014): to foster coordination and collaboration between the three Bureaux and the General Secretariat, avoid internal duplication of work and optimize the use of resources.",
    },
    instrument: "PP-191",
    categories: [
      category("a", "member", {
        ar: "ممثلو مديري المكاتب الثلاثة ورئيس دائرة التخطيط الاستراتيجي والعضوية",
        zh: "三个局主任的代表以及战略规划和成员部主任",
        en: "Representatives of the three Bureau Directors and the Head of SPM",
        fr: "Représentants des trois Directeurs des Bureaux et Chef du Département SPM",
        ru: "Представители директоров трёх Бюро и руководитель Департамента SPM",
        es: "Representantes de los tres Directores de las Oficinas y Jefe del Departamento SPM",
      }),
      category("b", "member", {
        ar: "منسقو المجالات المشتركة بين القطاعات",
        zh: "负责具体专题领域的跨部门联络人",
        en: "Inter-sectoral focal points for specific thematic areas",
        fr: "Coordonnateurs intersectoriels des domaines thématiques",
        ru: "Межсекторальные координаторы по тематическим областям",
        es: "Coordinadores intersectoriales de áreas temáticas",
      }),
      category("c", "member", {
        ar: "المديرون الإقليميون",
        zh: "各区域主任",
        en: "Regional Directors",
        fr: "Directeurs régionaux",
        ru: "Региональные директора",
        es: "Directores Regionales",
      }),
      category("d", "member", {
        ar: "رؤساء إدارات الأمانة العامة",
        zh: "总秘书处各部负责人",
        en: "Heads of General Secretariat departments",
        fr: "Chefs des départements du Secrétariat général",
        ru: "Руководители департаментов Генерального секретариата",
        es: "Jefes de los departamentos de la Secretaría General",
      }),
      category("e", "observer", {
        ar: "رئيس المراجعة الداخلية (بصفة مراقب)",
        zh: "内部审计部门负责人（观察员）",
        en: "Head of Internal Audit (observer)",
        fr: "Chef de l'audit interne (observateur)",
        ru: "Руководитель службы внутреннего аудита (наблюдатель)",
        es: "Jefe de Auditoría Interna (observador)",
      }),
      category("f", "invited_only", {
        ar: "رؤساء إدارات المكاتب الثلاثة، بدعوة من الرئيس",
        zh: "三个局各部负责人（应主席邀请与会）",
        en: "Heads of Bureau departments, at the chair's invitation",
        fr: "Chefs des départements des Bureaux, sur invitation du président",
        ru: "Руководители департаментов Бюро, по приглашению председателя",
        es: "Jefes de los departamentos de las Oficinas, por invitación del presidente",
      }),
    ],
    members: [
      ...["director.br", "director.tsb", "director.bdt", "head.spm"].map((p) => ({
        email: `${p}@intersect.example`,
        category: "a",
      })),
      ...["head.ccd", "head.cp"].map((p) => ({ email: `${p}@intersect.example`, category: "b" })),
      ...["rd.afr", "rd.ams", "rd.arb", "rd.asp", "rd.cis", "rd.eur"].map((p) => ({
        email: `${p}@intersect.example`,
        category: "c",
      })),
      ...["head.is", "head.hrmd", "head.frmd", "head.jur", "head.gbs", "head.prot"].map((p) => ({
        email: `${p}@intersect.example`,
        category: "d",
      })),
      { email: "head.iau@intersect.example", category: "e" },
    ],
  },
  {
    code: "isct",
    name: {
      ar: "فريق التنسيق بين القطاعات التابع للأفرقة الاستشارية الثلاثة (ISCT)",
      zh: "三个顾问组的跨部门协调组（ISCT）",
      en: "Inter-Sector Coordination Team of the three advisory groups (ISCT)",
      fr: "Équipe de coordination intersectorielle des trois groupes consultatifs (ISCT)",
      ru: "Межсекторальная координационная группа трёх консультативных групп (ISCT)",
      es: "Equipo de Coordinación Intersectorial de los tres grupos asesores (ISCT)",
    },
    level: "membership",
    chair: null,
    termsOfReference: {
      zh: "2014和2015年召开的RAG、TSAG和TDAG会议就针对共同关注的问题成立一个跨部门协调组达成一致（背景信息请参见C15/38(Rev.1)号文件）。",
      en: "Agreed by the 2014 and 2015 meetings of RAG, TSAG and TDAG to coordinate issues of common interest to the three Sectors (background: document C15/38(Rev.1)).",
    },
    instrument: "PP-191",
    categories: [
      category("members", "member", {
        ar: "ممثلو الأفرقة الاستشارية RAG وTSAG وTDAG",
        zh: "RAG、TSAG和TDAG的代表",
        en: "Representatives of RAG, TSAG and TDAG",
        fr: "Représentants du GCR, du GCNT et du GCDT",
        ru: "Представители КГР, КГСЭ и КГРЭ",
        es: "Representantes del GAR, el GANT y el GADT",
      }),
      category("bureaux", "observer", {
        ar: "المكاتب الثلاثة (أمانة)",
        zh: "三个局（秘书处）",
        en: "The three Bureaux (secretariat)",
        fr: "Les trois Bureaux (secrétariat)",
        ru: "Три Бюро (секретариат)",
        es: "Las tres Oficinas (secretaría)",
      }),
    ],
    members: ["director.br", "director.tsb", "director.bdt"].map((p) => ({
      email: `${p}@intersect.example`,
      category: "bureaux",
    })),
  },
  {
    code: "cc",
    name: {
      ar: "لجنة التنسيق",
      zh: "协调委员会",
      en: "Coordination Committee",
      fr: "Comité de coordination",
      ru: "Координационный комитет",
      es: "Comité de Coordinación",
    },
    level: "secretariat",
    chair: "sg@intersect.example",
    termsOfReference: null,
    instrument: null,
    categories: [
      category("elected", "member", {
        ar: "المسؤولون المنتخبون",
        zh: "选任官员",
        en: "Elected officials",
        fr: "Fonctionnaires élus",
        ru: "Избираемые должностные лица",
        es: "Funcionarios de elección",
      }),
    ],
    members: ["sg", "dsg", "director.br", "director.tsb", "director.bdt"].map((p) => ({
      email: `${p}@intersect.example`,
      category: "elected",
    })),
  },
  {
    code: "mcg",
    name: {
      ar: "فريق تنسيق الإدارة",
      zh: "管理协调组",
      en: "Management Coordination Group",
      fr: "Groupe de coordination de la gestion",
      ru: "Группа по координации управления",
      es: "Grupo de Coordinación de la Gestión",
    },
    level: "secretariat",
    chair: "dsg@intersect.example",
    termsOfReference: null,
    instrument: null,
    categories: [
      category("heads", "member", {
        ar: "رؤساء الإدارات",
        zh: "各部负责人",
        en: "Heads of departments",
        fr: "Chefs de département",
        ru: "Руководители департаментов",
        es: "Jefes de departamento",
      }),
    ],
    members: ["head.spm", "head.hrmd", "head.frmd", "head.is", "head.ccd"].map((p) => ({
      email: `${p}@intersect.example`,
      category: "heads",
    })),
  },
];

/**
 * The task force's 16 meetings: eight in 2015 from March, seven in 2016, one in January 2017 (the
 * seed's counts; the dates are illustrative). Times are Geneva's.
 */
export const DEMO_TASK_FORCE_MEETINGS: { startsAt: string; mode: "in_person" | "hybrid" | "remote" }[] = [
  "2015-03-12T10:00:00+01:00",
  "2015-04-23T10:00:00+02:00",
  "2015-05-28T10:00:00+02:00",
  "2015-06-25T10:00:00+02:00",
  "2015-07-16T10:00:00+02:00",
  "2015-09-17T10:00:00+02:00",
  "2015-10-22T10:00:00+02:00",
  "2015-12-03T10:00:00+01:00",
  "2016-01-28T10:00:00+01:00",
  "2016-03-10T10:00:00+01:00",
  "2016-04-21T10:00:00+02:00",
  "2016-06-16T10:00:00+02:00",
  "2016-09-15T10:00:00+02:00",
  "2016-10-27T10:00:00+02:00",
  "2016-12-08T10:00:00+01:00",
  "2017-01-26T10:00:00+01:00",
].map((startsAt, i) => ({ startsAt, mode: i < 4 ? "in_person" : "hybrid" }));

/** The demo organization's escalation ladder: focal point → task force → MCG → Coordination Committee. */
export const DEMO_LADDER = [
  {
    name: {
      ar: "المنسقون",
      zh: "联络人",
      en: "Focal points",
      fr: "Coordonnateurs",
      ru: "Координаторы",
      es: "Coordinadores",
    },
    bodyCode: null,
    timeLimitDays: 14,
  },
  {
    name: {
      ar: "فرقة العمل",
      zh: "任务组",
      en: "Task force",
      fr: "Équipe spéciale",
      ru: "Целевая группа",
      es: "Equipo especial",
    },
    bodyCode: "isc-tf",
    timeLimitDays: 30,
  },
  {
    name: {
      ar: "فريق تنسيق الإدارة",
      zh: "管理协调组",
      en: "Management Coordination Group",
      fr: "Groupe de coordination de la gestion",
      ru: "Группа по координации управления",
      es: "Grupo de Coordinación de la Gestión",
    },
    bodyCode: "mcg",
    timeLimitDays: 30,
  },
  {
    name: {
      ar: "لجنة التنسيق",
      zh: "协调委员会",
      en: "Coordination Committee",
      fr: "Comité de coordination",
      ru: "Координационный комитет",
      es: "Comité de Coordinación",
    },
    bodyCode: "cc",
    timeLimitDays: null,
  },
];
