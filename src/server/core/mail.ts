import { and, eq, inArray, lt, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { type Language, LANGUAGES } from "#shared/languages.ts";
import { notification } from "../db/schema/notifications.ts";
import { person } from "../db/schema/organization.ts";
import type { Ctx } from "./context.ts";

/** What sends one message; the SMTP transport in production, a fake in tests. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/**
 * An SMTP mailer from `SMTP_URL` (`smtp://user:password@host:587`, `smtps://…:465`; add
 * `?ignoreTLS=true` for a relay on the same host without STARTTLS).
 */
export function smtpMailer(config: { url: string; from: string }): Mailer {
  const url = new URL(config.url);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === "smtps:" ? 465 : 587)),
    secure: url.protocol === "smtps:",
    ignoreTLS: url.searchParams.get("ignoreTLS") === "true",
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
  });
  return {
    async send(message) {
      await transport.sendMail({ from: config.from, ...message });
    },
  };
}

/** A notification's e-mail in the recipient's language: a subject line and one sentence. */
const MAIL_WORDING: Record<string, Record<Language, { subject: string; text: string }>> = {
  "overlap.likely": {
    ar: { subject: "نشاط مكرر محتمل", text: "عُثر على نشاط لوحدة أخرى يبدو أنه يكرر نشاطك." },
    zh: { subject: "可能重复的活动", text: "发现另一单位的一项活动似与您的活动重复。" },
    en: {
      subject: "A likely duplicate of your activity",
      text: "An activity of another unit looks like a duplicate of yours.",
    },
    fr: {
      subject: "Doublon probable de votre activité",
      text: "Une activité d'une autre unité semble faire double emploi avec la vôtre.",
    },
    ru: {
      subject: "Вероятное дублирование вашей деятельности",
      text: "Деятельность другого подразделения, по-видимому, дублирует вашу.",
    },
    es: {
      subject: "Probable duplicación de su actividad",
      text: "Una actividad de otra unidad parece duplicar la suya.",
    },
  },
  "action_item.assigned": {
    ar: { subject: "بنود عمل مسندة إليك", text: "أُسندت إليك بنود عمل." },
    zh: { subject: "分配给您的行动项目", text: "已向您分配行动项目。" },
    en: { subject: "Action items assigned to you", text: "Action items have been assigned to you." },
    fr: { subject: "Mesures qui vous sont confiées", text: "Des mesures à prendre vous ont été confiées." },
    ru: { subject: "Вам поручены задачи", text: "Вам назначены поручения." },
    es: { subject: "Medidas asignadas a usted", text: "Se le han asignado medidas." },
  },
  "action_item.overdue": {
    ar: { subject: "بند عمل متأخر", text: "حلّ موعد أحد بنود عملك ولم يُنجز بعد." },
    zh: { subject: "逾期的行动项目", text: "您的一项行动项目已到期,尚未完成。" },
    en: {
      subject: "An action item of yours is overdue",
      text: "An action item of yours is past its due date and not done yet.",
    },
    fr: {
      subject: "Une de vos mesures est en retard",
      text: "Une mesure qui vous est confiée a dépassé son échéance et n'est pas terminée.",
    },
    ru: {
      subject: "Просроченное поручение",
      text: "Срок одного из ваших поручений истек, а оно не выполнено.",
    },
    es: {
      subject: "Una medida suya está vencida",
      text: "Una de sus medidas ha superado su plazo y aún no está terminada.",
    },
  },
  "coordination_issue.escalated": {
    ar: { subject: "مسألة تنسيق مُصعَّدة", text: "انتقلت مسألة تنسيق إلى مستواك في سلّم التصعيد." },
    zh: { subject: "升级的协调问题", text: "一个协调问题已沿升级阶梯上升至您所在的层级。" },
    en: {
      subject: "A coordination issue has been escalated",
      text: "A coordination issue has moved up the escalation ladder to your level.",
    },
    fr: {
      subject: "Une question de coordination a été transmise",
      text: "Une question de coordination est remontée à votre niveau de l'échelle de transmission.",
    },
    ru: {
      subject: "Вопрос координации передан на ваш уровень",
      text: "Вопрос координации поднялся по лестнице эскалации до вашего уровня.",
    },
    es: {
      subject: "Una cuestión de coordinación ha sido elevada",
      text: "Una cuestión de coordinación ha subido en la escala hasta su nivel.",
    },
  },
};

