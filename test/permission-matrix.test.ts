import { beforeAll, expect, it } from "vitest";
import type { Role } from "#shared/access.ts";
import type { Person, Unit } from "#shared/organization.ts";
import { systemCtx } from "#server/core/context.ts";
import { defineLadder } from "#server/modules/issues/issues.service.ts";
import { runOverlapScan } from "#server/modules/overlaps/overlaps.service.ts";
import { describeOnEachDatabase, type TestEnv } from "./app.ts";

/**
 * Walks every route of the API with every kind of viewer and checks that nothing is readable or
 * writable beyond the viewer's role and scope. A new route fails the coverage check below until
 * it is added here with its expectations.
 */
type Viewer = "anonymous" | "reader" | "staffT" | "focalB" | "observer" | "secretariat" | "adminB" | "admin";
const VIEWERS: { key: Viewer; role: Role | null; unit: "B" | "T" | null }[] = [
  { key: "anonymous", role: null, unit: null },
  { key: "reader", role: "reader", unit: null },
  { key: "staffT", role: "staff", unit: "T" },
  { key: "focalB", role: "focal_point", unit: "B" },
  { key: "observer", role: "observer", unit: null },
  { key: "secretariat", role: "secretariat", unit: null },
  { key: "adminB", role: "administrator", unit: "B" },
  { key: "admin", role: "administrator", unit: null },
];
const SIGNED_IN: Viewer[] = ["reader", "staffT", "focalB", "observer", "secretariat", "adminB", "admin"];
const STAFF: Viewer[] = ["staffT", "focalB", "observer", "secretariat", "adminB", "admin"];
/** Non-reader roles whose scope covers T: they read T's restricted records. */
const COVERS_T: Viewer[] = ["staffT", "observer", "secretariat", "admin"];
const KEEPS_LIST: Viewer[] = ["secretariat", "admin"];

/** Symbols for the documents the cases register, one each. */
let documentNumber = 100;

interface Fixtures {
  root: Unit;
  b: Unit; // a Bureau, like BDT
  office: Unit; // a regional office under it, reached by roles scoped to the Bureau
  t: Unit; // another Bureau, like TSB
  secretT: Unit; // a restricted unit under T
  personT: Person;
  personOffice: Person;
  publicPerson: Person;
  secretPersonT: Person;
  mandateId: string;
  areaT: string;
  activityT: string;
  /** A likely duplicate between an activity of T and one of B's regional office. */
  overlap: string;
  /** An internal coordination body with personT seated, and one of its meetings. */
  body: string;
  meeting: string;
  agendaItem: string;
  decision: string;
  actionItem: string;
  /** A metric owned by T, and one of its figures. */
  metric: string;
  figure: string;
  /** A document of the internal body's register. */
  document: string;
}

interface Case {
  route: string; // "METHOD /openapi/path"
  what: string;
  allowed: Viewer[];
  request: (f: Fixtures, env: TestEnv) => Promise<{ url: string; payload?: unknown }>;
}

const fresh = async (env: TestEnv, parent: Unit) => env.make.unit({ parentCode: parent.code });
const personIn = async (env: TestEnv, unit: Unit) =>
  env.make.person({
    posts: [{ unitCode: unit.code, title: { en: "Officer" }, validFrom: "2015-01-01", validTo: null }],
  });
const enc = encodeURIComponent;

