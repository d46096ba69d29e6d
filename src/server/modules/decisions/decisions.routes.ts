import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AuditEvent } from "#shared/audit.ts";
import {
  ActionItem,
  ActionItemListQuery,
  AgendaItem,
  AreaReport,
  CreateActionItemInput,
  CreateAgendaItemInput,
  CreateDecisionInput,
  Decision,
  DecisionListQuery,
  FileReportInput,
  MinutesActionInput,
  SpawnActionItemsInput,
  UpdateActionItemInput,
  UpdateAgendaItemInput,
  UpdateDecisionInput,
} from "#shared/decisions.ts";
import { Meeting } from "#shared/bodies.ts";
import { Language } from "#shared/languages.ts";
import { ReportDocument } from "#shared/report-document.ts";
import { DOCUMENT_TYPES } from "../../core/documents/document-types.ts";
import { reportToDocx } from "../../core/documents/report-docx.ts";
import { reportToPdf } from "../../core/documents/report-pdf.ts";
import { draftMinutes } from "./minutes.ts";
import { getMeeting } from "../bodies/bodies.service.ts";
import { PageQuery, pageOf } from "#shared/pagination.ts";
import { IdParams, router } from "../../core/routes.ts";
import { historyOf } from "../audit/audit.service.ts";
import {
  addAgendaItem,
  approveMinutes,
  fileReport,
  listReports,
  reviseMinutes,
  correctDecision,
  createActionItem,
  getActionItem,
  getAgenda,
  getDecision,
  listActionItems,
  listDecisions,
  remindOverdueActionItems,
  spawnActionItems,
  takeDecision,
  updateActionItem,
  updateAgendaItem,
} from "./decisions.service.ts";

const Entries = <T extends z.ZodType>(entry: T) => z.object({ entries: z.array(entry) });

