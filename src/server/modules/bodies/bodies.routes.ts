import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AuditEvent } from "#shared/audit.ts";
import {
  AddMemberInput,
  Body,
  BodyStatistics,
  CreateBodyInput,
  CreateMeetingInput,
  EndMemberInput,
  InviteInput,
  Meeting,
  MeetingListQuery,
  RecordAttendanceInput,
  UpdateBodyInput,
  UpdateMeetingInput,
  WithdrawInvitationsInput,
} from "#shared/bodies.ts";
import { PageQuery, pageOf } from "#shared/pagination.ts";
import type { Language } from "#shared/languages.ts";
import { IdParams, router } from "../../core/routes.ts";
import { calendar } from "./calendar.ts";
import { historyOf } from "../audit/audit.service.ts";
import {
  addMember,
  bodyMeetings,
  bodyStatistics,
  createBody,
  createMeeting,
  endMember,
  findBody,
  findMeeting,
  getBody,
  getMeeting,
  inviteToMeeting,
  listBodies,
  listMeetings,
  personMeetings,
  recordAttendance,
  updateBody,
  updateMeeting,
  withdrawInvitations,
} from "./bodies.service.ts";

const BodyParams = z.object({ id: z.string().min(1).max(60) });
const MeetingParams = z.object({ id: z.string().min(1).max(60) });

