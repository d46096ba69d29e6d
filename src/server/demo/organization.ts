import type { Role } from "#shared/access.ts";
import type { MultilingualText } from "#shared/languages.ts";
import type { UnitKind } from "#shared/organization.ts";

export interface DemoUnit {
  code: string;
  kind: UnitKind;
  parent: string | null;
  validFrom: string;
  name: Required<MultilingualText>;
}

/**
 * The Union's structure as the seeds describe it. Dates: the Union (1865) and the three-Sector
 * structure (1 March 1993) are historical; departments and divisions are given 2015-01-01, the
 * start of the period the seeds report on, because their earlier history is not in our sources —
 * except the protocol service, created in October 2016 (seed 004, S.12). See docs/decisions/0003.
 */
const SECTORS_FROM = "1993-03-01";
const REPORTED_FROM = "2015-01-01";

export const DEMO_UNITS: DemoUnit[] = [
  {
    code: "ITU",
    kind: "organization",
    parent: null,
    validFrom: "1865-05-17",
    name: {
      ar: "الاتحاد الدولي للاتصالات",
      zh: "国际电信联盟",
      en: "International Telecommunication Union",
      fr: "Union internationale des télécommunications",
      ru: "Международный союз электросвязи",
      es: "Unión Internacional de Telecomunicaciones",
    },
  },
  {
    code: "ITU-R",
    kind: "sector",
    parent: "ITU",
    validFrom: SECTORS_FROM,
    name: {
      ar: "قطاع الاتصالات الراديوية",
      zh: "无线电通信部门",
      en: "Radiocommunication Sector",
      fr: "Secteur des radiocommunications",
      ru: "Сектор радиосвязи",
      es: "Sector de Radiocomunicaciones",
    },
  },
  {
    code: "BR",
    kind: "bureau",
    parent: "ITU-R",
    validFrom: SECTORS_FROM,
    name: {
      ar: "مكتب الاتصالات الراديوية",
      zh: "无线电通信局",
      en: "Radiocommunication Bureau",
      fr: "Bureau des radiocommunications",
      ru: "Бюро радиосвязи",
      es: "Oficina de Radiocomunicaciones",
    },
  },
  {
    code: "ITU-T",
    kind: "sector",
    parent: "ITU",
    validFrom: SECTORS_FROM,
    name: {
      ar: "قطاع تقييس الاتصالات",
      zh: "电信标准化部门",
      en: "Telecommunication Standardization Sector",
      fr: "Secteur de la normalisation des télécommunications",
      ru: "Сектор стандартизации электросвязи",
      es: "Sector de Normalización de las Telecomunicaciones",
    },
  },
  {
    code: "TSB",
    kind: "bureau",
    parent: "ITU-T",
    validFrom: SECTORS_FROM,
    name: {
      ar: "مكتب تقييس الاتصالات",
      zh: "电信标准化局",
      en: "Telecommunication Standardization Bureau",
      fr: "Bureau de la normalisation des télécommunications",
      ru: "Бюро стандартизации электросвязи",
      es: "Oficina de Normalización de las Telecomunicaciones",
    },
  },
  {
    code: "ITU-D",
    kind: "sector",
    parent: "ITU",
    validFrom: SECTORS_FROM,
    name: {
      ar: "قطاع تنمية الاتصالات",
      zh: "电信发展部门",
      en: "Telecommunication Development Sector",
      fr: "Secteur du développement des télécommunications",
      ru: "Сектор развития электросвязи",
      es: "Sector de Desarrollo de las Telecomunicaciones",
    },
  },
  {
    code: "BDT",
    kind: "bureau",
    parent: "ITU-D",
    validFrom: SECTORS_FROM,
    name: {
      ar: "مكتب تنمية الاتصالات",
      zh: "电信发展局",
      en: "Telecommunication Development Bureau",
      fr: "Bureau de développement des télécommunications",
      ru: "Бюро развития электросвязи",
      es: "Oficina de Desarrollo de las Telecomunicaciones",
    },
  },
  {
    code: "AFR",
    kind: "regional_office",
    parent: "BDT",
    validFrom: REPORTED_FROM,
    name: {
      ar: "المكتب الإقليمي لأفريقيا",
      zh: "非洲区域代表处",
      en: "Regional Office for Africa",
      fr: "Bureau régional pour l'Afrique",
      ru: "Региональное отделение для Африки",
      es: "Oficina Regional para África",
    },
  },
  {
    code: "AMS",
    kind: "regional_office",
    parent: "BDT",
    validFrom: REPORTED_FROM,
    name: {
      ar: "المكتب الإقليمي للأمريكتين",
      zh: "美洲区域代表处",
      en: "Regional Office for the Americas",
      fr: "Bureau régional pour les Amériques",
      ru: "Региональное отделение для Северной и Южной Америки",
      es: "Oficina Regional para las Américas",
    },
  },
  {
    code: "ARB",
    kind: "regional_office",
    parent: "BDT",
    validFrom: REPORTED_FROM,
    name: {
      ar: "المكتب الإقليمي للدول العربية",
      zh: "阿拉伯国家区域代表处",
      en: "Regional Office for the Arab States",
      fr: "Bureau régional pour les États arabes",
      ru: "Региональное отделение для арабских государств",
      es: "Oficina Regional para los Estados Árabes",
    },
  },
  {
    code: "ASP",
    kind: "regional_office",
    parent: "BDT",
    validFrom: REPORTED_FROM,
    name: {
      ar: "المكتب الإقليمي لآسيا والمحيط الهادئ",
      zh: "亚太区域代表处",
      en: "Regional Office for Asia and the Pacific",
      fr: "Bureau régional pour l'Asie et le Pacifique",
      ru: "Региональное отделение для Азиатско-Тихоокеанского региона",
      es: "Oficina Regional para Asia y el Pacífico",
    },
  },
  {
    code: "CIS",
    kind: "regional_office",
    parent: "BDT",
    validFrom: REPORTED_FROM,
    name: {
      ar: "المكتب الإقليمي لكومنولث الدول المستقلة",
      zh: "独联体区域代表处",
      en: "Regional Office for the CIS region",
      fr: "Bureau régional pour la région de la CEI",
      ru: "Региональное отделение для региона СНГ",
      es: "Oficina Regional para la región de la CEI",
    },
  },
  {
    code: "EUR",
    kind: "regional_office",
    parent: "BDT",
    validFrom: REPORTED_FROM,
    name: {
      ar: "المكتب الإقليمي لأوروبا",
      zh: "欧洲区域代表处",
      en: "Regional Office for Europe",
      fr: "Bureau régional pour l'Europe",
      ru: "Региональное отделение для Европы",
      es: "Oficina Regional para Europa",
    },
  },
  {
    code: "GS",
    kind: "general_secretariat",
    parent: "ITU",
    validFrom: SECTORS_FROM,
    name: {
      ar: "الأمانة العامة",
      zh: "总秘书处",
      en: "General Secretariat",
      fr: "Secrétariat général",
      ru: "Генеральный секретариат",
      es: "Secretaría General",
    },
  },
  {
    code: "SPM",
    kind: "department",
    parent: "GS",
    validFrom: REPORTED_FROM,
    name: {
      ar: "إدارة التخطيط الاستراتيجي والعضوية",
      zh: "战略规划和成员部",
      en: "Strategic Planning and Membership Department",
      fr: "Département de la planification stratégique et des membres",
      ru: "Департамент стратегического планирования и членского состава",
      es: "Departamento de Planificación Estratégica y Membresía",
    },
  },
  {
    code: "C&P",
    kind: "department",
    parent: "GS",
    validFrom: REPORTED_FROM,
    name: {
      ar: "إدارة المؤتمرات والمنشورات",
      zh: "会议和出版部",
      en: "Conferences and Publications Department",
      fr: "Département des conférences et des publications",
      ru: "Департамент конференций и публикаций",
      es: "Departamento de Conferencias y Publicaciones",
    },
  },
  {
    code: "IS",
    kind: "department",
    parent: "GS",
    validFrom: REPORTED_FROM,
    name: {
      ar: "إدارة خدمات المعلومات",
      zh: "信息服务部",
      en: "Information Services Department",
      fr: "Département des services informatiques",
      ru: "Департамент информационных служб",
      es: "Departamento de Servicios de Información",
    },
  },
  {
    code: "SSD",
    kind: "division",
    parent: "IS",
    validFrom: REPORTED_FROM,
    name: {
      ar: "شعبة السلامة والأمن",
      zh: "安全和安保处",
      en: "Safety and Security Division",
      fr: "Division de la sûreté et de la sécurité",
      ru: "Отдел охраны и безопасности",
      es: "División de Seguridad y Protección",
    },
  },
  {
    code: "LAS",
    kind: "division",
    parent: "IS",
    validFrom: REPORTED_FROM,
    name: {
      ar: "دائرة المكتبة والمحفوظات",
      zh: "图书馆和档案处",
      en: "Library and Archives Service",
      fr: "Service de la bibliothèque et des archives",
      ru: "Служба библиотеки и архивов",
      es: "Servicio de Biblioteca y Archivos",
    },
  },
  {
    code: "HRMD",
    kind: "department",
    parent: "GS",
    validFrom: REPORTED_FROM,
    name: {
      ar: "إدارة الموارد البشرية",
      zh: "人力资源管理部",
      en: "Human Resources Management Department",
      fr: "Département de la gestion des ressources humaines",
      ru: "Департамент управления людскими ресурсами",
      es: "Departamento de Gestión de Recursos Humanos",
    },
  },
  {
    code: "FMD",
    kind: "division",
    parent: "HRMD",
    validFrom: REPORTED_FROM,
    name: {
      ar: "شعبة إدارة المرافق",
      zh: "设施管理处",
      en: "Facilities Management Division",
      fr: "Division de la gestion des installations",
      ru: "Отдел эксплуатации помещений",
      es: "División de Gestión de Instalaciones",
    },
  },
  {
    code: "FRMD",
    kind: "department",
    parent: "GS",
    validFrom: REPORTED_FROM,
    name: {
      ar: "إدارة الموارد المالية",
      zh: "财务资源管理部",
      en: "Financial Resources Management Department",
      fr: "Département de la gestion des ressources financières",
      ru: "Департамент управления финансовыми ресурсами",
      es: "Departamento de Gestión de Recursos Financieros",
    },
  },
  {
    code: "JUR",
    kind: "office",
    parent: "GS",
    validFrom: REPORTED_FROM,
    name: {
      ar: "وحدة الشؤون القانونية",
      zh: "法律事务部门",
      en: "Legal Affairs Unit",
      fr: "Unité des affaires juridiques",
      ru: "Группа по правовым вопросам",
      es: "Unidad de Asuntos Jurídicos",
    },
  },
  {
    code: "IAU",
    kind: "office",
    parent: "GS",
    validFrom: REPORTED_FROM,
    name: {
      ar: "وحدة المراجعة الداخلية للحسابات",
      zh: "内部审计部门",
      en: "Internal Audit Unit",
      fr: "Unité de l'audit interne",
      ru: "Группа внутреннего аудита",
      es: "Unidad de Auditoría Interna",
    },
  },
  {
    code: "CCD",
    kind: "division",
    parent: "GS",
    validFrom: REPORTED_FROM,
    name: {
      ar: "شعبة الاتصال المؤسسي",
      zh: "机构宣传处",
      en: "Corporate Communication Division",
      fr: "Division de la communication institutionnelle",
      ru: "Отдел корпоративных коммуникаций",
      es: "División de Comunicación Institucional",
    },
  },
  {
    code: "GBS",
    kind: "office",
    parent: "GS",
    validFrom: REPORTED_FROM,
    name: {
      ar: "أمانة الهيئات الإدارية",
      zh: "管理机构秘书处",
      en: "Governing Bodies Secretariat",
      fr: "Secrétariat des organes directeurs",
      ru: "Секретариат руководящих органов",
      es: "Secretaría de los Órganos Rectores",
    },
  },
  {
    code: "PROT",
    kind: "division",
    parent: "GS",
    validFrom: "2016-10-01",
    name: {
      ar: "دائرة المراسم والأحداث الخاصة",
      zh: "礼宾和特别活动处",
      en: "Protocol and Special Events Service",
      fr: "Service du protocole et des manifestations spéciales",
      ru: "Служба протокола и специальных мероприятий",
      es: "Servicio de Protocolo y Actos Especiales",
    },
  },
  {
    code: "ETH",
    kind: "office",
    parent: "GS",
    validFrom: REPORTED_FROM,
    name: {
      ar: "مكتب الأخلاقيات",
      zh: "道德操守办公室",
      en: "Ethics Office",
      fr: "Bureau de l'éthique",
      ru: "Бюро по вопросам этики",
      es: "Oficina de Ética",
    },
  },
];