const OPEN_IN_PLATFORM: Record<Language, string> = {
  ar: "افتحه في Intersect:",
  zh: "在Intersect中打开:",
  en: "Open it in Intersect:",
  fr: "L'ouvrir dans Intersect :",
  ru: "Открыть в Intersect:",
  es: "Ábralo en Intersect:",
};

/** Where a notification's subject is read in the web interface. */
function pathOf(kind: string, subject: Record<string, unknown>): string {
  const first = (key: string) => {
    const value = subject[key];
    return Array.isArray(value) ? String(value[0] ?? "") : String(value ?? "");
  };
  switch (kind) {
    case "overlap.likely":
      return `/overlaps?activityId=${first("activityIds")}`;
    case "action_item.assigned":
      return `/action-items/${first("actionItemIds")}`;
    case "action_item.overdue":
      return `/action-items/${first("actionItemId")}`;
    case "coordination_issue.escalated":
      return `/coordination-issues/${first("issueId")}`;
    default:
      return "/notifications";
  }
}

export function notificationMail(
  kind: string,
  subject: Record<string, unknown>,
  lang: Language,
  baseUrl: string | undefined,
): { subject: string; text: string } {
  const wording = MAIL_WORDING[kind]?.[lang] ?? MAIL_WORDING["action_item.assigned"]![lang];
  const link = baseUrl ? `\n\n${OPEN_IN_PLATFORM[lang]} ${new URL(pathOf(kind, subject), baseUrl)}` : "";
  return { subject: `Intersect: ${wording.subject}`, text: `${wording.text}${link}\n` };
}

/** Sending stops after this many failed attempts; the notification stays readable in the platform. */
const MAX_ATTEMPTS = 5;
/** Notifications older than this are not mailed: switching SMTP on must not send last year's news. */
const FRESH_HOURS = 24;

/**
 * Sends the e-mail copies of pending notifications, a batch at a time, each in its recipient's
 * language. A batch is claimed in one statement (`for update skip locked`), so several processes
 * never send the same message twice.
 */
export async function deliverPendingMail(
  ctx: Ctx,
  mailer: Mailer,
  baseUrl: string | undefined,
  batch = 50,
): Promise<{ sent: number; failed: number; skipped: number }> {
  const now = ctx.clock.now();
  const freshSince = new Date(now.getTime() - FRESH_HOURS * 3600_000).toISOString();
  await ctx.db
    .update(notification)
    .set({ emailStatus: "skipped" })
    .where(and(eq(notification.emailStatus, "pending"), lt(notification.createdAt, freshSince)));
  const claimed = (await ctx.db.execute(sql`
    update notification set email_status = 'sending', email_attempts = email_attempts + 1
    where id in (
      select id from notification where email_status = 'pending'
      order by created_at limit ${batch} for update skip locked
    )
    returning id, person_id, kind, subject, email_attempts`)) as unknown as {
    rows: {
      id: string;
      person_id: string;
      kind: string;
      subject: Record<string, unknown>;
      email_attempts: number;
    }[];
  };
  const result = { sent: 0, failed: 0, skipped: 0 };
  if (claimed.rows.length === 0) return result;
  const people = new Map(
    (
      await ctx.db
        .select({ id: person.id, email: person.email, lang: person.preferredLanguage, active: person.active })
        .from(person)
        .where(
          inArray(
            person.id,
            claimed.rows.map((r) => r.person_id),
          ),
        )
    ).map((p) => [p.id, p]),
  );
  for (const row of claimed.rows) {
    const recipient = people.get(row.person_id);
    if (!recipient?.email || !recipient.active) {
      await ctx.db.update(notification).set({ emailStatus: "skipped" }).where(eq(notification.id, row.id));
      result.skipped++;
      continue;
    }
    const lang = (LANGUAGES as readonly string[]).includes(recipient.lang)
      ? (recipient.lang as Language)
      : "en";
    try {
      await mailer.send({ to: recipient.email, ...notificationMail(row.kind, row.subject, lang, baseUrl) });
      await ctx.db
        .update(notification)
        .set({ emailStatus: "sent", emailedAt: ctx.clock.now().toISOString() })
        .where(eq(notification.id, row.id));
      result.sent++;
    } catch {
      const gaveUp = row.email_attempts >= MAX_ATTEMPTS;
      await ctx.db
        .update(notification)
        .set({ emailStatus: gaveUp ? "failed" : "pending" })
        .where(eq(notification.id, row.id));
      if (gaveUp) result.failed++;
    }
  }
  return result;
}
