import { beforeAll, expect, it } from "vitest";
import { describeOnEachDatabase } from "#test/app.ts";

describeOnEachDatabase("coordination bodies and meetings", (env) => {
  let secretariat: { headers: Record<string, string> };
  let staff: { headers: Record<string, string> };
  let chair: { person: { id: string } };
  let focal: { person: { id: string } };
  let auditor: { person: { id: string } };
  let departmentHead: { person: { id: string } };
  let outsider: { person: { id: string } };
  let bodyId: string;

  beforeAll(async () => {
    const { make } = env();
    secretariat = await make.user("secretariat");
    staff = await make.user("staff");
    chair = await make.user("chair");
    focal = await make.user("focal_point");
    auditor = await make.user("observer");
    departmentHead = await make.user("staff");
    outsider = await make.user("staff");
  });

  const inject = (
    method: "GET" | "POST" | "PATCH" | "PUT",
    url: string,
    payload?: object,
    headers = secretariat.headers,
  ) => env().app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it("the secretariat sets up a body with its categories and seats its members", async () => {
    const created = await inject("POST", "/api/v1/bodies", {
      code: "test-tf",
      name: { en: "Inter-Sectoral Coordination Task Force", zh: "跨部门协调任务组" },
      originalLanguage: "en",
      level: "secretariat",
      chairPersonId: chair.person.id,
      categories: [
        { code: "b", name: { en: "Inter-sectoral focal points" }, attendance: "member" },
        { code: "e", name: { en: "Head of internal audit" }, attendance: "observer" },
        { code: "x", name: { en: "Department heads of the Bureaux" }, attendance: "invited_only" },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    bodyId = created.json().id;
    expect(created.json()).toMatchObject({ code: "test-tf", originalLanguage: "en", level: "secretariat" });
    for (const [person, category] of [
      [focal, "b"],
      [auditor, "e"],
      [departmentHead, "x"],
    ] as const) {
      const seated = await inject("POST", `/api/v1/bodies/${bodyId}/members`, {
        personId: person.person.id,
        category,
        validFrom: "2015-03-01",
      });
      expect(seated.statusCode, seated.body).toBe(201);
    }
    const wrong = await inject("POST", `/api/v1/bodies/test-tf/members`, {
      personId: outsider.person.id,
      category: "z",
      validFrom: "2016-01-01",
      validTo: "2015-01-01",
    });
    expect(wrong.statusCode).toBe(400);
    expect(
      wrong
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(["category", "validTo"]);
    const refused = await inject(
      "POST",
      "/api/v1/bodies",
      { code: "nope", name: { en: "x" }, level: "secretariat" },
      staff.headers,
    );
    expect(refused.statusCode).toBe(403);
  });

  it("convenes numbered meetings; members are invited, department heads only when asked", async () => {
    const first = await inject("POST", "/api/v1/meetings", {
      bodyId,
      startsAt: "2016-03-14T10:00:00+01:00",
      endsAt: "2016-03-14T12:00:00+01:00",
      mode: "hybrid",
      place: "Geneva, Tower, room T.1",
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      number: 1,
      timeZone: "Europe/Zurich",
      startsAt: "2016-03-14T09:00:00.000Z",
    });
    const invitedIds = first
      .json()
      .participants.map((p: { personId: string }) => p.personId)
      .sort();
    expect(invitedIds).toEqual([focal.person.id, auditor.person.id].sort());
    const second = await inject("POST", "/api/v1/meetings", {
      bodyId,
      startsAt: "2016-05-02T14:00:00+02:00",
      mode: "remote",
      guests: [departmentHead.person.id],
    });
    expect(second.json()).toMatchObject({ number: 2 });
    expect(
      second.json().participants.find((p: { personId: string }) => p.personId === departmentHead.person.id),
    ).toMatchObject({
      category: "x",
    });
    const duplicate = await inject("POST", "/api/v1/meetings", {
      bodyId,
      number: 2,
      startsAt: "2016-06-01T10:00:00Z",
      mode: "remote",
    });
    expect(duplicate.statusCode).toBe(409);
    const bad = await inject("POST", "/api/v1/meetings", {
      bodyId: "00000000-0000-4000-8000-000000000000",
      startsAt: "14/03/2016",
      mode: "video",
      timeZone: "Mars/Olympus",
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(["mode", "startsAt", "timeZone"]);
    const unknownBody = await inject("POST", "/api/v1/meetings", {
      bodyId: "00000000-0000-4000-8000-000000000000",
      startsAt: "2016-03-14T10:00:00Z",
      mode: "remote",
    });
    expect(unknownBody.statusCode).toBe(400);
    expect(unknownBody.json().error.details[0]).toMatchObject({ field: "bodyId", reason: "unknown_body" });
  });

  it("records attendance only for participants, nothing half-saved, stale writes refused", async () => {
    const [meeting] = (await inject("GET", `/api/v1/meetings?bodyId=${bodyId}&to=2016-03-31`)).json().entries;
    const refused = await inject("PUT", `/api/v1/meetings/${meeting.id}/attendance`, {
      version: meeting.version,
      entries: [
        { personId: focal.person.id, attendance: "in_person" },
        { personId: outsider.person.id, attendance: "remote" },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({ field: "entries.1.personId", reason: "not_invited" }),
    ]);
    const unchanged = (await inject("GET", `/api/v1/meetings/${meeting.id}`)).json();
    expect(unchanged.participants.every((p: { attendance: null }) => p.attendance === null)).toBe(true);
    const recorded = await inject("PUT", `/api/v1/meetings/${meeting.id}/attendance`, {
      version: meeting.version,
      entries: [
        { personId: focal.person.id, attendance: "in_person" },
        { personId: auditor.person.id, attendance: "remote" },
      ],
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const stale = await inject("PUT", `/api/v1/meetings/${meeting.id}/attendance`, {
      version: meeting.version,
      entries: [{ personId: focal.person.id, attendance: "absent" }],
    });
    expect(stale.statusCode).toBe(409);
    const history = await inject("GET", `/api/v1/meetings/${meeting.id}/history`);
    expect(history.json().entries.map((e: { action: string }) => e.action)).toContain("attendance");
  });

  it("counts meetings per year, attendance by category and the share remote", async () => {
    const stats = await inject("GET", `/api/v1/bodies/${bodyId}/statistics`, undefined, staff.headers);
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toMatchObject({
      total: 2,
      since: "2016-03-14T09:00:00.000Z",
      years: [
        {
          year: 2016,
          meetings: 2,
          attendance: { b: { in_person: 1, remote: 0 }, e: { remote: 1 } },
          remoteShare: 0.5,
        },
      ],
    });
  });

  it("withdraws an invitation sent by mistake, once any attendance recorded for it is cleared", async () => {
    const [meeting] = (await inject("GET", `/api/v1/meetings?bodyId=${bodyId}&to=2016-03-31`)).json().entries;
    const withdraw = (personIds: string[], version: number) =>
      inject("POST", `/api/v1/meetings/${meeting.id}/invitations/withdraw`, { personIds, version });
    const refused = await withdraw([outsider.person.id, auditor.person.id], meeting.version);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({ field: "personIds.0", reason: "not_invited" }),
      expect.objectContaining({ field: "personIds.1", reason: "attendance_recorded" }),
    ]);
    const cleared = await inject("PUT", `/api/v1/meetings/${meeting.id}/attendance`, {
      version: meeting.version,
      entries: [{ personId: auditor.person.id, attendance: null }],
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const participant = (m: { participants: { personId: string; attendance: string | null }[] }) =>
      m.participants.find((p) => p.personId === auditor.person.id);
    expect(participant(cleared.json())).toMatchObject({ attendance: null });
    expect((await withdraw([auditor.person.id], meeting.version)).statusCode).toBe(409);
    const withdrawn = await withdraw([auditor.person.id], cleared.json().version);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(participant(withdrawn.json())).toBeUndefined();
    const history = await inject("GET", `/api/v1/meetings/${meeting.id}/history`);
    expect(history.json().entries[0]).toMatchObject({ action: "withdraw_invitations" });
  });

  it("publishes iCalendar feeds, opened in calendar clients by a revocable token in the URL", async () => {
    const feed = await inject("GET", `/api/v1/bodies/${bodyId}/calendar.ics`);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toMatch(/^text\/calendar/);
    expect(feed.body).toContain("BEGIN:VCALENDAR\r\n");
    expect(feed.body).toContain("DTSTART:20160314T090000Z");
    // Long lines are folded (CRLF and a space); unfolded, the title reads whole.
    expect(feed.body.replace(/\r\n /g, "")).toContain(
      "SUMMARY:Inter-Sectoral Coordination Task Force — 1st meeting",
    );
    expect(feed.body.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    const me = await env().make.user("staff");
    const [meeting] = (await inject("GET", `/api/v1/meetings?bodyId=${bodyId}&to=2016-03-31`)).json().entries;
    await inject("POST", `/api/v1/meetings/${meeting.id}/invitations`, {
      personIds: [me.person.id],
      version: meeting.version,
    });
    const created = await env().app.inject({
      method: "POST",
      url: "/api/v1/access-tokens",
      headers: me.headers,
      payload: { name: "My calendar", scope: "calendar" },
    });
    expect(created.json()).toMatchObject({ scope: "calendar", token: expect.stringMatching(/^isc_/) });
    const token = created.json().token as string;
    const mine = await env().app.inject({
      url: `/api/v1/people/${me.person.id}/calendar.ics?token=${token}`,
    });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    // The calendar token opens feeds, nothing else; and only one's own.
    expect(
      (await env().app.inject({ url: "/api/v1/bodies", headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(401);
    expect((await env().app.inject({ url: `/api/v1/bodies?token=${token}` })).statusCode).toBe(401);
    expect(
      (await env().app.inject({ url: `/api/v1/people/${focal.person.id}/calendar.ics?token=${token}` }))
        .statusCode,
    ).toBe(404);
    const invitation = await env().app.inject({
      url: `/api/v1/meetings/${meeting.id}/invitation.ics?token=${token}`,
    });
    expect(invitation.body).toContain("METHOD:REQUEST");
    expect(invitation.body).toMatch(/ATTENDEE;CN=/);
    await env().app.inject({
      method: "POST",
      url: `/api/v1/access-tokens/${created.json().id}/revoke`,
      headers: me.headers,
    });
    expect(
      (await env().app.inject({ url: `/api/v1/people/${me.person.id}/calendar.ics?token=${token}` }))
        .statusCode,
    ).toBe(401);
  });
});