const TITLES = {
  sg: {
    ar: "الأمين العام",
    zh: "秘书长",
    en: "Secretary-General",
    fr: "Secrétaire général",
    ru: "Генеральный секретарь",
    es: "Secretario General",
  },
  dsg: {
    ar: "نائب الأمين العام",
    zh: "副秘书长",
    en: "Deputy Secretary-General",
    fr: "Vice-Secrétaire général",
    ru: "Заместитель Генерального секретаря",
    es: "Vicesecretario General",
  },
  director: { ar: "المدير", zh: "主任", en: "Director", fr: "Directeur", ru: "Директор", es: "Director" },
  regionalDirector: {
    ar: "المدير الإقليمي",
    zh: "区域主任",
    en: "Regional Director",
    fr: "Directeur régional",
    ru: "Региональный директор",
    es: "Director Regional",
  },
  head: { ar: "الرئيس", zh: "负责人", en: "Head", fr: "Chef", ru: "Руководитель", es: "Jefe" },
  administrator: {
    ar: "مدير المنصة",
    zh: "平台管理员",
    en: "Platform administrator",
    fr: "Administrateur de la plateforme",
    ru: "Администратор платформы",
    es: "Administrador de la plataforma",
  },
} satisfies Record<string, Required<MultilingualText>>;