const CASES: Case[] = [
  {
    route: "GET /api/v1/units",
    what: "list units",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/units" }),
  },
  {
    route: "GET /api/v1/units/{id}",
    what: "read a public unit",
    allowed: SIGNED_IN,
    request: async (f) => ({ url: `/api/v1/units/${f.t.id}` }),
  },
  {
    route: "GET /api/v1/units/{id}",
    what: "read a restricted unit of T",
    allowed: COVERS_T,
    request: async (f) => ({ url: `/api/v1/units/${f.secretT.id}` }),
  },
  {
    route: "GET /api/v1/units/{id}/history",
    what: "history of a restricted unit of T",
    allowed: COVERS_T,
    request: async (f) => ({ url: `/api/v1/units/${f.secretT.id}/history` }),
  },
  {
    route: "POST /api/v1/units",
    what: "create a unit under B",
    allowed: ["adminB", "admin"],
    request: async (f) => ({
      url: "/api/v1/units",
      payload: {
        code: `N${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
        kind: "division",
        parentCode: f.b.code,
        name: { en: "New" },
        validFrom: "2020-01-01",
      },
    }),
  },
  {
    route: "POST /api/v1/units",
    what: "create a unit under T",
    allowed: ["admin"],
    request: async (f) => ({
      url: "/api/v1/units",
      payload: {
        code: `N${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
        kind: "division",
        parentCode: f.t.code,
        name: { en: "New" },
        validFrom: "2020-01-01",
      },
    }),
  },
  {
    route: "PATCH /api/v1/units/{id}",
    what: "rename B's regional office",
    allowed: ["adminB", "admin"],
    request: async (f, env) => {
      const unit = await fresh(env, f.office);
      return {
        url: `/api/v1/units/${enc(unit.code)}`,
        payload: { version: unit.version, name: { en: "Renamed" } },
      };
    },
  },
  {
    route: "PATCH /api/v1/units/{id}",
    what: "rename a unit of T",
    allowed: ["admin"],
    request: async (f, env) => {
      const unit = await fresh(env, f.t);
      return { url: `/api/v1/units/${unit.id}`, payload: { version: unit.version, name: { en: "Renamed" } } };
    },
  },
  {
    route: "PATCH /api/v1/units/{id}",
    what: "move a unit of B under T",
    allowed: ["admin"],
    request: async (f, env) => {
      const unit = await fresh(env, f.b);
      return { url: `/api/v1/units/${unit.id}`, payload: { version: unit.version, parentCode: f.t.code } };
    },
  },
  {
    route: "POST /api/v1/units/{id}/close",
    what: "close a unit under B",
    allowed: ["adminB", "admin"],
    request: async (f, env) => {
      const unit = await fresh(env, f.b);
      return { url: `/api/v1/units/${unit.id}/close`, payload: { version: unit.version } };
    },
  },
  {
    route: "GET /api/v1/people",
    what: "list people",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/people" }),
  },
  {
    route: "GET /api/v1/people/{id}",
    what: "read a public person",
    allowed: SIGNED_IN,
    request: async (f) => ({ url: `/api/v1/people/${f.publicPerson.id}` }),
  },
  {
    route: "GET /api/v1/people/{id}",
    what: "read an internal person",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/people/${f.personT.id}` }),
  },
  {
    route: "GET /api/v1/people/{id}",
    what: "read a restricted person of T",
    allowed: COVERS_T,
    request: async (f) => ({ url: `/api/v1/people/${f.secretPersonT.id}` }),
  },
  {
    route: "GET /api/v1/people/{id}/history",
    what: "history of an internal person",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/people/${f.personT.id}/history` }),
  },
  {
    route: "POST /api/v1/people",
    what: "create a person posted in B's office",
    allowed: ["adminB", "admin"],
    request: async (f) => ({
      url: "/api/v1/people",
      payload: {
        name: "New Person",
        posts: [{ unitCode: f.office.code, title: { en: "Officer" }, validFrom: "2020-01-01" }],
      },
    }),
  },
  {
    route: "POST /api/v1/people",
    what: "create a person with no post",
    allowed: ["admin"],
    request: async () => ({ url: "/api/v1/people", payload: { name: "Floating Person" } }),
  },
  {
    route: "PATCH /api/v1/people/{id}",
    what: "edit a person of B's office",
    allowed: ["adminB", "admin"],
    request: async (f, env) => {
      const person = await personIn(env, f.office);
      return { url: `/api/v1/people/${person.id}`, payload: { version: person.version, name: "Edited" } };
    },
  },
  {
    route: "PATCH /api/v1/people/{id}",
    what: "edit a person of T",
    allowed: ["admin"],
    request: async (f, env) => {
      const person = await personIn(env, f.t);
      return { url: `/api/v1/people/${person.id}`, payload: { version: person.version, name: "Edited" } };
    },
  },
  {
    route: "POST /api/v1/people/{id}/deactivate",
    what: "deactivate a person of T",
    allowed: ["admin"],
    request: async (f, env) => {
      const person = await personIn(env, f.t);
      return { url: `/api/v1/people/${person.id}/deactivate`, payload: { version: person.version } };
    },
  },
  {
    route: "POST /api/v1/people/{id}/activate",
    what: "reactivate a person of B's office",
    allowed: ["adminB", "admin"],
    request: async (f, env) => {
      const person = await personIn(env, f.office);
      return { url: `/api/v1/people/${person.id}/activate`, payload: { version: person.version } };
    },
  },
  {
    route: "POST /api/v1/people/{id}/posts",
    what: "post a person of T into B",
    allowed: ["adminB", "admin"],
    request: async (f) => ({
      url: `/api/v1/people/${f.personT.id}/posts`,
      payload: { unitCode: f.b.code, title: { en: "Adviser" }, validFrom: "2021-01-01" },
    }),
  },
  {
    route: "POST /api/v1/people/{id}/posts/{postId}/end",
    what: "end a post in T",
    allowed: ["admin"],
    request: async (f, env) => {
      const person = await personIn(env, f.t);
      const post = person.posts[0]!;
      return {
        url: `/api/v1/people/${person.id}/posts/${post.id}/end`,
        payload: { version: post.version, validTo: "2022-12-31" },
      };
    },
  },
  {
    route: "POST /api/v1/people/{id}/roles",
    what: "grant a role over B's office",
    allowed: ["adminB", "admin"],
    request: async (f, env) => {
      const person = await personIn(env, f.office);
      return {
        url: `/api/v1/people/${person.id}/roles`,
        payload: { role: "focal_point", unitCode: f.office.code },
      };
    },
  },
  {
    route: "POST /api/v1/people/{id}/roles",
    what: "grant an organization-wide administrator role",
    allowed: ["admin"],
    request: async (f, env) => {
      const person = await personIn(env, f.office);
      return { url: `/api/v1/people/${person.id}/roles`, payload: { role: "administrator", unitCode: null } };
    },
  },
  {
    route: "DELETE /api/v1/people/{id}/roles/{roleId}",
    what: "revoke a role over T",
    allowed: ["admin"],
    request: async (f, env) => {
      const person = await personIn(env, f.t);
      const granted = await env.app.inject({
        method: "POST",
        url: `/api/v1/people/${person.id}/roles`,
        headers: (await env.make.user("administrator")).headers,
        payload: { role: "staff", unitCode: f.t.code },
      });
      return { url: `/api/v1/people/${person.id}/roles/${granted.json().roles[0].id}` };
    },
  },
  {
    route: "PUT /api/v1/people/{id}/password",
    what: "set the password of a person of T",
    allowed: ["admin"],
    request: async (f, env) => {
      const person = await personIn(env, f.t);
      return { url: `/api/v1/people/${person.id}/password`, payload: { password: "a long enough password" } };
    },
  },
  {
    route: "GET /api/v1/audit",
    what: "read the global audit trail",
    allowed: ["observer", "admin"],
    request: async () => ({ url: "/api/v1/audit" }),
  },
  {
    route: "GET /api/v1/auth/me",
    what: "who am I",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/auth/me" }),
  },
  {
    route: "PUT /api/v1/auth/me/language",
    what: "set own language",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/auth/me/language", payload: { preferredLanguage: "fr" } }),
  },
  {
    route: "GET /api/v1/access-tokens",
    what: "list own tokens",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/access-tokens" }),
  },
  {
    route: "POST /api/v1/access-tokens",
    what: "create own token",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/access-tokens", payload: { name: "matrix" } }),
  },
  {
    route: "GET /api/v1/mandates",
    what: "list mandates",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/mandates" }),
  },
  {
    route: "GET /api/v1/mandates/{id}",
    what: "read a mandate",
    allowed: SIGNED_IN,
    request: async (f) => ({ url: `/api/v1/mandates/${f.mandateId}` }),
  },
  {
    route: "GET /api/v1/mandates/{id}/history",
    what: "history of a mandate",
    allowed: SIGNED_IN,
    request: async (f) => ({ url: `/api/v1/mandates/${f.mandateId}/history` }),
  },
  {
    route: "POST /api/v1/mandates",
    what: "record a mandate",
    allowed: KEEPS_LIST,
    request: async () => ({
      url: "/api/v1/mandates",
      payload: {
        source: "WTDC",
        kind: "resolution",
        number: String(Math.floor(Math.random() * 1e6)),
        year: 2014,
        title: { en: "New" },
      },
    }),
  },
  {
    route: "PATCH /api/v1/mandates/{id}",
    what: "change a mandate",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const current = (
        await env.app.inject({
          url: `/api/v1/mandates/${f.mandateId}`,
          headers: (await env.make.user("administrator")).headers,
        })
      ).json();
      return {
        url: `/api/v1/mandates/${f.mandateId}`,
        payload: { version: current.version, verified: true },
      };
    },
  },
  {
    route: "GET /api/v1/areas",
    what: "list areas",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/areas" }),
  },
  {
    route: "GET /api/v1/areas/compare",
    what: "compare the list between dates",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/areas/compare?from=2016-01-01&to=2017-01-01" }),
  },
  {
    route: "GET /api/v1/areas/export.{format}",
    what: "export the list",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/areas/export.csv" }),
  },
  {
    route: "GET /api/v1/areas/{id}",
    what: "read an area",
    allowed: SIGNED_IN,
    request: async (f) => ({ url: `/api/v1/areas/${f.areaT}` }),
  },
  {
    route: "GET /api/v1/areas/{id}/revisions",
    what: "revisions of an area",
    allowed: SIGNED_IN,
    request: async (f) => ({ url: `/api/v1/areas/${f.areaT}/revisions` }),
  },
  {
    route: "POST /api/v1/areas",
    what: "add an area led by B",
    allowed: ["secretariat", "adminB", "admin"],
    request: async (f) => ({
      url: "/api/v1/areas",
      payload: {
        slug: `area-${Math.random().toString(36).slice(2, 9)}`,
        name: { en: "New area" },
        leadUnitCode: f.b.code,
        reason: "matrix",
      },
    }),
  },
  {
    route: "PATCH /api/v1/areas/{id}",
    what: "change an area led by T",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const current = (
        await env.app.inject({
          url: `/api/v1/areas/${f.areaT}`,
          headers: (await env.make.user("administrator")).headers,
        })
      ).json();
      return {
        url: `/api/v1/areas/${f.areaT}`,
        payload: { version: current.version, name: { en: `Renamed ${current.version}` }, reason: "matrix" },
      };
    },
  },
  {
    route: "POST /api/v1/areas/{id}/focal-points",
    what: "name a focal point for an area led by T",
    allowed: KEEPS_LIST,
    request: async (f) => ({
      url: `/api/v1/areas/${f.areaT}/focal-points`,
      payload: { personId: f.personT.id, unitCode: f.t.code, validFrom: "2017-01-01", reason: "matrix" },
    }),
  },
  {
    route: "POST /api/v1/areas/{id}/focal-points/{focalPointId}/end",
    what: "end a focal point's term in an area led by T",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const named = await env.app.inject({
        method: "POST",
        url: `/api/v1/areas/${f.areaT}/focal-points`,
        headers: (await env.make.user("administrator")).headers,
        payload: { personId: f.personT.id, unitCode: f.t.code, validFrom: "2017-01-01", reason: "matrix" },
      });
      const focal = named.json().focalPoints.at(-1);
      return {
        url: `/api/v1/areas/${f.areaT}/focal-points/${focal.id}/end`,
        payload: { version: focal.version, validTo: "2018-01-01", reason: "matrix" },
      };
    },
  },
  {
    route: "GET /api/v1/activities",
    what: "list activities",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/activities" }),
  },
  {
    route: "GET /api/v1/activities/{id}",
    what: "read a public activity of T",
    allowed: SIGNED_IN,
    request: async (f) => ({ url: `/api/v1/activities/${f.activityT}` }),
  },
  {
    route: "GET /api/v1/activities/{id}/history",
    what: "history of an activity",
    allowed: SIGNED_IN,
    request: async (f) => ({ url: `/api/v1/activities/${f.activityT}/history` }),
  },
  {
    route: "POST /api/v1/activities",
    what: "register an activity of T",
    allowed: ["staffT", "secretariat", "admin"],
    request: async (f) => ({
      url: "/api/v1/activities",
      payload: {
        unitCode: f.t.code,
        ref: `T/${Math.random().toString(36).slice(2, 9)}`,
        type: "event",
        title: { en: "New" },
        start: "2017-01-01",
      },
    }),
  },
  {
    route: "PATCH /api/v1/activities/{id}",
    what: "change an activity of T",
    allowed: ["staffT", "secretariat", "admin"],
    request: async (f, env) => {
      const current = (
        await env.app.inject({
          url: `/api/v1/activities/${f.activityT}`,
          headers: (await env.make.user("administrator")).headers,
        })
      ).json();
      return {
        url: `/api/v1/activities/${f.activityT}`,
        payload: { version: current.version, status: "ongoing" },
      };
    },
  },
  {
    route: "PUT /api/v1/activities/{id}/areas",
    what: "tag an activity of T with an area nobody here is focal point of",
    allowed: ["staffT", "secretariat", "admin"],
    request: async (f, env) => {
      const current = (
        await env.app.inject({
          url: `/api/v1/activities/${f.activityT}`,
          headers: (await env.make.user("administrator")).headers,
        })
      ).json();
      return {
        url: `/api/v1/activities/${f.activityT}/areas`,
        payload: { version: current.version, areaSlugs: current.areaSlugs.length ? [] : [f.areaT] },
      };
    },
  },
  {
    route: "GET /api/v1/activities/export.{format}",
    what: "export activities",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/activities/export.json" }),
  },
  {
    route: "POST /api/v1/activities/import",
    what: "import an activity of T",
    allowed: ["staffT", "secretariat", "admin"],
    request: async (f) => ({
      url: "/api/v1/activities/import",
      payload: [
        {
          ref: `T/${Math.random().toString(36).slice(2, 9)}`,
          unit: f.t.code,
          type: "project",
          start: "2017-01-01",
          title_en: "Imported",
        },
      ],
    }),
  },
  {
    route: "GET /api/v1/metrics",
    what: "the metric catalogue",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/metrics" }),
  },
  {
    route: "POST /api/v1/metrics",
    what: "add a metric",
    allowed: KEEPS_LIST,
    request: async (f) => ({
      url: "/api/v1/metrics",
      payload: {
        code: `matrix.m${Math.random().toString(36).slice(2, 8)}`,
        name: { en: "New metric" },
        unit: "count",
        additive: true,
        section: "S.2",
        ownerUnitCode: f.t.code,
      },
    }),
  },
  {
    route: "GET /api/v1/metrics/{code}",
    what: "a metric",
    allowed: SIGNED_IN,
    request: async (f) => ({ url: `/api/v1/metrics/${f.metric}` }),
  },
  {
    route: "PATCH /api/v1/metrics/{code}",
    what: "change a metric",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const current = (
        await env.app.inject({ url: `/api/v1/metrics/${f.metric}`, headers: await keeperOf(env) })
      ).json();
      return { url: `/api/v1/metrics/${f.metric}`, payload: { version: current.version, additive: true } };
    },
  },
  {
    route: "GET /api/v1/metrics/{code}/total",
    what: "a metric's total over a period",
    allowed: SIGNED_IN,
    request: async (f) => ({ url: `/api/v1/metrics/${f.metric}/total?from=2016-01-01&to=2016-12-31` }),
  },
  {
    route: "GET /api/v1/figures",
    what: "list figures",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/figures" }),
  },
  {
    route: "POST /api/v1/figures",
    what: "enter a figure of T's metric",
    allowed: ["staffT", "secretariat", "admin"],
    request: async (f) => ({ url: "/api/v1/figures", payload: figureDraft(f) }),
  },
  {
    route: "POST /api/v1/figures/batch",
    what: "enter a grid of figures of T's metric",
    allowed: ["staffT", "secretariat", "admin"],
    request: async (f) => ({
      url: "/api/v1/figures/batch",
      payload: { figures: [figureDraft(f), figureDraft(f)] },
    }),
  },
  {
    route: "GET /api/v1/figures/export.{format}",
    what: "export figures",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/figures/export.csv" }),
  },
  {
    route: "POST /api/v1/figures/import",
    what: "import a figure of T's metric",
    allowed: ["staffT", "secretariat", "admin"],
    request: async (f) => ({
      url: "/api/v1/figures/import",
      payload: [
        {
          metric: f.metric,
          kind: "total",
          value: 5,
          period_start: "2017-01-01",
          period_end: "2017-12-31",
          source_symbol: "C18/35",
          source_language: "en",
        },
      ],
    }),
  },
  {
    route: "GET /api/v1/figures/{id}",
    what: "a figure",
    allowed: SIGNED_IN,
    request: async (f) => ({ url: `/api/v1/figures/${f.figure}` }),
  },
  {
    route: "GET /api/v1/figures/{id}/history",
    what: "who entered and corrected a figure",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/figures/${f.figure}/history` }),
  },
  {
    route: "PUT /api/v1/figures/{id}",
    what: "correct a figure of T's metric",
    allowed: ["staffT", "secretariat", "admin"],
    request: async (f, env) => {
      const current = (
        await env.app.inject({ url: `/api/v1/figures/${f.figure}`, headers: await keeperOf(env) })
      ).json();
      return { url: `/api/v1/figures/${f.figure}`, payload: { ...figureDraft(f), version: current.version } };
    },
  },
  {
    route: "DELETE /api/v1/figures/{id}",
    what: "remove a figure of T's metric",
    allowed: ["staffT", "secretariat", "admin"],
    request: async (f, env) => {
      const created = (
        await env.app.inject({
          method: "POST",
          url: "/api/v1/figures",
          headers: await keeperOf(env),
          payload: figureDraft(f),
        })
      ).json();
      return { url: `/api/v1/figures/${created.id}?version=${created.version}` };
    },
  },
  {
    route: "PUT /api/v1/figures/{id}/contradictions/{otherId}/review",
    what: "record why two contradicting figures of T's metric both stay",
    allowed: ["staffT", "secretariat", "admin"],
    request: async (f, env) => {
      const pair = await contradictingPair(f, env);
      return {
        url: `/api/v1/figures/${pair.figure.id}/contradictions/${pair.other.id}/review`,
        payload: {
          explanation: "Both stated",
          version: pair.figure.version,
          otherVersion: pair.other.version,
        },
      };
    },
  },
  {
    route: "DELETE /api/v1/figures/{id}/contradictions/{otherId}/review",
    what: "take back the review of a contradiction in T's metric",
    allowed: ["staffT", "secretariat", "admin"],
    request: async (f, env) => {
      const pair = await contradictingPair(f, env);
      const url = `/api/v1/figures/${pair.figure.id}/contradictions/${pair.other.id}/review`;
      await env.app.inject({
        method: "PUT",
        url,
        headers: await keeperOf(env),
        payload: {
          explanation: "Both stated",
          version: pair.figure.version,
          otherVersion: pair.other.version,
        },
      });
      return { url };
    },
  },
  {
    route: "GET /api/v1/reports/support-services",
    what: "draft the support-services report",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/reports/support-services?lang=fr" }),
  },
  {
    route: "GET /api/v1/reports/support-services.{format}",
    what: "the support-services report as Word",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/reports/support-services.docx?lang=ar" }),
  },
  {
    route: "GET /api/v1/overlaps",
    what: "the overlap inbox",
    allowed: STAFF,
    request: async () => ({ url: "/api/v1/overlaps" }),
  },
  {
    route: "GET /api/v1/overlaps/{id}",
    what: "a candidate between T and B's office",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/overlaps/${f.overlap}` }),
  },
  {
    route: "GET /api/v1/overlaps/{id}/history",
    what: "the decisions on a candidate",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/overlaps/${f.overlap}/history` }),
  },
  {
    route: "POST /api/v1/overlaps/{id}/decision",
    what: "decide on a candidate between T and B's office",
    allowed: ["focalB", "secretariat", "adminB", "admin"],
    request: async (f, env) => {
      const current = (
        await env.app.inject({
          url: `/api/v1/overlaps/${f.overlap}`,
          headers: (await env.make.user("administrator")).headers,
        })
      ).json();
      return {
        url: `/api/v1/overlaps/${f.overlap}/decision`,
        payload: { status: "open", version: current.version },
      };
    },
  },
  {
    route: "POST /api/v1/overlaps/scans",
    what: "scan every activity",
    allowed: KEEPS_LIST,
    request: async () => ({ url: "/api/v1/overlaps/scans" }),
  },
  {
    route: "POST /api/v1/activities/similar",
    what: "activities like a draft",
    allowed: SIGNED_IN,
    request: async (f) => ({
      url: "/api/v1/activities/similar",
      payload: {
        unitCode: f.t.code,
        type: "event",
        start: "2017-01-01",
        title: { en: "Cyberdrill for Africa" },
      },
    }),
  },
  {
    route: "GET /api/v1/notifications",
    what: "my notifications",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/notifications" }),
  },
  {
    route: "GET /api/v1/bodies",
    what: "list coordination bodies",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/bodies" }),
  },
  {
    route: "GET /api/v1/bodies/{id}",
    what: "read an internal body",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/bodies/${f.body}` }),
  },
  {
    route: "GET /api/v1/bodies/{id}/statistics",
    what: "a body's meeting statistics",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/bodies/${f.body}/statistics` }),
  },
  {
    route: "GET /api/v1/bodies/{id}/history",
    what: "a body's history",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/bodies/${f.body}/history` }),
  },
  {
    route: "POST /api/v1/bodies",
    what: "set up a body",
    allowed: KEEPS_LIST,
    request: async () => ({
      url: "/api/v1/bodies",
      payload: {
        code: `b-${Math.random().toString(36).slice(2, 8)}`,
        name: { en: "New body" },
        level: "secretariat",
      },
    }),
  },
  {
    route: "PATCH /api/v1/bodies/{id}",
    what: "change a body",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const current = (
        await env.app.inject({ url: `/api/v1/bodies/${f.body}`, headers: await keeperOf(env) })
      ).json();
      return {
        url: `/api/v1/bodies/${f.body}`,
        payload: { version: current.version, termsOfReference: { en: "ToR" } },
      };
    },
  },
  {
    route: "POST /api/v1/bodies/{id}/members",
    what: "seat a member",
    allowed: KEEPS_LIST,
    request: async (f) => ({
      url: `/api/v1/bodies/${f.body}/members`,
      payload: { personId: f.personOffice.id, category: "m", validFrom: "2016-01-01" },
    }),
  },
  {
    route: "POST /api/v1/bodies/{id}/members/{memberId}/end",
    what: "end a seat",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const seated = (
        await env.app.inject({
          method: "POST",
          url: `/api/v1/bodies/${f.body}/members`,
          headers: await keeperOf(env),
          payload: { personId: f.publicPerson.id, category: "m", validFrom: "2016-01-01" },
        })
      ).json();
      const member = seated.members.findLast((m: { personId: string }) => m.personId === f.publicPerson.id);
      return {
        url: `/api/v1/bodies/${f.body}/members/${member.id}/end`,
        payload: { validTo: "2017-01-01", version: member.version },
      };
    },
  },
  {
    route: "GET /api/v1/meetings",
    what: "list meetings",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/meetings" }),
  },
  {
    route: "GET /api/v1/meetings/{id}",
    what: "read a meeting of an internal body",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/meetings/${f.meeting}` }),
  },
  {
    route: "GET /api/v1/meetings/{id}/minutes",
    what: "the minutes of a meeting of an internal body, to print",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/meetings/${f.meeting}/minutes?lang=ru` }),
  },
  {
    route: "GET /api/v1/meetings/{id}/minutes.{format}",
    what: "the minutes as PDF",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/meetings/${f.meeting}/minutes.pdf?lang=ar` }),
  },
  {
    route: "GET /api/v1/meetings/{id}/history",
    what: "a meeting's history",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/meetings/${f.meeting}/history` }),
  },
  {
    route: "POST /api/v1/meetings",
    what: "convene a meeting",
    allowed: KEEPS_LIST,
    request: async (f) => ({
      url: "/api/v1/meetings",
      payload: { bodyId: f.body, startsAt: "2018-01-10T10:00:00+01:00", mode: "remote" },
    }),
  },
  {
    route: "PATCH /api/v1/meetings/{id}",
    what: "change a meeting",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const current = (
        await env.app.inject({ url: `/api/v1/meetings/${f.meeting}`, headers: await keeperOf(env) })
      ).json();
      return { url: `/api/v1/meetings/${f.meeting}`, payload: { version: current.version, place: "Geneva" } };
    },
  },
  {
    route: "POST /api/v1/meetings/{id}/invitations",
    what: "invite to a meeting",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const current = (
        await env.app.inject({ url: `/api/v1/meetings/${f.meeting}`, headers: await keeperOf(env) })
      ).json();
      return {
        url: `/api/v1/meetings/${f.meeting}/invitations`,
        payload: { personIds: [f.personOffice.id], version: current.version },
      };
    },
  },
  {
    route: "POST /api/v1/meetings/{id}/invitations/withdraw",
    what: "withdraw an invitation",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const keeper = await keeperOf(env);
      const current = (
        await env.app.inject({
          method: "POST",
          url: `/api/v1/meetings/${f.meeting}/invitations`,
          headers: keeper,
          payload: {
            personIds: [f.publicPerson.id],
            version: (await env.app.inject({ url: `/api/v1/meetings/${f.meeting}`, headers: keeper })).json()
              .version,
          },
        })
      ).json();
      return {
        url: `/api/v1/meetings/${f.meeting}/invitations/withdraw`,
        payload: { personIds: [f.publicPerson.id], version: current.version },
      };
    },
  },
  {
    route: "PUT /api/v1/meetings/{id}/attendance",
    what: "record attendance",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const current = (
        await env.app.inject({ url: `/api/v1/meetings/${f.meeting}`, headers: await keeperOf(env) })
      ).json();
      return {
        url: `/api/v1/meetings/${f.meeting}/attendance`,
        payload: { entries: [{ personId: f.personT.id, attendance: "remote" }], version: current.version },
      };
    },
  },
  {
    route: "GET /api/v1/meetings/{id}/agenda",
    what: "a meeting's agenda",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/meetings/${f.meeting}/agenda` }),
  },
  {
    route: "POST /api/v1/meetings/{id}/agenda",
    what: "add to an agenda",
    allowed: KEEPS_LIST,
    request: async (f) => ({
      url: `/api/v1/meetings/${f.meeting}/agenda`,
      payload: { title: { en: "Item" } },
    }),
  },
  {
    route: "PATCH /api/v1/agenda-items/{id}",
    what: "write minutes",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const agenda = (
        await env.app.inject({ url: `/api/v1/meetings/${f.meeting}/agenda`, headers: await keeperOf(env) })
      ).json();
      const item = agenda.entries.find((a: { id: string }) => a.id === f.agendaItem);
      return {
        url: `/api/v1/agenda-items/${f.agendaItem}`,
        payload: { version: item.version, minutes: { en: "Noted." } },
      };
    },
  },
  {
    route: "POST /api/v1/agenda-items/{id}/action-items",
    what: "turn an agenda item into actions",
    allowed: KEEPS_LIST,
    request: async (f) => ({
      url: `/api/v1/agenda-items/${f.agendaItem}/action-items`,
      payload: { items: [actionDraft(f)] },
    }),
  },
  {
    route: "POST /api/v1/meetings/{id}/decisions",
    what: "record a decision",
    allowed: KEEPS_LIST,
    request: async (f) => ({
      url: `/api/v1/meetings/${f.meeting}/decisions`,
      payload: { text: { en: "Decided." } },
    }),
  },
  {
    route: "GET /api/v1/decisions",
    what: "the decision register",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/decisions" }),
  },
  {
    route: "GET /api/v1/decisions/{id}",
    what: "a decision of an internal body",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/decisions/${f.decision}` }),
  },
  {
    route: "POST /api/v1/decisions/{id}/action-items",
    what: "turn a decision into actions",
    allowed: KEEPS_LIST,
    request: async (f) => ({
      url: `/api/v1/decisions/${f.decision}/action-items`,
      payload: { items: [actionDraft(f)] },
    }),
  },
  {
    route: "PATCH /api/v1/decisions/{id}",
    what: "correct a decision",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const current = (
        await env.app.inject({ url: `/api/v1/decisions/${f.decision}`, headers: await keeperOf(env) })
      ).json();
      return {
        url: `/api/v1/decisions/${f.decision}`,
        payload: { text: { en: "Corrected." }, version: current.version },
      };
    },
  },
  {
    route: "GET /api/v1/decisions/{id}/history",
    what: "a decision's history",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/decisions/${f.decision}/history` }),
  },
  {
    route: "GET /api/v1/documents",
    what: "the documents register",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/documents" }),
  },
  {
    route: "POST /api/v1/documents",
    what: "register a document",
    allowed: KEEPS_LIST,
    request: async () => ({
      url: "/api/v1/documents",
      payload: { symbol: `MATRIX/${++documentNumber}`, title: { en: "Registered" } },
    }),
  },
  {
    route: "GET /api/v1/documents/export.{format}",
    what: "export the documents register",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/documents/export.csv" }),
  },
  {
    route: "POST /api/v1/documents/import",
    what: "import documents",
    allowed: KEEPS_LIST,
    request: async () => ({
      url: "/api/v1/documents/import",
      payload: [{ symbol: `MATRIX/${++documentNumber}`, title_en: "Imported" }],
    }),
  },
  {
    route: "GET /api/v1/documents/{id}",
    what: "a document of an internal body",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/documents/${f.document}` }),
  },
  {
    route: "GET /api/v1/documents/{id}/history",
    what: "a document's history",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/documents/${f.document}/history` }),
  },
  {
    route: "PATCH /api/v1/documents/{id}",
    what: "correct a registered document",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const current = (
        await env.app.inject({ url: `/api/v1/documents/${f.document}`, headers: await keeperOf(env) })
      ).json();
      return {
        url: `/api/v1/documents/${f.document}`,
        payload: { issuedOn: "2017-01-10", version: current.version },
      };
    },
  },
  {
    route: "DELETE /api/v1/documents/{id}",
    what: "remove a document from the register",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const created = (
        await env.app.inject({
          method: "POST",
          url: "/api/v1/documents",
          headers: await keeperOf(env),
          payload: {
            symbol: `MATRIX/${++documentNumber}`,
            title: { en: "To remove" },
          },
        })
      ).json();
      return { url: `/api/v1/documents/${created.id}?version=${created.version}` };
    },
  },
  {
    route: "GET /api/v1/action-items",
    what: "list action items",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/action-items" }),
  },
  {
    route: "POST /api/v1/action-items",
    what: "record an action item",
    allowed: KEEPS_LIST,
    request: async (f) => ({ url: "/api/v1/action-items", payload: { bodyId: f.body, ...actionDraft(f) } }),
  },
  {
    route: "POST /api/v1/action-items/reminders",
    what: "remind owners of overdue items",
    allowed: KEEPS_LIST,
    request: async () => ({ url: "/api/v1/action-items/reminders" }),
  },
  {
    route: "GET /api/v1/action-items/{id}",
    what: "an action item of an internal body",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/action-items/${f.actionItem}` }),
  },
  {
    route: "GET /api/v1/action-items/{id}/history",
    what: "an action item's history",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/action-items/${f.actionItem}/history` }),
  },
  {
    route: "PATCH /api/v1/action-items/{id}",
    what: "change someone else's action item",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const current = (
        await env.app.inject({ url: `/api/v1/action-items/${f.actionItem}`, headers: await keeperOf(env) })
      ).json();
      return {
        url: `/api/v1/action-items/${f.actionItem}`,
        payload: { version: current.version, status: "in_progress" },
      };
    },
  },
  {
    route: "GET /api/v1/escalation-ladder",
    what: "the escalation ladder",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/v1/escalation-ladder" }),
  },
  {
    route: "GET /api/v1/coordination-issues",
    what: "list coordination issues",
    allowed: STAFF,
    request: async () => ({ url: "/api/v1/coordination-issues" }),
  },
  {
    route: "POST /api/v1/coordination-issues",
    what: "raise an issue on an area the viewer is not focal point of",
    allowed: KEEPS_LIST,
    request: async (f) => ({
      url: "/api/v1/coordination-issues",
      payload: { areaSlug: f.areaT, title: { en: "Issue" } },
    }),
  },
  {
    route: "POST /api/v1/coordination-issues/escalations",
    what: "run the escalation timer now",
    allowed: KEEPS_LIST,
    request: async () => ({ url: "/api/v1/coordination-issues/escalations" }),
  },
  {
    route: "GET /api/v1/coordination-issues/{id}",
    what: "read an issue",
    allowed: STAFF,
    request: async (f, env) => ({ url: `/api/v1/coordination-issues/${(await freshIssue(f, env)).id}` }),
  },
  {
    route: "GET /api/v1/coordination-issues/{id}/history",
    what: "an issue's history",
    allowed: STAFF,
    request: async (f, env) => ({
      url: `/api/v1/coordination-issues/${(await freshIssue(f, env)).id}/history`,
    }),
  },
  {
    route: "POST /api/v1/coordination-issues/{id}/escalate",
    what: "move an issue up",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const issue = await freshIssue(f, env);
      return {
        url: `/api/v1/coordination-issues/${issue.id}/escalate`,
        payload: { reason: "matrix", version: issue.version },
      };
    },
  },
  {
    route: "POST /api/v1/coordination-issues/{id}/resolve",
    what: "settle an issue",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const issue = await freshIssue(f, env);
      return {
        url: `/api/v1/coordination-issues/${issue.id}/resolve`,
        payload: { decisionId: f.decision, resolution: "Settled", version: issue.version },
      };
    },
  },
  {
    route: "GET /api/v1/bodies/{id}/calendar.ics",
    what: "an internal body's calendar feed",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/bodies/${f.body}/calendar.ics` }),
  },
  {
    route: "GET /api/v1/meetings/{id}/invitation.ics",
    what: "a meeting's invitation",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/meetings/${f.meeting}/invitation.ics` }),
  },
  {
    route: "GET /api/v1/meetings/{id}/reports",
    what: "the focal points' reports",
    allowed: STAFF,
    request: async (f) => ({ url: `/api/v1/meetings/${f.meeting}/reports` }),
  },
  {
    route: "POST /api/v1/meetings/{id}/reports",
    what: "file a report on an area the viewer is not focal point of",
    allowed: [],
    request: async (f) => ({
      url: `/api/v1/meetings/${f.meeting}/reports`,
      payload: { areaSlug: f.areaT, language: "en", progress: "Progress" },
    }),
  },
  {
    route: "POST /api/v1/meetings/{id}/minutes/approve",
    what: "approve the minutes of a body the viewer does not chair",
    allowed: ["admin"],
    request: async (f, env) => {
      const meeting = await freshMeeting(f, env);
      return { url: `/api/v1/meetings/${meeting.id}/minutes/approve`, payload: { version: meeting.version } };
    },
  },
  {
    route: "POST /api/v1/meetings/{id}/minutes/revise",
    what: "open a new revision of approved minutes",
    allowed: KEEPS_LIST,
    request: async (f, env) => {
      const meeting = await freshMeeting(f, env);
      const approved = (
        await env.app.inject({
          method: "POST",
          url: `/api/v1/meetings/${meeting.id}/minutes/approve`,
          headers: await keeperOf(env),
          payload: { version: meeting.version },
        })
      ).json();
      return { url: `/api/v1/meetings/${meeting.id}/minutes/revise`, payload: { version: approved.version } };
    },
  },
];

const freshMeeting = async (f: Fixtures, env: TestEnv) =>
  (
    await env.app.inject({
      method: "POST",
      url: "/api/v1/meetings",
      headers: await keeperOf(env),
      payload: { bodyId: f.body, startsAt: "2019-01-10T10:00:00+01:00", mode: "remote" },
    })
  ).json() as { id: string; version: number };

const freshIssue = async (f: Fixtures, env: TestEnv) =>
  (
    await env.app.inject({
      method: "POST",
      url: "/api/v1/coordination-issues",
      headers: await keeperOf(env),
      payload: { areaSlug: f.areaT, title: { en: "Fixture issue" } },
    })
  ).json() as { id: string; version: number };

const actionDraft = (f: Fixtures) => ({
  title: { en: "Follow up" },
  ownerPersonId: f.personT.id,
  ownerUnitCode: f.t.code,
  dueDate: "2018-06-30",
});

const figureDraft = (f: Fixtures) => ({
  metricCode: f.metric,
  kind: "total",
  value: 12,
  periodStart: "2016-01-01",
  periodEnd: "2016-12-31",
  source: { symbol: "C18/35", section: "S.2", language: "en" },
});

/** The fixture figure and a new one stating another value for its period. */
const contradictingPair = async (f: Fixtures, env: TestEnv) => {
  const headers = await keeperOf(env);
  const figure = (await env.app.inject({ url: `/api/v1/figures/${f.figure}`, headers })).json();
  const other = (
    await env.app.inject({
      method: "POST",
      url: "/api/v1/figures",
      headers,
      payload: { ...figureDraft(f), value: figure.value + 1 },
    })
  ).json();
  return {
    figure: figure as { id: string; version: number },
    other: other as { id: string; version: number },
  };
};

/** Headers of a fresh organization-wide administrator, to read what a case is about to change. */
const keeperOf = async (env: TestEnv) => (await env.make.user("administrator")).headers;

/** Routes anyone may call; checked separately. */
const PUBLIC_ROUTES = [
  "GET /api/health",
  "POST /api/v1/auth/sign-in",
  "POST /api/v1/auth/sign-out",
  "GET /api/v1/sdg/goals",
  "GET /api/v1/sdg/targets",
  "GET /api/v1/document-symbols",
];
/** Routes whose subject is the caller's own record: another viewer's is not found, not forbidden. */
const OWN_RECORD_ROUTES = [
  "POST /api/v1/access-tokens/{id}/revoke",
  "GET /api/v1/jobs/{id}",
  "GET /api/v1/people/{id}/calendar.ics",
  "POST /api/v1/notifications/{id}/read",
];

describeOnEachDatabase("permission matrix", (env) => {
  let fixtures: Fixtures;
  const headers = new Map<Viewer, Record<string, string>>();

  beforeAll(async () => {
    const { make } = env();
    const root = await make.unit({ kind: "organization" });
    const b = await make.unit({ kind: "bureau", parentCode: root.code });
    const office = await make.unit({ kind: "regional_office", parentCode: b.code });
    const t = await make.unit({ kind: "bureau", parentCode: root.code });
    const secretT = await make.unit({ kind: "division", parentCode: t.code, visibility: "restricted" });
    const personT = await personIn(env(), t);
    const personOffice = await personIn(env(), office);
    const publicPerson = await make.person({ visibility: "public" });
    const secretPersonT = await make.person({
      visibility: "restricted",
      posts: [{ unitCode: t.code, title: { en: "Investigator" }, validFrom: "2015-01-01", validTo: null }],
    });
    const keeper = (await make.user("administrator")).headers;
    const created = await env().app.inject({
      method: "POST",
      url: "/api/v1/mandates",
      headers: keeper,
      payload: {
        source: "PP",
        kind: "resolution",
        number: "191",
        year: 2014,
        place: "Busan",
        title: { en: "Coordination" },
      },
    });
    const area = await env().app.inject({
      method: "POST",
      url: "/api/v1/areas",
      headers: keeper,
      payload: { slug: "matrix-area", name: { en: "Matrix" }, leadUnitCode: t.code, reason: "fixture" },
    });
    fixtures = {
      root,
      b,
      office,
      t,
      secretT,
      personT,
      personOffice,
      publicPerson,
      secretPersonT,
      mandateId: created.json().id,
      areaT: area.json().slug,
      activityT: (
        await env().app.inject({
          method: "POST",
          url: "/api/v1/activities",
          headers: keeper,
          payload: {
            unitCode: t.code,
            ref: "T/1",
            type: "project",
            title: { en: "Fixture" },
            start: "2016-01-01",
          },
        })
      ).json().id,
      overlap: "",
      body: "",
      meeting: "",
      agendaItem: "",
      decision: "",
      actionItem: "",
      metric: "matrix.events",
      figure: "",
      document: "",
    };
    const duplicate = {
      type: "event",
      start: "2018-05-02",
      end: "2018-05-04",
      title: { en: "Regional cyberdrill for African national CIRTs" },
      description: {
        en: "Three-day cyberdrill for national computer incident response teams of African countries, with scenarios on ransomware and phishing.",
      },
    };
    for (const [unit, ref] of [
      [t, "T/DRILL"],
      [office, "O/DRILL"],
    ] as const) {
      await env().app.inject({
        method: "POST",
        url: "/api/v1/activities",
        headers: keeper,
        payload: { ...duplicate, unitCode: unit.code, ref },
      });
    }
    await runOverlapScan(systemCtx(env().database));
    const createdBody = await env().app.inject({
      method: "POST",
      url: "/api/v1/bodies",
      headers: keeper,
      payload: {
        code: "matrix-body",
        name: { en: "Matrix task force" },
        level: "secretariat",
        categories: [{ code: "m", name: { en: "Members" }, attendance: "member" }],
      },
    });
    fixtures.body = createdBody.json().id;
    await env().app.inject({
      method: "POST",
      url: `/api/v1/bodies/${fixtures.body}/members`,
      headers: keeper,
      payload: { personId: personT.id, category: "m", validFrom: "2015-01-01" },
    });
    fixtures.meeting = (
      await env().app.inject({
        method: "POST",
        url: "/api/v1/meetings",
        headers: keeper,
        payload: { bodyId: fixtures.body, startsAt: "2016-03-14T10:00:00+01:00", mode: "hybrid" },
      })
    ).json().id;
    fixtures.overlap = (
      await env().app.inject({ url: "/api/v1/overlaps?likely=true", headers: keeper })
    ).json().entries[0].id;
    fixtures.agendaItem = (
      await env().app.inject({
        method: "POST",
        url: `/api/v1/meetings/${fixtures.meeting}/agenda`,
        headers: keeper,
        payload: { title: { en: "Fixture item" } },
      })
    ).json().id;
    fixtures.decision = (
      await env().app.inject({
        method: "POST",
        url: `/api/v1/meetings/${fixtures.meeting}/decisions`,
        headers: keeper,
        payload: { text: { en: "Fixture decision" } },
      })
    ).json().id;
    fixtures.actionItem = (
      await env().app.inject({
        method: "POST",
        url: "/api/v1/action-items",
        headers: keeper,
        payload: { bodyId: fixtures.body, ...actionDraft(fixtures) },
      })
    ).json().id;
    await env().app.inject({
      method: "POST",
      url: "/api/v1/metrics",
      headers: keeper,
      payload: {
        code: fixtures.metric,
        name: { en: "Events" },
        unit: "count",
        additive: true,
        section: "S.2",
        ownerUnitCode: t.code,
      },
    });
    fixtures.figure = (
      await env().app.inject({
        method: "POST",
        url: "/api/v1/figures",
        headers: keeper,
        payload: figureDraft(fixtures),
      })
    ).json().id;
    fixtures.document = (
      await env().app.inject({
        method: "POST",
        url: "/api/v1/documents",
        headers: keeper,
        payload: { symbol: "MATRIX/1", title: { en: "Fixture document" }, bodyId: fixtures.body },
      })
    ).json().id;
    await defineLadder(systemCtx(env().database), [
      { name: { en: "Focal points" }, bodyCode: null, timeLimitDays: 14 },
      { name: { en: "Task force" }, bodyCode: "matrix-body", timeLimitDays: 30 },
      { name: { en: "Top" }, bodyCode: "matrix-body", timeLimitDays: null },
    ]);
    for (const viewer of VIEWERS) {
      if (!viewer.role) headers.set(viewer.key, {});
      else {
        const unitCode = viewer.unit === "B" ? b.code : viewer.unit === "T" ? t.code : null;
        headers.set(viewer.key, (await make.user(viewer.role, unitCode)).headers);
      }
    }
  });

  it("covers every route of the API", async () => {
    const openapi = (await env().app.inject({ url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(openapi.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = new Set([...CASES.map((c) => c.route), ...PUBLIC_ROUTES, ...OWN_RECORD_ROUTES]);
    expect(routes.filter((route) => !covered.has(route))).toEqual([]);
  });

  for (const testCase of CASES) {
    it(`${testCase.route}: ${testCase.what}`, async () => {
      const outcomes: Record<string, number> = {};
      for (const viewer of VIEWERS) {
        const { url, payload } = await testCase.request(fixtures, env());
        const method = testCase.route.split(" ")[0] as "GET";
        const response = await env().app.inject({
          method,
          url,
          headers: headers.get(viewer.key),
          ...(payload === undefined ? {} : { payload: payload as object }),
        });
        outcomes[viewer.key] = response.statusCode;
      }
      const expected = Object.fromEntries(
        VIEWERS.map((v) => {
          if (v.key === "anonymous") return [v.key, "401"];
          return [v.key, testCase.allowed.includes(v.key) ? "2xx" : "403/404"];
        }),
      );
      const actual = Object.fromEntries(
        Object.entries(outcomes).map(([key, status]) => [
          key,
          status === 401
            ? "401"
            : status >= 200 && status < 300
              ? "2xx"
              : status === 403 || status === 404
                ? "403/404"
                : String(status),
        ]),
      );
      expect(actual).toEqual(expected);
    });
  }

  it("lists only what each viewer may read", async () => {
    const codes = async (viewer: Viewer) =>
      (await env().app.inject({ url: "/api/v1/units?limit=500", headers: headers.get(viewer) }))
        .json()
        .entries.map((u: Unit) => u.code);
    for (const viewer of COVERS_T) expect(await codes(viewer)).toContain(fixtures.secretT.code);
    for (const viewer of ["reader", "focalB", "adminB"] as Viewer[])
      expect(await codes(viewer)).not.toContain(fixtures.secretT.code);
    const people = async (viewer: Viewer) =>
      (
        await env().app.inject({
          url: "/api/v1/people?limit=500&includeInactive=true",
          headers: headers.get(viewer),
        })
      )
        .json()
        .entries.map((p: Person) => p.id);
    expect(await people("reader")).toEqual([fixtures.publicPerson.id]);
    expect(await people("focalB")).not.toContain(fixtures.secretPersonT.id);
    expect(await people("staffT")).toContain(fixtures.secretPersonT.id);
  });

  it("a token can be revoked only by its owner", async () => {
    const created = await env().app.inject({
      method: "POST",
      url: "/api/v1/access-tokens",
      headers: headers.get("staffT"),
      payload: { name: "mine" },
    });
    const id = created.json().id;
    for (const viewer of ["reader", "admin"] as Viewer[]) {
      const response = await env().app.inject({
        method: "POST",
        url: `/api/v1/access-tokens/${id}/revoke`,
        headers: headers.get(viewer),
      });
      expect(response.statusCode).toBe(404);
    }
    const own = await env().app.inject({
      method: "POST",
      url: `/api/v1/access-tokens/${id}/revoke`,
      headers: headers.get("staffT"),
    });
    expect(own.statusCode).toBe(200);
  });
});
