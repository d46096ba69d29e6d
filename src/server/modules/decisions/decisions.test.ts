import { beforeAll, expect, it } from "vitest";
import { describeOnEachDatabase } from "#test/app.ts";

/** A clock the test moves forward: overdue items and reminders without waiting. */
let now = new Date("2016-03-14T12:00:00Z");
const clock = { now: () => new Date(now) };

describeOnEachDatabase(
  "agendas, decisions and action items",
  (env) => {
    let secretariat: { headers: Record<string, string> };
    let owner: { headers: Record<string, string>; person: { id: string } };
    let other: { headers: Record<string, string> };
    let meetingId: string;
    let bodyCode: string;
    let chair: { headers: Record<string, string>; person: { id: string } };

    beforeAll(async () => {
      now = new Date("2016-03-14T12:00:00Z");
      const { make, app } = env();
      await make.unit({ code: "ACTN", kind: "bureau" });
      secretariat = await make.user("secretariat");
      owner = await make.user("focal_point", "ACTN");
      other = await make.user("staff", "ACTN");
      chair = await make.user("chair");
      bodyCode = "act-tf";
      await app.inject({
        method: "POST",
        url: "/api/v1/areas",
        headers: secretariat.headers,
        payload: { slug: "act-area", name: { en: "Web editing" }, leadUnitCode: "ACTN", reason: "test" },
      });
      await app.inject({
        method: "POST",
        url: "/api/v1/areas/act-area/focal-points",
        headers: secretariat.headers,
        payload: { personId: owner.person.id, unitCode: "ACTN", validFrom: "2016-01-01", reason: "test" },
      });
      const created = await app.inject({
        method: "POST",
        url: "/api/v1/bodies",
        headers: secretariat.headers,
        payload: {
          code: bodyCode,
          name: { en: "Task force" },
          level: "secretariat",
          chairPersonId: chair.person.id,
          categories: [{ code: "b", name: { en: "Focal points" }, attendance: "member" }],
        },
      });
      const meeting = await app.inject({
        method: "POST",
        url: "/api/v1/meetings",
        headers: secretariat.headers,
        payload: {
          bodyId: created.json().id,
          number: 16,
          startsAt: "2016-03-14T10:00:00+01:00",
          mode: "hybrid",
        },
      });
      meetingId = meeting.json().id;
    });

    const post = (url: string, payload: object, headers = secretariat.headers) =>
      env().app.inject({ method: "POST", url, headers, payload });

    it("prepares an agenda, writes minutes, and numbers decisions in the body's register", async () => {
      const item = await post(`/api/v1/meetings/${meetingId}/agenda`, {
        title: { en: "Web translation guidelines", zh: "网页翻译导则" },
        originalLanguage: "en",
        kind: "document",
        documentSymbol: "C16/38",
      });
      expect(item.statusCode, item.body).toBe(201);
      expect(item.json()).toMatchObject({ position: 1, kind: "document" });
      const area = await post(`/api/v1/meetings/${meetingId}/agenda`, {
        title: { en: "Area" },
        kind: "area",
        areaSlug: "no-such-area",
      });
      expect(area.statusCode).toBe(400);
      expect(area.json().error.details[0]).toMatchObject({ field: "areaSlug", reason: "unknown_area" });
      const minutes = await env().app.inject({
        method: "PATCH",
        url: `/api/v1/agenda-items/${item.json().id}`,
        headers: secretariat.headers,
        payload: { version: item.json().version, minutes: { en: "The guidelines were reviewed." } },
      });
      expect(minutes.json().minutes).toEqual({ en: "The guidelines were reviewed." });

      const first = await post(`/api/v1/meetings/${meetingId}/decisions`, {
        text: { zh: "协调制定网页翻译导则。" },
        agendaItemId: item.json().id,
      });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({
        number: "ACT-TF/16/1",
        originalLanguage: "zh",
        meetingNumber: 16,
      });
      const second = await post(`/api/v1/meetings/${meetingId}/decisions`, {
        text: { en: "Sponsorship guidelines to be revised." },
      });
      expect(second.json().number).toBe("ACT-TF/16/2");
      const found = await env().app.inject({
        url: `/api/v1/decisions?q=${encodeURIComponent("网页翻译导则")}`,
        headers: other.headers,
      });
      expect(found.json().entries.map((d: { number: string }) => d.number)).toEqual(["ACT-TF/16/1"]);
      const refused = await post(
        `/api/v1/meetings/${meetingId}/decisions`,
        { text: { en: "x" } },
        owner.headers,
      );
      expect(refused.statusCode).toBe(403);
    });

    it("turns an agenda item into action items in one step; the owner reports progress", async () => {
      const [item] = (
        await env().app.inject({ url: `/api/v1/meetings/${meetingId}/agenda`, headers: secretariat.headers })
      ).json().entries;
      const spawned = await post(`/api/v1/agenda-items/${item.id}/action-items`, {
        items: [
          {
            title: { en: "Draft the guidelines" },
            ownerPersonId: owner.person.id,
            ownerUnitCode: "ACTN",
            dueDate: "2016-04-30",
          },
          {
            title: { en: "Consult the six language services" },
            ownerPersonId: owner.person.id,
            ownerUnitCode: "ACTN",
            dueDate: "2016-05-31",
          },
        ],
      });
      expect(spawned.statusCode, spawned.body).toBe(201);
      expect(spawned.json().entries).toHaveLength(2);
      const ofMeeting = await env().app.inject({
        url: `/api/v1/action-items?meetingId=${meetingId}`,
        headers: other.headers,
      });
      expect(ofMeeting.json().entries).toHaveLength(2);
      expect(spawned.json().entries[0]).toMatchObject({
        agendaItemId: item.id,
        meetingId,
        status: "open",
        overdue: false,
      });
      const bad = await post(`/api/v1/agenda-items/${item.id}/action-items`, {
        items: [
          {
            title: { en: "x" },
            ownerPersonId: owner.person.id,
            ownerUnitCode: "NOPE",
            dueDate: "2016-02-30",
          },
        ],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.map((d: { field: string }) => d.field)).toContain("items.0.dueDate");

      const action = spawned.json().entries[0];
      const progress = await env().app.inject({
        method: "PATCH",
        url: `/api/v1/action-items/${action.id}`,
        headers: owner.headers,
        payload: { version: action.version, status: "in_progress", note: "First draft circulated." },
      });
      expect(progress.statusCode, progress.body).toBe(200);
      expect(progress.json().notes).toEqual([expect.objectContaining({ note: "First draft circulated." })]);
      const moved = await env().app.inject({
        method: "PATCH",
        url: `/api/v1/action-items/${action.id}`,
        headers: owner.headers,
        payload: { version: progress.json().version, dueDate: "2016-12-31" },
      });
      expect(moved.statusCode).toBe(403);
      const stranger = await env().app.inject({
        method: "PATCH",
        url: `/api/v1/action-items/${action.id}`,
        headers: other.headers,
        payload: { version: progress.json().version, status: "done" },
      });
      expect(stranger.statusCode).toBe(403);
    });

    it("flags overdue items and reminds their owners once a week", async () => {
      now = new Date("2016-05-10T08:00:00Z");
      const overdue = await env().app.inject({
        url: "/api/v1/action-items?overdue=true",
        headers: owner.headers,
      });
      expect(
        overdue.json().entries.map((a: { dueDate: string; overdue: boolean }) => [a.dueDate, a.overdue]),
      ).toEqual([["2016-04-30", true]]);
      const remind = () => post("/api/v1/action-items/reminders", {});
      expect((await remind()).json()).toEqual({ reminded: 1 });
      expect((await remind()).json()).toEqual({ reminded: 0 });
      const notes = await env().app.inject({
        url: "/api/v1/notifications?unread=true",
        headers: owner.headers,
      });
      expect(notes.json().entries.map((n: { kind: string }) => n.kind)).toEqual(
        expect.arrayContaining(["action_item.overdue", "action_item.assigned"]),
      );
      now = new Date("2016-05-18T08:00:00Z");
      expect((await remind()).json()).toEqual({ reminded: 1 });
    });

    it("a focal point files the progress report on their area; others may not", async () => {
      const filed = await post(
        `/api/v1/meetings/${meetingId}/reports`,
        {
          areaSlug: "act-area",
          language: "fr",
          progress: "Lignes directrices rédigées.",
          nextSteps: "Consultation.",
        },
        owner.headers,
      );
      expect(filed.statusCode, filed.body).toBe(200);
      expect(filed.json()).toMatchObject({ areaSlug: "act-area", language: "fr", version: 1 });
      const again = await post(
        `/api/v1/meetings/${meetingId}/reports`,
        { areaSlug: "act-area", language: "fr", progress: "Deuxième version.", version: 1 },
        owner.headers,
      );
      expect(again.json()).toMatchObject({ progress: "Deuxième version.", version: 2 });
      const stale = await post(
        `/api/v1/meetings/${meetingId}/reports`,
        { areaSlug: "act-area", language: "fr", progress: "x", version: 1 },
        owner.headers,
      );
      expect(stale.statusCode).toBe(409);
      const notMine = await post(
        `/api/v1/meetings/${meetingId}/reports`,
        { areaSlug: "act-area", language: "en", progress: "x" },
        other.headers,
      );
      expect(notMine.statusCode).toBe(403);
      const listed = await env().app.inject({
        url: `/api/v1/meetings/${meetingId}/reports`,
        headers: other.headers,
      });
      expect(listed.json().entries).toHaveLength(1);
    });

    it("the chair approves the minutes; nobody edits them then without a new revision", async () => {
      const meeting = (
        await env().app.inject({ url: `/api/v1/meetings/${meetingId}`, headers: chair.headers })
      ).json();
      const bySecretariat = await post(`/api/v1/meetings/${meetingId}/minutes/approve`, {
        version: meeting.version,
      });
      expect(bySecretariat.statusCode).toBe(403);
      const approved = await post(
        `/api/v1/meetings/${meetingId}/minutes/approve`,
        { version: meeting.version },
        chair.headers,
      );
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toMatchObject({ minutesStatus: "approved", minutesRevision: 1 });
      const [item] = (
        await env().app.inject({ url: `/api/v1/meetings/${meetingId}/agenda`, headers: secretariat.headers })
      ).json().entries;
      const edit = () =>
        env().app.inject({
          method: "PATCH",
          url: `/api/v1/agenda-items/${item.id}`,
          headers: secretariat.headers,
          payload: { version: item.version, minutes: { en: "Changed afterwards." } },
        });
      const refused = await edit();
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.details).toMatchObject({ reason: "minutes_approved" });
      const [decision] = (
        await env().app.inject({
          url: `/api/v1/decisions?meetingId=${meetingId}`,
          headers: secretariat.headers,
        })
      ).json().entries;
      const correct = (payload: object) =>
        env().app.inject({
          method: "PATCH",
          url: `/api/v1/decisions/${decision.id}`,
          headers: secretariat.headers,
          payload,
        });
      const lateCorrection = await correct({
        text: { en: "Changed afterwards." },
        version: decision.version,
      });
      expect(lateCorrection.statusCode).toBe(422);
      expect(lateCorrection.json().error).toMatchObject({
        code: "invalid_transition",
        message: "The minutes are approved; open a new revision before changing them.",
        details: { reason: "minutes_approved" },
      });
      const revised = await post(`/api/v1/meetings/${meetingId}/minutes/revise`, {
        version: approved.json().version,
        reason: "Correction",
      });
      expect(revised.json()).toMatchObject({ minutesStatus: "draft", minutesRevision: 2 });
      expect((await edit()).statusCode).toBe(200);

      // In the new revision a decision's text can be corrected; its number stays.
      const wrongItem = await correct({
        agendaItemId: "00000000-0000-4000-8000-000000000000",
        version: decision.version,
      });
      expect(wrongItem.json().error.details).toEqual([
        expect.objectContaining({ field: "agendaItemId", reason: "not_in_meeting" }),
      ]);
      const corrected = await correct({
        text: { ...decision.text, en: "Web translation guidelines to be drafted jointly." },
        version: decision.version,
      });
      expect(corrected.statusCode, corrected.body).toBe(200);
      expect(corrected.json()).toMatchObject({
        number: decision.number,
        originalLanguage: decision.originalLanguage,
        version: decision.version + 1,
      });
      expect((await correct({ text: { en: "Stale" }, version: decision.version })).statusCode).toBe(409);
      const byWord = await env().app.inject({ url: "/api/v1/decisions?q=jointly", headers: other.headers });
      expect(byWord.json().entries.map((d: { id: string }) => d.id)).toEqual([decision.id]);
      const decisionHistory = await env().app.inject({
        url: `/api/v1/decisions/${decision.id}/history`,
        headers: secretariat.headers,
      });
      expect(decisionHistory.json().entries.map((e: { action: string }) => e.action)).toEqual([
        "update",
        "create",
      ]);
      const history = (
        await env().app.inject({ url: `/api/v1/meetings/${meetingId}/history`, headers: secretariat.headers })
      ).json();
      expect(history.entries.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(["approve_minutes", "revise_minutes"]),
      );
    });

    it("reads an agenda item's document symbol as documents write it, and refuses one that is not", async () => {
      const add = (documentSymbol: string) =>
        post(`/api/v1/meetings/${meetingId}/agenda`, { title: { en: "Documents" }, documentSymbol });
      const bad = await add("C16-38");
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details).toMatchObject([{ field: "documentSymbol", reason: "invalid_symbol" }]);
      const good = await add(" C17/INF/4 ");
      expect(good.json().documentSymbol).toBe("C17/INF/4");
    });

    it("prints the minutes in any language, texts not yet translated marked as originals", async () => {
      for (const document of [
        { symbol: "C16/38", title: { en: "Implementation of Resolution 191" } },
        { symbol: "ACT-TF/16/1", title: { en: "Terms of reference, revised" }, meetingId },
      ])
        expect((await post("/api/v1/documents", document)).statusCode).toBe(201);
      const en = (
        await env().app.inject({
          url: `/api/v1/meetings/${meetingId}/minutes?lang=en`,
          headers: other.headers,
        })
      ).json();
      expect(en.title).toBe("Task force: minutes of meeting 16");
      expect(en.subtitle.replace(/[\u00a0\u202f]/g, " ")).toMatch(/^14 March 2016, 10:00/);
      const text = JSON.stringify(en.blocks);
      expect(text).toContain("Attendance");
      expect(text).toContain("Changed afterwards.");
      expect(text).toMatch(/Decision ACT-TF\/16\/1: /);
      expect(text).toContain("Document: C16/38 — Implementation of Resolution 191");
      expect(text).toContain("Documents of the meeting");
      expect(text).toContain("Terms of reference, revised");
      const fr = (
        await env().app.inject({
          url: `/api/v1/meetings/${meetingId}/minutes?lang=fr`,
          headers: other.headers,
        })
      ).json();
      expect(JSON.stringify(fr.blocks)).toContain("Changed afterwards. [original en anglais]");
      for (const format of ["pdf", "docx"]) {
        const file = await env().app.inject({
          url: `/api/v1/meetings/${meetingId}/minutes.${format}?lang=zh`,
          headers: other.headers,
        });
        expect(file.statusCode).toBe(200);
        expect(file.rawPayload.subarray(0, 2).toString()).toBe(format === "pdf" ? "%P" : "PK");
      }
      const outsider = await env().app.inject({ url: `/api/v1/meetings/${meetingId}/minutes` });
      expect(outsider.statusCode).toBe(401);
    });
  },
  { clock },
);