export function decisionsRoutes(app: FastifyInstance) {
  const r = router(app);
  const tags = ["meetings"];
  r.get(
    "/api/v1/meetings/:id/agenda",
    {
      schema: {
        tags,
        summary: "A meeting's agenda, in order, with minutes per item",
        params: IdParams,
        response: { 200: Entries(AgendaItem) },
      },
    },
    (req) => getAgenda(req.ctx, req.params.id),
  );
  r.post(
    "/api/v1/meetings/:id/agenda",
    {
      schema: {
        tags,
        summary: "Add an item to a meeting's agenda",
        params: IdParams,
        body: CreateAgendaItemInput,
        response: { 201: AgendaItem },
      },
    },
    async (req, reply) => reply.status(201).send(await addAgendaItem(req.ctx, req.params.id, req.body)),
  );
  r.get(
    "/api/v1/meetings/:id/reports",
    {
      schema: {
        tags,
        summary: "The focal points' progress reports for a meeting",
        params: IdParams,
        response: { 200: Entries(AreaReport) },
      },
    },
    (req) => listReports(req.ctx, req.params.id),
  );
  r.post(
    "/api/v1/meetings/:id/reports",
    {
      schema: {
        tags,
        summary: "A focal point files or revises the progress report on their area",
        params: IdParams,
        body: FileReportInput,
        response: { 200: AreaReport },
      },
    },
    (req) => fileReport(req.ctx, req.params.id, req.body),
  );
  r.get(
    "/api/v1/meetings/:id/minutes",
    {
      schema: {
        tags,
        summary:
          "The minutes as a printable document in one language (attendance, proceedings, reports, decisions, action items, approval)",
        params: IdParams,
        querystring: z.object({ lang: Language.optional() }),
        response: { 200: ReportDocument },
      },
    },
    (req) => draftMinutes(req.ctx, req.params.id, req.query.lang ?? req.ctx.lang),
  );
  r.get(
    "/api/v1/meetings/:id/minutes.:format",
    {
      schema: {
        tags,
        summary: "The minutes as Word (docx) or PDF",
        params: IdParams.extend({ format: z.enum(["docx", "pdf"]) }),
        querystring: z.object({ lang: Language.optional() }),
      },
    },
    async (req, reply) => {
      const document = await draftMinutes(req.ctx, req.params.id, req.query.lang ?? req.ctx.lang);
      const { format } = req.params;
      const meeting = await getMeeting(req.ctx, req.params.id);
      return reply
        .type(DOCUMENT_TYPES[format])
        .header(
          "content-disposition",
          `attachment; filename="minutes-${meeting.bodyCode}-${meeting.number}-${document.lang}.${format}"`,
        )
        .send(format === "pdf" ? await reportToPdf(document) : await reportToDocx(document));
    },
  );
  r.post(
    "/api/v1/meetings/:id/minutes/approve",
    {
      schema: {
        tags,
        summary: "The chair approves the minutes",
        params: IdParams,
        body: MinutesActionInput,
        response: { 200: Meeting },
      },
    },
    (req) => approveMinutes(req.ctx, req.params.id, req.body),
  );
  r.post(
    "/api/v1/meetings/:id/minutes/revise",
    {
      schema: {
        tags,
        summary: "Open a new revision of approved minutes",
        params: IdParams,
        body: MinutesActionInput,
        response: { 200: Meeting },
      },
    },
    (req) => reviseMinutes(req.ctx, req.params.id, req.body),
  );
  r.patch(
    "/api/v1/agenda-items/:id",
    {
      schema: {
        tags,
        summary: "Change an agenda item or write its minutes",
        params: IdParams,
        body: UpdateAgendaItemInput,
        response: { 200: AgendaItem },
      },
    },
    (req) => updateAgendaItem(req.ctx, req.params.id, req.body),
  );
  r.post(
    "/api/v1/agenda-items/:id/action-items",
    {
      schema: {
        tags: ["action-items"],
        summary: "Turn an agenda item into action items, in one step",
        params: IdParams,
        body: SpawnActionItemsInput,
        response: { 201: Entries(ActionItem) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await spawnActionItems(req.ctx, { agendaItemId: req.params.id }, req.body)),
  );
  r.post(
    "/api/v1/meetings/:id/decisions",
    {
      schema: {
        tags: ["decisions"],
        summary: "Record a decision of a meeting (numbered in the body's register)",
        params: IdParams,
        body: CreateDecisionInput,
        response: { 201: Decision },
      },
    },
    async (req, reply) => reply.status(201).send(await takeDecision(req.ctx, req.params.id, req.body)),
  );
  r.get(
    "/api/v1/decisions",
    {
      schema: {
        tags: ["decisions"],
        summary:
          "The decision register across the whole series, latest first; search by word in any language",
        querystring: DecisionListQuery.extend(PageQuery.shape),
        response: { 200: pageOf(Decision) },
      },
    },
    (req) => listDecisions(req.ctx, req.query),
  );
  r.get(
    "/api/v1/decisions/:id",
    { schema: { tags: ["decisions"], summary: "A decision", params: IdParams, response: { 200: Decision } } },
    (req) => getDecision(req.ctx, req.params.id),
  );
  r.patch(
    "/api/v1/decisions/:id",
    {
      schema: {
        tags: ["decisions"],
        summary: "Correct a decision as recorded (not once the meeting's minutes are approved)",
        params: IdParams,
        body: UpdateDecisionInput,
        response: { 200: Decision },
      },
    },
    (req) => correctDecision(req.ctx, req.params.id, req.body),
  );
  r.get(
    "/api/v1/decisions/:id/history",
    {
      schema: {
        tags: ["decisions"],
        summary: "The audit trail of one decision",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (req) => {
      const found = await getDecision(req.ctx, req.params.id);
      return historyOf(req.ctx, "decision", found.id, req.query.cursor, req.query.limit);
    },
  );
  r.post(
    "/api/v1/decisions/:id/action-items",
    {
      schema: {
        tags: ["action-items"],
        summary: "Turn a decision into action items, in one step",
        params: IdParams,
        body: SpawnActionItemsInput,
        response: { 201: Entries(ActionItem) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await spawnActionItems(req.ctx, { decisionId: req.params.id }, req.body)),
  );
  r.get(
    "/api/v1/action-items",
    {
      schema: {
        tags: ["action-items"],
        summary: "Action items, soonest due first; overdue ones flagged",
        querystring: ActionItemListQuery.extend(PageQuery.shape),
        response: { 200: pageOf(ActionItem) },
      },
    },
    (req) => listActionItems(req.ctx, req.query),
  );
  r.post(
    "/api/v1/action-items",
    {
      schema: {
        tags: ["action-items"],
        summary: "Record an action item of a body",
        body: CreateActionItemInput,
        response: { 201: ActionItem },
      },
    },
    async (req, reply) => reply.status(201).send(await createActionItem(req.ctx, req.body)),
  );
  r.post(
    "/api/v1/action-items/reminders",
    {
      schema: {
        tags: ["action-items"],
        summary: "Remind the owners of overdue action items now (the server also does it hourly)",
        response: { 200: z.object({ reminded: z.int() }) },
      },
    },
    async (req) => {
      await req.ctx.access.authorize("body.manage", null);
      return remindOverdueActionItems(req.ctx);
    },
  );
  r.get(
    "/api/v1/action-items/:id",
    {
      schema: {
        tags: ["action-items"],
        summary: "An action item with its progress notes",
        params: IdParams,
        response: { 200: ActionItem },
      },
    },
    (req) => getActionItem(req.ctx, req.params.id),
  );
  r.patch(
    "/api/v1/action-items/:id",
    {
      schema: {
        tags: ["action-items"],
        summary: "Change an action item; its owner may report progress (a note) and status",
        params: IdParams,
        body: UpdateActionItemInput,
        response: { 200: ActionItem },
      },
    },
    (req) => updateActionItem(req.ctx, req.params.id, req.body),
  );
  r.get(
    "/api/v1/action-items/:id/history",
    {
      schema: {
        tags: ["action-items"],
        summary: "The audit trail of an action item",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (req) => {
      const found = await getActionItem(req.ctx, req.params.id);
      return historyOf(req.ctx, "action_item", found.id, req.query.cursor, req.query.limit);
    },
  );
}
