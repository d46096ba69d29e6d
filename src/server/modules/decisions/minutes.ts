import type { Attendance } from "#shared/bodies.ts";
import { formatPeriod } from "#shared/figure-format.ts";
import { type Language, localize, type MultilingualText } from "#shared/languages.ts";
import type { ReportBlock, ReportDocument, ReportInline } from "#shared/report-document.ts";
import type { Ctx } from "../../core/context.ts";
import { getBody, getMeeting } from "../bodies/bodies.service.ts";
import { listDocuments, registeredSymbol } from "../documents/documents.service.ts";
import { getAgenda, listActionItems, listDecisions, listReports } from "./decisions.service.ts";

interface MinutesWords {
  title: (body: string, number: number) => string;
  draft: (revision: number) => string;
  approved: (on: string) => string;
  modes: Record<"in_person" | "remote" | "hybrid", string>;
  attendanceHeading: string;
  attendanceHeader: [string, string, string];
  attendance: Record<Attendance | "unrecorded", string>;
  agendaHeading: string;
  document: string;
  documentsHeading: string;
  documentsHeader: [string, string];
  report: (person: string) => string;
  progress: string;
  issues: string;
  nextSteps: string;
  decision: string;
  actions: string;
  actionLine: (title: string, owner: string, unit: string, due: string) => string;
  otherHeading: string;
  original: (lang: string) => string;
  notesHeading: string;
  none: string;
}

/** Each language's name in the six, for "original in …" marks on texts not yet translated. */
const LANGUAGE_NAMES: Record<Language, Record<Language, string>> = {
  ar: { ar: "العربية", zh: "الصينية", en: "الإنكليزية", fr: "الفرنسية", ru: "الروسية", es: "الإسبانية" },
  zh: { ar: "阿拉伯文", zh: "中文", en: "英文", fr: "法文", ru: "俄文", es: "西班牙文" },
  en: { ar: "Arabic", zh: "Chinese", en: "English", fr: "French", ru: "Russian", es: "Spanish" },
  fr: { ar: "arabe", zh: "chinois", en: "anglais", fr: "français", ru: "russe", es: "espagnol" },
  ru: {
    ar: "арабском",
    zh: "китайском",
    en: "английском",
    fr: "французском",
    ru: "русском",
    es: "испанском",
  },
  es: { ar: "árabe", zh: "chino", en: "inglés", fr: "francés", ru: "ruso", es: "español" },
};

