import { beforeAll, expect, it } from "vitest";
import { systemCtx } from "#server/core/context.ts";
import { describeOnEachDatabase } from "#test/app.ts";
import { defineLadder } from "./issues.service.ts";

/** The test moves this clock: an issue escalates by timer without anyone sleeping. */
let now = new Date("2016-09-01T08:00:00Z");
const clock = { now: () => new Date(now) };

describeOnEachDatabase(
  "coordination issues and the escalation ladder",
  (env) => {
    let secretariat: { headers: Record<string, string> };
    let focal: { headers: Record<string, string>; person: { id: string } };
    let chair: { headers: Record<string, string>; person: { id: string } };
    let staff: { headers: Record<string, string> };
    let reader: { headers: Record<string, string> };
    let meetingId: string;
    let issue: { id: string; version: number };

    beforeAll(async () => {
      now = new Date("2016-09-01T08:00:00Z");
      const { make, app, database } = env();
      await make.unit({ code: "ISSU", kind: "bureau" });
      secretariat = await make.user("secretariat");
      focal = await make.user("focal_point", "ISSU");
      chair = await make.user("chair");
      staff = await make.user("staff", "ISSU");
      reader = await make.user("reader");
      const post = (url: string, payload: object) =>
        app.inject({ method: "POST", url, headers: secretariat.headers, payload });
      await post("/api/v1/areas", {
        slug: "issue-area",
        name: { en: "Web translation" },
        leadUnitCode: "ISSU",
        reason: "test",
      });
      const named = await post("/api/v1/areas/issue-area/focal-points", {
        personId: focal.person.id,
        unitCode: "ISSU",
        validFrom: "2016-01-01",
        reason: "test",
      });
      expect(named.statusCode, named.body).toBe(201);
      for (const code of ["iss-tf", "iss-mcg", "iss-cc"]) {
        const created = await post("/api/v1/bodies", {
          code,
          name: { en: code },
          level: "secretariat",
          chairPersonId: code === "iss-tf" ? chair.person.id : null,
        });
        expect(created.statusCode, created.body).toBe(201);
      }
      const tf = (await app.inject({ url: "/api/v1/bodies/iss-tf", headers: secretariat.headers })).json();
      meetingId = (
        await post("/api/v1/meetings", {
          bodyId: tf.id,
          startsAt: "2016-10-20T10:00:00+02:00",
          mode: "hybrid",
        })
      ).json().id;
      await defineLadder(systemCtx(database), [
        { name: { en: "Focal points" }, bodyCode: null, timeLimitDays: 14 },
        { name: { en: "Task force" }, bodyCode: "iss-tf", timeLimitDays: 30 },
        { name: { en: "Management Coordination Group" }, bodyCode: "iss-mcg", timeLimitDays: 30 },
        { name: { en: "Coordination Committee" }, bodyCode: "iss-cc", timeLimitDays: null },
      ]);
    });

    const inject = (method: "GET" | "POST", url: string, headers: Record<string, string>, payload?: object) =>
      env().app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

    it("a focal point raises an issue on their area; others may not", async () => {
      const raised = await inject("POST", "/api/v1/coordination-issues", focal.headers, {
        areaSlug: "issue-area",
        title: { zh: "网页翻译费用由谁承担" },
      });
      expect(raised.statusCode, raised.body).toBe(201);
      issue = raised.json();
      expect(raised.json()).toMatchObject({
        level: 1,
        levelName: { en: "Focal points" },
        status: "open",
        originalLanguage: "zh",
        escalatesAt: "2016-09-15T08:00:00.000Z",
      });
      const refused = await inject("POST", "/api/v1/coordination-issues", staff.headers, {
        areaSlug: "issue-area",
        title: { en: "Not my area" },
      });
      expect(refused.statusCode).toBe(403);
      expect((await inject("GET", "/api/v1/coordination-issues", reader.headers)).statusCode).toBe(403);
    });

    it("moves up by itself when its level's time is up, onto the next meeting's agenda, owners told", async () => {
      now = new Date("2016-09-10T08:00:00Z");
      expect((await inject("POST", "/api/v1/coordination-issues/escalations", chair.headers)).json()).toEqual(
        { escalated: 0 },
      );
      now = new Date("2016-09-16T08:00:00Z");
      expect((await inject("POST", "/api/v1/coordination-issues/escalations", chair.headers)).json()).toEqual(
        { escalated: 1 },
      );
      const moved = (await inject("GET", `/api/v1/coordination-issues/${issue.id}`, chair.headers)).json();
      expect(moved).toMatchObject({
        level: 2,
        levelName: { en: "Task force" },
        escalatesAt: "2016-10-16T08:00:00.000Z",
      });
      expect(moved.moves.at(-1)).toMatchObject({ from: 1, to: 2, automatic: true, reason: "time_limit" });
      const agenda = (await inject("GET", `/api/v1/meetings/${meetingId}/agenda`, chair.headers)).json();
      expect(agenda.entries).toEqual([
        expect.objectContaining({ kind: "coordination_issue", title: { zh: "网页翻译费用由谁承担" } }),
      ]);
      for (const person of [focal, chair]) {
        const notes = (await inject("GET", "/api/v1/notifications", person.headers)).json();
        expect(notes.entries.map((n: { kind: string }) => n.kind)).toContain("coordination_issue.escalated");
      }
      const chairView = (
        await inject("GET", "/api/v1/coordination-issues?escalated=true", chair.headers)
      ).json();
      expect(chairView.entries.map((i: { id: string }) => i.id)).toEqual([issue.id]);
      issue = moved;
    });

    it("a chair moves it up by hand to the top, and no further", async () => {
      let current = issue;
      for (const level of [3, 4]) {
        const up = await inject("POST", `/api/v1/coordination-issues/${current.id}/escalate`, chair.headers, {
          reason: "Needs a management decision",
          version: current.version,
        });
        expect(up.statusCode, up.body).toBe(200);
        expect(up.json().level).toBe(level);
        current = up.json();
      }
      expect(current).toMatchObject({ escalatesAt: null });
      const beyond = await inject(
        "POST",
        `/api/v1/coordination-issues/${current.id}/escalate`,
        chair.headers,
        {
          reason: "Again",
          version: current.version,
        },
      );
      expect(beyond.statusCode).toBe(422);
      expect(beyond.json().error).toMatchObject({
        code: "invalid_transition",
        details: { reason: "top_of_ladder" },
      });
      const byStaff = await inject(
        "POST",
        `/api/v1/coordination-issues/${current.id}/escalate`,
        staff.headers,
        {
          reason: "x",
          version: current.version,
        },
      );
      expect(byStaff.statusCode).toBe(403);
      issue = current;
    });

    it("is settled with the decision that settled it", async () => {
      const unknown = await inject("POST", `/api/v1/coordination-issues/${issue.id}/resolve`, chair.headers, {
        decisionId: "00000000-0000-4000-8000-000000000000",
        resolution: "x",
        version: issue.version,
      });
      expect(unknown.statusCode).toBe(400);
      const decision = await inject("POST", `/api/v1/meetings/${meetingId}/decisions`, secretariat.headers, {
        text: { en: "Each Sector pays for translating its own pages." },
      });
      const settled = await inject("POST", `/api/v1/coordination-issues/${issue.id}/resolve`, chair.headers, {
        decisionId: decision.json().id,
        resolution: "Settled by the task force.",
        version: issue.version,
      });
      expect(settled.statusCode, settled.body).toBe(200);
      expect(settled.json()).toMatchObject({
        status: "resolved",
        resolvedByDecisionId: decision.json().id,
        escalatesAt: null,
      });
      const history = (
        await inject("GET", `/api/v1/coordination-issues/${issue.id}/history`, chair.headers)
      ).json();
      expect(history.entries.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(["create", "escalate_timer", "escalate", "resolve"]),
      );
    });
  },
  { clock },
);