export function bodiesRoutes(app: FastifyInstance) {
  const r = router(app);
  const tags = ["bodies"];
  r.get(
    "/api/v1/bodies",
    {
      schema: {
        tags,
        summary: "Coordination bodies: task forces, committees, inter-sector teams",
        response: { 200: z.object({ entries: z.array(Body) }) },
      },
    },
    (req) => listBodies(req.ctx),
  );
  r.post(
    "/api/v1/bodies",
    { schema: { tags, summary: "Set up a body", body: CreateBodyInput, response: { 201: Body } } },
    async (req, reply) => reply.status(201).send(await createBody(req.ctx, req.body)),
  );
  r.get(
    "/api/v1/bodies/:id",
    {
      schema: {
        tags,
        summary: "A body (by id or code) with its members",
        params: BodyParams,
        response: { 200: Body },
      },
    },
    (req) => getBody(req.ctx, req.params.id),
  );
  r.patch(
    "/api/v1/bodies/:id",
    {
      schema: {
        tags,
        summary: "Change a body",
        params: BodyParams,
        body: UpdateBodyInput,
        response: { 200: Body },
      },
    },
    (req) => updateBody(req.ctx, req.params.id, req.body),
  );
  r.post(
    "/api/v1/bodies/:id/members",
    {
      schema: {
        tags,
        summary: "Seat a person on a body, in one of its categories",
        params: BodyParams,
        body: AddMemberInput,
        response: { 201: Body },
      },
    },
    async (req, reply) => reply.status(201).send(await addMember(req.ctx, req.params.id, req.body)),
  );
  r.post(
    "/api/v1/bodies/:id/members/:memberId/end",
    {
      schema: {
        tags,
        summary: "End a seat on a body",
        params: BodyParams.extend({ memberId: z.string().max(60) }),
        body: EndMemberInput,
        response: { 200: Body },
      },
    },
    (req) => endMember(req.ctx, req.params.id, req.params.memberId, req.body),
  );
  r.get(
    "/api/v1/bodies/:id/statistics",
    {
      schema: {
        tags,
        summary: "Meetings per year, attendance by category, share remote",
        params: BodyParams,
        response: { 200: BodyStatistics },
      },
    },
    (req) => bodyStatistics(req.ctx, req.params.id),
  );
  r.get(
    "/api/v1/bodies/:id/history",
    {
      schema: {
        tags,
        summary: "The audit trail of one body",
        params: BodyParams,
        querystring: PageQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (req) => {
      const found = await findBody(req.ctx, req.params.id);
      return historyOf(req.ctx, "body", found.id, req.query.cursor, req.query.limit);
    },
  );

  const calendarTags = ["calendars"];
  const ics = "text/calendar; charset=utf-8";
  const host = (req: { hostname: string }) => req.hostname.replace(/:\d+$/, "") || "intersect";
  const TokenQuery = z.object({ token: z.string().max(200).optional() });
  r.get(
    "/api/v1/bodies/:id/calendar.ics",
    {
      schema: {
        tags: calendarTags,
        summary: "A body's meetings as an iCalendar feed (calendar clients: ?token= a calendar-scoped token)",
        params: BodyParams,
        querystring: TokenQuery,
      },
    },
    async (req, reply) => {
      const { body: found, meetings } = await bodyMeetings(req.ctx, req.params.id);
      const name = found.name[req.ctx.lang] ?? found.name[found.originalLanguage as Language] ?? found.code;
      return reply
        .type(ics)
        .send(calendar(name, meetings, req.ctx.lang, req.ctx.clock.now(), { host: host(req) }));
    },
  );
  r.get(
    "/api/v1/people/:id/calendar.ics",
    {
      schema: {
        tags: calendarTags,
        summary: "The meetings one takes part in, as an iCalendar feed (?token= a calendar-scoped token)",
        params: IdParams,
        querystring: TokenQuery,
      },
    },
    async (req, reply) => {
      const { person, meetings } = await personMeetings(req.ctx, req.params.id);
      return reply
        .type(ics)
        .send(calendar(person.name, meetings, req.ctx.lang, req.ctx.clock.now(), { host: host(req) }));
    },
  );
  r.get(
    "/api/v1/meetings/:id/invitation.ics",
    {
      schema: {
        tags: calendarTags,
        summary: "One meeting's invitation, with its participants",
        params: MeetingParams,
        querystring: TokenQuery,
      },
    },
    async (req, reply) => {
      const meeting = await getMeeting(req.ctx, req.params.id);
      return reply
        .type(ics)
        .header(
          "content-disposition",
          `attachment; filename="meeting-${meeting.bodyCode}-${meeting.number}.ics"`,
        )
        .send(
          calendar(meeting.bodyCode, [meeting], req.ctx.lang, req.ctx.clock.now(), {
            method: "REQUEST",
            host: host(req),
          }),
        );
    },
  );

  const meetingTags = ["meetings"];
  r.get(
    "/api/v1/meetings",
    {
      schema: {
        tags: meetingTags,
        summary: "Meetings of the bodies you may read, latest first",
        querystring: MeetingListQuery.extend(PageQuery.shape),
        response: { 200: pageOf(Meeting) },
      },
    },
    (req) => listMeetings(req.ctx, req.query),
  );
  r.post(
    "/api/v1/meetings",
    {
      schema: {
        tags: meetingTags,
        summary: "Convene a meeting of a body; its members are invited",
        body: CreateMeetingInput,
        response: { 201: Meeting },
      },
    },
    async (req, reply) => reply.status(201).send(await createMeeting(req.ctx, req.body)),
  );
  r.get(
    "/api/v1/meetings/:id",
    {
      schema: {
        tags: meetingTags,
        summary: "A meeting with its participants",
        params: MeetingParams,
        response: { 200: Meeting },
      },
    },
    (req) => getMeeting(req.ctx, req.params.id),
  );
  r.patch(
    "/api/v1/meetings/:id",
    {
      schema: {
        tags: meetingTags,
        summary: "Change a meeting",
        params: MeetingParams,
        body: UpdateMeetingInput,
        response: { 200: Meeting },
      },
    },
    (req) => updateMeeting(req.ctx, req.params.id, req.body),
  );
  r.post(
    "/api/v1/meetings/:id/invitations",
    {
      schema: {
        tags: meetingTags,
        summary: "Invite people to a meeting",
        params: MeetingParams,
        body: InviteInput,
        response: { 200: Meeting },
      },
    },
    (req) => inviteToMeeting(req.ctx, req.params.id, req.body),
  );
  r.post(
    "/api/v1/meetings/:id/invitations/withdraw",
    {
      schema: {
        tags: meetingTags,
        summary: "Withdraw invitations sent by mistake (not from anyone whose attendance is recorded)",
        params: MeetingParams,
        body: WithdrawInvitationsInput,
        response: { 200: Meeting },
      },
    },
    (req) => withdrawInvitations(req.ctx, req.params.id, req.body),
  );
  r.put(
    "/api/v1/meetings/:id/attendance",
    {
      schema: {
        tags: meetingTags,
        summary: "Record how participants took part",
        params: MeetingParams,
        body: RecordAttendanceInput,
        response: { 200: Meeting },
      },
    },
    (req) => recordAttendance(req.ctx, req.params.id, req.body),
  );
  r.get(
    "/api/v1/meetings/:id/history",
    {
      schema: {
        tags: meetingTags,
        summary: "The audit trail of one meeting",
        params: MeetingParams,
        querystring: PageQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (req) => {
      const found = await findMeeting(req.ctx, req.params.id);
      return historyOf(req.ctx, "meeting", found.id, req.query.cursor, req.query.limit);
    },
  );
}