const WORDS: Record<Language, MinutesWords> = {
  en: {
    title: (body, n) => `${body}: minutes of meeting ${n}`,
    draft: (r) => `Draft minutes, revision ${r}`,
    approved: (on) => `Minutes approved by the chair on ${on}`,
    modes: { in_person: "in person", remote: "remote", hybrid: "hybrid" },
    attendanceHeading: "Attendance",
    attendanceHeader: ["Participant", "Category", "Attendance"],
    attendance: {
      in_person: "present",
      remote: "present remotely",
      apologies: "apologies",
      absent: "absent",
      unrecorded: "not recorded",
    },
    agendaHeading: "Agenda and proceedings",
    document: "Document",
    documentsHeading: "Documents of the meeting",
    documentsHeader: ["Symbol", "Title"],
    report: (p) => `Progress report by ${p}`,
    progress: "Progress",
    issues: "Issues",
    nextSteps: "Next steps",
    decision: "Decision",
    actions: "Action items",
    actionLine: (t, o, u, d) => `${t} — ${o} (${u}), due ${d}`,
    otherHeading: "Other decisions and action items",
    original: (l) => `[original in ${l}]`,
    notesHeading: "Notes",
    none: "—",
  },
  fr: {
    title: (body, n) => `${body} : compte rendu de la réunion ${n}`,
    draft: (r) => `Projet de compte rendu, révision ${r}`,
    approved: (on) => `Compte rendu approuvé par le président le ${on}`,
    modes: { in_person: "en présentiel", remote: "à distance", hybrid: "hybride" },
    attendanceHeading: "Participation",
    attendanceHeader: ["Participant", "Catégorie", "Présence"],
    attendance: {
      in_person: "présent",
      remote: "présent à distance",
      apologies: "excusé",
      absent: "absent",
      unrecorded: "non consigné",
    },
    agendaHeading: "Ordre du jour et délibérations",
    document: "Document",
    documentsHeading: "Documents de la réunion",
    documentsHeader: ["Cote", "Titre"],
    report: (p) => `Rapport d'avancement de ${p}`,
    progress: "Avancement",
    issues: "Difficultés",
    nextSteps: "Prochaines étapes",
    decision: "Décision",
    actions: "Mesures à prendre",
    actionLine: (t, o, u, d) => `${t} — ${o} (${u}), échéance : ${d}`,
    otherHeading: "Autres décisions et mesures à prendre",
    original: (l) => `[original en ${l}]`,
    notesHeading: "Notes",
    none: "—",
  },
  es: {
    title: (body, n) => `${body}: acta de la reunión ${n}`,
    draft: (r) => `Proyecto de acta, revisión ${r}`,
    approved: (on) => `Acta aprobada por la presidencia el ${on}`,
    modes: { in_person: "presencial", remote: "a distancia", hybrid: "híbrida" },
    attendanceHeading: "Asistencia",
    attendanceHeader: ["Participante", "Categoría", "Asistencia"],
    attendance: {
      in_person: "presente",
      remote: "presente a distancia",
      apologies: "excusado",
      absent: "ausente",
      unrecorded: "no registrada",
    },
    agendaHeading: "Orden del día y deliberaciones",
    document: "Documento",
    documentsHeading: "Documentos de la reunión",
    documentsHeader: ["Signatura", "Título"],
    report: (p) => `Informe de situación de ${p}`,
    progress: "Avances",
    issues: "Problemas",
    nextSteps: "Próximos pasos",
    decision: "Decisión",
    actions: "Medidas",
    actionLine: (t, o, u, d) => `${t} — ${o} (${u}), plazo: ${d}`,
    otherHeading: "Otras decisiones y medidas",
    original: (l) => `[original en ${l}]`,
    notesHeading: "Notas",
    none: "—",
  },
  ru: {
    title: (body, n) => `${body}: протокол собрания ${n}`,
    draft: (r) => `Проект протокола, редакция ${r}`,
    approved: (on) => `Протокол утвержден председателем ${on}`,
    modes: { in_person: "очно", remote: "дистанционно", hybrid: "в смешанном формате" },
    attendanceHeading: "Присутствовали",
    attendanceHeader: ["Участник", "Категория", "Участие"],
    attendance: {
      in_person: "присутствовал(а)",
      remote: "дистанционно",
      apologies: "извинился(лась)",
      absent: "отсутствовал(а)",
      unrecorded: "не отмечено",
    },
    agendaHeading: "Повестка дня и ход обсуждения",
    document: "Документ",
    documentsHeading: "Документы заседания",
    documentsHeader: ["Условное обозначение", "Название"],
    report: (p) => `Отчет о ходе работы: ${p}`,
    progress: "Ход работы",
    issues: "Проблемы",
    nextSteps: "Дальнейшие шаги",
    decision: "Решение",
    actions: "Поручения",
    actionLine: (t, o, u, d) => `${t} — ${o} (${u}), срок: ${d}`,
    otherHeading: "Прочие решения и поручения",
    original: (l) => `[оригинал на ${l} языке]`,
    notesHeading: "Примечания",
    none: "—",
  },
  zh: {
    title: (body, n) => `${body}第${n}次会议纪要`,
    draft: (r) => `会议纪要草案，第${r}稿`,
    approved: (on) => `主席于${on}批准会议纪要`,
    modes: { in_person: "现场", remote: "远程", hybrid: "混合" },
    attendanceHeading: "出席情况",
    attendanceHeader: ["与会者", "类别", "出席"],
    attendance: {
      in_person: "出席",
      remote: "远程出席",
      apologies: "请假",
      absent: "缺席",
      unrecorded: "未记录",
    },
    agendaHeading: "议程和讨论情况",
    document: "文件",
    documentsHeading: "会议文件",
    documentsHeader: ["文号", "标题"],
    report: (p) => `${p}的进展报告`,
    progress: "进展",
    issues: "问题",
    nextSteps: "下一步",
    decision: "决定",
    actions: "行动项目",
    actionLine: (t, o, u, d) => `${t}——${o}（${u}），截止日期：${d}`,
    otherHeading: "其他决定和行动项目",
    original: (l) => `［原文为${l}］`,
    notesHeading: "注",
    none: "—",
  },
  ar: {
    title: (body, n) => `${body}: محضر الاجتماع ${n}`,
    draft: (r) => `مشروع المحضر، التنقيح ${r}`,
    approved: (on) => `اعتمد الرئيس المحضر في ${on}`,
    modes: { in_person: "حضورياً", remote: "عن بُعد", hybrid: "مختلط" },
    attendanceHeading: "الحضور",
    attendanceHeader: ["المشارك", "الفئة", "الحضور"],
    attendance: {
      in_person: "حاضر",
      remote: "حاضر عن بُعد",
      apologies: "معتذر",
      absent: "غائب",
      unrecorded: "غير مسجل",
    },
    agendaHeading: "جدول الأعمال والمداولات",
    document: "الوثيقة",
    documentsHeading: "وثائق الاجتماع",
    documentsHeader: ["الرمز", "العنوان"],
    report: (p) => `التقرير المرحلي المقدم من ${p}`,
    progress: "التقدم المحرز",
    issues: "المسائل",
    nextSteps: "الخطوات التالية",
    decision: "القرار",
    actions: "بنود العمل",
    actionLine: (t, o, u, d) => `${t} — ${o} (${u})، الموعد النهائي: ${d}`,
    otherHeading: "قرارات وبنود عمل أخرى",
    original: (l) => `[النص الأصلي باللغة ${l}]`,
    notesHeading: "ملاحظات",
    none: "—",
  },
};

