import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AuditEvent } from "#shared/audit.ts";
import { SetPasswordInput } from "#shared/auth.ts";
import {
  AddPostInput,
  CreatePersonInput,
  EndPostInput,
  GrantRoleInput,
  Person,
  PersonListQuery,
  UpdatePersonInput,
} from "#shared/organization.ts";
import { PageQuery, pageOf } from "#shared/pagination.ts";
import { IdParams, router } from "../../core/routes.ts";
import { historyOf } from "../audit/audit.service.ts";
import {
  addPost,
  createPerson,
  endPost,
  findPerson,
  getPerson,
  grantRole,
  listPeople,
  revokeRole,
  setPassword,
  setPersonActive,
  updatePerson,
} from "./people.service.ts";

const tags = ["organization"];
const VersionBody = z.object({ version: z.int().min(1) });

export function peopleRoutes(app: FastifyInstance) {
  const r = router(app);
  r.get(
    "/api/v1/people",
    {
      schema: {
        tags,
        summary: "The people directory; with asOf, only people holding a post that day",
        querystring: PersonListQuery.extend(PageQuery.shape),
        response: { 200: pageOf(Person) },
      },
    },
    (req) => listPeople(req.ctx, req.query),
  );
  r.post(
    "/api/v1/people",
    {
      schema: {
        tags,
        summary: "Create a person with posts",
        body: CreatePersonInput,
        response: { 201: Person },
      },
    },
    async (req, reply) => reply.status(201).send(await createPerson(req.ctx, req.body)),
  );
  r.get(
    "/api/v1/people/:id",
    { schema: { tags, summary: "A person", params: IdParams, response: { 200: Person } } },
    (req) => getPerson(req.ctx, req.params.id),
  );
  r.patch(
    "/api/v1/people/:id",
    {
      schema: {
        tags,
        summary: "Change a person",
        params: IdParams,
        body: UpdatePersonInput,
        response: { 200: Person },
      },
    },
    (req) => updatePerson(req.ctx, req.params.id, req.body),
  );
  r.post(
    "/api/v1/people/:id/deactivate",
    {
      schema: {
        tags,
        summary: "Deactivate a person (ends their sessions)",
        params: IdParams,
        body: VersionBody,
        response: { 200: Person },
      },
    },
    (req) => setPersonActive(req.ctx, req.params.id, req.body.version, false),
  );
  r.post(
    "/api/v1/people/:id/activate",
    {
      schema: {
        tags,
        summary: "Reactivate a person",
        params: IdParams,
        body: VersionBody,
        response: { 200: Person },
      },
    },
    (req) => setPersonActive(req.ctx, req.params.id, req.body.version, true),
  );
  r.post(
    "/api/v1/people/:id/posts",
    {
      schema: {
        tags,
        summary: "Give a person a post in a unit",
        params: IdParams,
        body: AddPostInput,
        response: { 201: Person },
      },
    },
    async (req, reply) => reply.status(201).send(await addPost(req.ctx, req.params.id, req.body)),
  );
  r.post(
    "/api/v1/people/:id/posts/:postId/end",
    {
      schema: {
        tags,
        summary: "End a post on a date",
        params: IdParams.extend({ postId: z.uuid() }),
        body: EndPostInput,
        response: { 200: Person },
      },
    },
    (req) => endPost(req.ctx, req.params.id, req.params.postId, req.body),
  );
  r.post(
    "/api/v1/people/:id/roles",
    {
      schema: {
        tags,
        summary: "Grant a role over a unit (or the whole organization)",
        params: IdParams,
        body: GrantRoleInput,
        response: { 201: Person },
      },
    },
    async (req, reply) => reply.status(201).send(await grantRole(req.ctx, req.params.id, req.body)),
  );
  r.delete(
    "/api/v1/people/:id/roles/:roleId",
    {
      schema: {
        tags,
        summary: "Revoke a role",
        params: IdParams.extend({ roleId: z.uuid() }),
        response: { 200: Person },
      },
    },
    (req) => revokeRole(req.ctx, req.params.id, req.params.roleId),
  );
  r.put(
    "/api/v1/people/:id/password",
    {
      schema: {
        tags,
        summary: "Set a person's password (ends their sessions)",
        params: IdParams,
        body: SetPasswordInput,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await setPassword(req.ctx, req.params.id, req.body.password);
      return reply.status(204).send(null);
    },
  );
  r.get(
    "/api/v1/people/:id/history",
    {
      schema: {
        tags,
        summary: "The audit trail of one person",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (req) => {
      const person = await findPerson(req.ctx, req.params.id);
      return historyOf(req.ctx, "person", person.id, req.query.cursor, req.query.limit);
    },
  );
}