export interface DemoPerson {
  name: string;
  email: string;
  unit: string;
  title: keyof typeof TITLES;
  roles: { role: Role; unit: string | null }[];
}

/**
 * The officials the seeds name by function. Their names are fictional (the seeds name none);
 * the functions, units and the roles they imply (the Deputy Secretary-General chairs the task force,
 * SPM runs its secretariat, the head of internal audit observes) are the seeds'.
 */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    name: "Amina Diallo",
    email: "sg@intersect.example",
    unit: "GS",
    title: "sg",
    roles: [{ role: "staff", unit: null }],
  },
  {
    name: "Tomás Herrera",
    email: "dsg@intersect.example",
    unit: "GS",
    title: "dsg",
    roles: [{ role: "chair", unit: null }],
  },
  {
    name: "Ingrid Solberg",
    email: "director.br@intersect.example",
    unit: "BR",
    title: "director",
    roles: [{ role: "staff", unit: "ITU-R" }],
  },
  {
    name: "Wei Zhang",
    email: "director.tsb@intersect.example",
    unit: "TSB",
    title: "director",
    roles: [{ role: "staff", unit: "ITU-T" }],
  },
  {
    name: "Kwame Mensah",
    email: "director.bdt@intersect.example",
    unit: "BDT",
    title: "director",
    roles: [{ role: "staff", unit: "ITU-D" }],
  },
  {
    name: "Fatou Ndiaye",
    email: "rd.afr@intersect.example",
    unit: "AFR",
    title: "regionalDirector",
    roles: [{ role: "staff", unit: "AFR" }],
  },
  {
    name: "Lucía Fernández",
    email: "rd.ams@intersect.example",
    unit: "AMS",
    title: "regionalDirector",
    roles: [{ role: "staff", unit: "AMS" }],
  },
  {
    name: "Omar Haddad",
    email: "rd.arb@intersect.example",
    unit: "ARB",
    title: "regionalDirector",
    roles: [{ role: "staff", unit: "ARB" }],
  },
  {
    name: "Priya Raman",
    email: "rd.asp@intersect.example",
    unit: "ASP",
    title: "regionalDirector",
    roles: [{ role: "staff", unit: "ASP" }],
  },
  {
    name: "Dmitri Volkov",
    email: "rd.cis@intersect.example",
    unit: "CIS",
    title: "regionalDirector",
    roles: [{ role: "staff", unit: "CIS" }],
  },
  {
    name: "Katarzyna Nowak",
    email: "rd.eur@intersect.example",
    unit: "EUR",
    title: "regionalDirector",
    roles: [{ role: "staff", unit: "EUR" }],
  },
  {
    name: "Hélène Dubois",
    email: "head.spm@intersect.example",
    unit: "SPM",
    title: "head",
    roles: [{ role: "secretariat", unit: null }],
  },
  {
    name: "Marco Bianchi",
    email: "head.cp@intersect.example",
    unit: "C&P",
    title: "head",
    roles: [{ role: "staff", unit: "C&P" }],
  },
  {
    name: "Yuki Tanaka",
    email: "head.is@intersect.example",
    unit: "IS",
    title: "head",
    roles: [{ role: "staff", unit: "IS" }],
  },
  {
    name: "Grace Mwangi",
    email: "head.hrmd@intersect.example",
    unit: "HRMD",
    title: "head",
    roles: [{ role: "staff", unit: "HRMD" }],
  },
  {
    name: "Javier Morales",
    email: "head.frmd@intersect.example",
    unit: "FRMD",
    title: "head",
    roles: [{ role: "staff", unit: "FRMD" }],
  },
  {
    name: "Leila Karimi",
    email: "head.jur@intersect.example",
    unit: "JUR",
    title: "head",
    roles: [{ role: "staff", unit: "JUR" }],
  },
  {
    name: "Samuel Osei",
    email: "head.iau@intersect.example",
    unit: "IAU",
    title: "head",
    roles: [{ role: "observer", unit: null }],
  },
  {
    name: "Anna Petrova",
    email: "head.ccd@intersect.example",
    unit: "CCD",
    title: "head",
    roles: [{ role: "staff", unit: "CCD" }],
  },
  {
    name: "Nadia Rahman",
    email: "head.gbs@intersect.example",
    unit: "GBS",
    title: "head",
    roles: [{ role: "staff", unit: "GBS" }],
  },
  {
    name: "Pierre Lambert",
    email: "head.prot@intersect.example",
    unit: "PROT",
    title: "head",
    roles: [{ role: "staff", unit: "PROT" }],
  },
  {
    name: "Demo Administrator",
    email: "admin@intersect.example",
    unit: "SPM",
    title: "administrator",
    roles: [{ role: "administrator", unit: null }],
  },
];

export const DEMO_ADMIN_EMAIL = "admin@intersect.example";
/** Printed by `npm start` on first run; every demo account shares it. Change it before real use. */
export const DEMO_PASSWORD = "intersect-demo-2026";

export function titleOf(person: DemoPerson): Required<MultilingualText> {
  return TITLES[person.title];
}