/** A day written as the language writes dates in running text (the figures' period rules). */
const day = (iso: string, lang: Language) => formatPeriod(iso, iso, lang);

/**
 * A meeting's minutes as a printable document in one language: when and where, who attended,
 * each agenda item with its proceedings, the focal points' reports, the decisions taken and the
 * action items given, and the approval status. A text not available in the language is shown in
 * its original, marked as such — never silently in another language.
 */
export async function draftMinutes(ctx: Ctx, meetingId: string, lang: Language): Promise<ReportDocument> {
  const words = WORDS[lang];
  const meeting = await getMeeting(ctx, meetingId);
  const body = await getBody(ctx, meeting.bodyId);
  const agenda = (await getAgenda(ctx, meeting.id)).entries;
  const decisions = (await listDecisions(ctx, { meetingId: meeting.id, limit: 500 })).entries;
  const actions = (await listActionItems(ctx, { meetingId: meeting.id, limit: 500 })).entries;
  const reports = (await listReports(ctx, meeting.id)).entries;
  // Documents issued for the meeting, and those its agenda cites, named by their registered titles.
  const documents = (await listDocuments(ctx, { meetingId: meeting.id, limit: 500 })).entries;
  for (const symbol of new Set(agenda.map((item) => item.documentSymbol).filter((s) => s !== null)))
    documents.push(...(await listDocuments(ctx, { symbol, limit: 1 })).entries);
  const documentTitle = (symbol: string) => {
    const found = documents.find((d) => d.symbol === registeredSymbol(symbol)?.symbol);
    return found ? ` — ${text(found.title, found.originalLanguage)}` : "";
  };

  const text = (value: MultilingualText, original: Language): string => {
    const shown = localize(value, original, lang);
    return shown.fallback ? `${shown.text} ${words.original(LANGUAGE_NAMES[lang][shown.lang])}` : shown.text;
  };
  const local = new Intl.DateTimeFormat(`${lang}-u-nu-latn`, {
    timeZone: meeting.timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const startDay = new Intl.DateTimeFormat("en-CA", { timeZone: meeting.timeZone }).format(
    new Date(meeting.startsAt),
  );
  const when = `${day(startDay, lang)}, ${local.format(new Date(meeting.startsAt))}${
    meeting.endsAt ? `–${local.format(new Date(meeting.endsAt))}` : ""
  } (${meeting.timeZone})`;
  const status =
    meeting.minutesStatus === "approved" && meeting.minutesApprovedAt
      ? words.approved(day(meeting.minutesApprovedAt.slice(0, 10), lang))
      : words.draft(meeting.minutesRevision);
  const categoryName = (code: string | null) => {
    const category = body.categories.find((c) => c.code === code);
    return category ? localize(category.name, body.originalLanguage, lang).text : words.none;
  };

  const blocks: ReportBlock[] = [
    { kind: "paragraph", runs: [{ text: status }] },
    { kind: "heading", level: 1, text: words.attendanceHeading },
    {
      kind: "table",
      caption: words.attendanceHeading,
      header: words.attendanceHeader,
      numeric: [false, false, false],
      rows: meeting.participants.map((p) => [
        [{ text: p.personName }],
        [{ text: categoryName(p.category) }],
        [{ text: words.attendance[p.attendance ?? "unrecorded"] }],
      ]),
    },
    { kind: "heading", level: 1, text: words.agendaHeading },
  ];
  const said = (label: string, value: string): ReportBlock[] =>
    value ? [{ kind: "paragraph", runs: [{ text: `${label}: ${value}` }] }] : [];
  const decisionBlocks = (list: typeof decisions): ReportBlock[] =>
    list.map((d) => ({
      kind: "paragraph",
      runs: [{ text: `${words.decision} ${d.number}: ${text(d.text, d.originalLanguage)}` }],
    }));
  const actionBlocks = (list: typeof actions): ReportBlock[] =>
    list.length
      ? [
          { kind: "paragraph", runs: [{ text: `${words.actions}:` }] },
          ...list.map((a): ReportBlock => ({
            kind: "paragraph",
            runs: [
              {
                text: `• ${words.actionLine(text(a.title, a.originalLanguage), a.ownerName, a.ownerUnitCode, day(a.dueDate, lang))}`,
              },
            ] satisfies ReportInline[],
          })),
        ]
      : [];

  for (const item of agenda) {
    blocks.push({
      kind: "heading",
      level: 2,
      text: `${item.position}. ${text(item.title, item.originalLanguage)}`,
    });
    if (item.documentSymbol)
      blocks.push(...said(words.document, `${item.documentSymbol}${documentTitle(item.documentSymbol)}`));
    if (item.minutes)
      blocks.push({ kind: "paragraph", runs: [{ text: text(item.minutes, item.originalLanguage) }] });
    for (const report of reports.filter((r) => item.areaSlug && r.areaSlug === item.areaSlug)) {
      blocks.push(
        { kind: "paragraph", runs: [{ text: words.report(report.personName) }] },
        ...said(words.progress, report.progress),
        ...said(words.issues, report.issues),
        ...said(words.nextSteps, report.nextSteps),
      );
    }
    blocks.push(
      ...decisionBlocks(decisions.filter((d) => d.agendaItemId === item.id)),
      ...actionBlocks(actions.filter((a) => a.agendaItemId === item.id)),
    );
  }
  const looseDecisions = decisions.filter((d) => !agenda.some((i) => i.id === d.agendaItemId));
  const looseActions = actions.filter((a) => !agenda.some((i) => i.id === a.agendaItemId));
  if (looseDecisions.length || looseActions.length)
    blocks.push(
      { kind: "heading", level: 1, text: words.otherHeading },
      ...decisionBlocks(looseDecisions),
      ...actionBlocks(looseActions),
    );

  const issuedForMeeting = documents.filter(
    (d, i) => d.meetingId === meeting.id && documents.findIndex((other) => other.id === d.id) === i,
  );
  if (issuedForMeeting.length)
    blocks.push(
      { kind: "heading", level: 1, text: words.documentsHeading },
      {
        kind: "table",
        caption: words.documentsHeading,
        header: words.documentsHeader,
        numeric: [false, false],
        rows: issuedForMeeting.map((d) => [
          [{ text: d.symbol }],
          [{ text: text(d.title, d.originalLanguage) }],
        ]),
      },
    );

  return {
    lang,
    title: words.title(localize(body.name, body.originalLanguage, lang).text, meeting.number),
    subtitle: [when, words.modes[meeting.mode], meeting.place].filter(Boolean).join(" · "),
    blocks,
    notes: [],
    notesHeading: words.notesHeading,
    missing: [],
  };
}
