import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeOnEachDatabase } from "#test/app.ts";

describeOnEachDatabase("overlap detection", (env) => {
  let admin: { headers: Record<string, string> };
  let staffA: { headers: Record<string, string> };
  let focalB: { headers: Record<string, string>; person: { id: string } };
  let reader: { headers: Record<string, string> };
  let contact: { headers: Record<string, string>; person: { id: string } };
  const ids: Record<string, string> = {};

  const workshop = {
    type: "event",
    status: "completed",
    start: "2017-03-01",
    end: "2017-03-03",
  };

  beforeAll(async () => {
    const { make, app } = env();
    await make.unit({ code: "OVA", kind: "bureau", name: { en: "Development Bureau" } });
    await make.unit({ code: "OVB", kind: "bureau", name: { en: "Standardization Bureau" } });
    admin = await make.user("administrator");
    staffA = await make.user("staff", "OVA");
    focalB = await make.user("focal_point", "OVB");
    reader = await make.user("reader");
    contact = await make.user("staff", "OVA");
    const create = async (name: string, payload: Record<string, unknown>) => {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/activities",
        headers: admin.headers,
        payload,
      });
      expect(response.statusCode, response.body).toBe(201);
      ids[name] = response.json().id;
    };
    await create("africaEn", {
      ...workshop,
      unitCode: "OVA",
      ref: "OV/AFR-NETP",
      title: { en: "Regional workshop on national emergency telecommunication plans for Africa" },
      description: {
        en: "Three-day workshop for regulators and disaster management agencies of African countries on drafting national emergency telecommunication plans, following the ITU guidelines.",
      },
      contactIds: [contact.person.id],
    });
    await create("africaZh", {
      ...workshop,
      unitCode: "OVB",
      ref: "OV/AFR-NETP-ZH",
      title: { zh: "非洲国家应急通信计划区域讲习班" },
      description: {
        zh: "为非洲国家的监管机构和灾害管理机构举办为期三天的讲习班，介绍如何依据国际电联导则制定国家应急通信计划。",
      },
    });
    await create("europe", {
      ...workshop,
      unitCode: "OVB",
      ref: "OV/EUR-NETP",
      title: { en: "Regional workshop on national emergency telecommunication plans for Europe" },
      description: {
        en: "Three-day workshop for regulators and civil protection agencies of European countries on drafting national emergency telecommunication plans, following the ITU guidelines.",
      },
    });
    await create("campaign", {
      type: "initiative",
      status: "completed",
      start: "2017-04-01",
      end: "2017-05-31",
      unitCode: "OVA",
      ref: "OV/WTISD",
      title: {
        fr: "Campagne de communication pour la Journée mondiale des télécommunications et de la société de l'information",
      },
      description: { fr: "Affiches, vidéos et messages sur les réseaux sociaux pour la Journée du 17 mai." },
    });
  });

  const scanNow = async (headers = admin.headers) => {
    const started = await env().app.inject({ method: "POST", url: "/api/v1/overlaps/scans", headers });
    expect(started.statusCode, started.body).toBe(202);
    for (let i = 0; i < 200; i++) {
      const job = await env().app.inject({ url: `/api/v1/jobs/${started.json().id}`, headers });
      if (job.json().status !== "running") return job.json();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("the scan did not finish");
  };

  const inbox = async (query = "", headers = admin.headers) => {
    const response = await env().app.inject({ url: `/api/v1/overlaps${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().entries as {
      id: string;
      a: { id: string; ref: string };
      b: { id: string; ref: string };
      likely: boolean;
      score: number;
      status: string;
      version: number;
      evidence: { kind: string; values?: unknown[] }[];
    }[];
  };

  const pairOf = (entries: Awaited<ReturnType<typeof inbox>>, x: string, y: string) =>
    entries.find((e) => [e.a.id, e.b.id].sort().join() === [ids[x], ids[y]].sort().join());

  it("finds the same workshop written in Chinese by another Bureau, and explains why", async () => {
    const job = await scanNow();
    expect(job).toMatchObject({ status: "succeeded", result: { added: expect.any(Number) } });
    const entries = await inbox();
    const duplicate = pairOf(entries, "africaEn", "africaZh");
    expect(duplicate).toMatchObject({ likely: true, status: "open" });
    const kinds = duplicate!.evidence.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(["shared_concepts", "same_type", "overlapping_periods", "across_languages"]),
    );
    expect(duplicate!.evidence.find((e) => e.kind === "shared_concepts")!.values).toContain("netp");
    // The same workshop for another region is related work, not duplication.
    const otherRegion = pairOf(entries, "africaEn", "europe");
    expect(otherRegion?.likely ?? false).toBe(false);
    expect(pairOf(entries, "africaEn", "campaign")).toBeUndefined();
    const ofOne = await inbox(`?activityId=${ids.africaZh}`);
    expect(ofOne.map((e) => [e.a.id, e.b.id].includes(ids.africaZh!))).toEqual(ofOne.map(() => true));
    expect(ofOne.length).toBeGreaterThan(0);
  });

  it("shows both sides with the matching passages marked, in their own languages", async () => {
    const duplicate = pairOf(await inbox(), "africaEn", "africaZh")!;
    const response = await env().app.inject({
      url: `/api/v1/overlaps/${duplicate.id}`,
      headers: staffA.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const zhSide = body.a.id === ids.africaZh ? body.a : body.b;
    const enSide = body.a.id === ids.africaEn ? body.a : body.b;
    const marked = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e));
    expect(marked(zhSide.title.zh, zhSide.highlights.title.zh)).toEqual(expect.arrayContaining(["讲习班"]));
    expect(marked(zhSide.description.zh, zhSide.highlights.description.zh)).toEqual(
      expect.arrayContaining(["国家应急通信计划"]),
    );
    expect(marked(enSide.title.en, enSide.highlights.title.en).join(" ")).toMatch(
      /emergency telecommunication plans/i,
    );
  });

  it("tells the activities' contacts about a new likely duplicate", async () => {
    const response = await env().app.inject({
      url: "/api/v1/notifications?unread=true",
      headers: contact.headers,
    });
    expect(response.statusCode).toBe(200);
    const [note] = response.json().entries;
    expect(note).toMatchObject({ kind: "overlap.likely" });
    expect(note.subject.activityIds.sort()).toEqual([ids.africaEn, ids.africaZh].sort());
    const read = await env().app.inject({
      method: "POST",
      url: `/api/v1/notifications/${note.id}/read`,
      headers: contact.headers,
    });
    expect(read.json().readAt).not.toBeNull();
    const other = await env().app.inject({
      method: "POST",
      url: `/api/v1/notifications/${note.id}/read`,
      headers: staffA.headers,
    });
    expect(other.statusCode).toBe(404);
  });

  it("keeps the inbox from readers and decisions from people outside both units", async () => {
    expect((await env().app.inject({ url: "/api/v1/overlaps", headers: reader.headers })).statusCode).toBe(
      403,
    );
    expect((await env().app.inject({ url: "/api/v1/overlaps" })).statusCode).toBe(401);
    const duplicate = pairOf(await inbox(), "africaEn", "africaZh")!;
    const decide = await env().app.inject({
      method: "POST",
      url: `/api/v1/overlaps/${duplicate.id}/decision`,
      headers: staffA.headers,
      payload: { status: "dismissed", reason: "not ours", version: duplicate.version },
    });
    expect(decide.statusCode).toBe(403);
    const scan = await env().app.inject({
      method: "POST",
      url: "/api/v1/overlaps/scans",
      headers: focalB.headers,
    });
    expect(scan.statusCode).toBe(403);
  });

  it("a focal point dismisses a pair with a reason; a rescan leaves it dismissed until a text changes substantially", async () => {
    const pair = pairOf(await inbox(), "africaEn", "africaZh")!;
    const url = `/api/v1/overlaps/${pair.id}/decision`;
    const missing = await env().app.inject({
      method: "POST",
      url,
      headers: focalB.headers,
      payload: { status: "dismissed", outcome: "merge", version: pair.version },
    });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(["outcome", "reason"]);
    const dismissed = await env().app.inject({
      method: "POST",
      url,
      headers: focalB.headers,
      payload: { status: "dismissed", reason: "Two sessions of one joint workshop", version: pair.version },
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json()).toMatchObject({
      status: "dismissed",
      reason: "Two sessions of one joint workshop",
    });
    const stale = await env().app.inject({
      method: "POST",
      url,
      headers: focalB.headers,
      payload: { status: "confirmed", outcome: "coordinate", version: pair.version },
    });
    expect(stale.statusCode).toBe(409);

    await scanNow();
    expect(pairOf(await inbox("?status=dismissed"), "africaEn", "africaZh")).toMatchObject({
      status: "dismissed",
    });
    expect(pairOf(await inbox(), "africaEn", "africaZh")).toBeUndefined();

    // A small edit does not bring it back; rewriting the description does.
    const activity = await env().app.inject({
      url: `/api/v1/activities/${ids.africaEn}`,
      headers: admin.headers,
    });
    const edited = await env().app.inject({
      method: "PATCH",
      url: `/api/v1/activities/${ids.africaEn}`,
      headers: admin.headers,
      payload: {
        version: activity.json().version,
        description: {
          en: "A three-day regional workshop held in Nairobi for national regulators, disaster management agencies and mobile operators of African countries, on preparing and testing national emergency telecommunication plans with early warning and drills, following the ITU guidelines.",
        },
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await scanNow();
    const back = pairOf(await inbox(), "africaEn", "africaZh");
    expect(back).toMatchObject({ status: "open" });

    const confirmed = await env().app.inject({
      method: "POST",
      url: `/api/v1/overlaps/${back!.id}/decision`,
      headers: focalB.headers,
      payload: { status: "confirmed", outcome: "joint_activity", version: back!.version },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const history = await env().app.inject({
      url: `/api/v1/overlaps/${back!.id}/history`,
      headers: admin.headers,
    });
    expect(history.json().entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["dismissed", "reopen", "confirmed"]),
    );
    const [counted] = await env().database.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_event where entity = 'overlap_scan'`,
    );
    expect(counted!.n).toBeGreaterThanOrEqual(3);
  });

  it("shows the editor of a new activity the existing ones it most resembles", async () => {
    const response = await env().app.inject({
      method: "POST",
      url: "/api/v1/activities/similar",
      headers: focalB.headers,
      payload: {
        unitCode: "OVB",
        type: "event",
        start: "2017-03-01",
        title: {
          fr: "Atelier régional sur les plans nationaux de télécommunications d'urgence pour l'Afrique",
        },
        description: {
          fr: "Atelier de trois jours pour les régulateurs et les agences de gestion des catastrophes des pays africains.",
        },
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const entries = response.json().entries as { activity: { id: string; unitCode: string } }[];
    expect(entries[0]!.activity.id).toBe(ids.africaEn);
    // Activities of the draft's own unit are not duplicated effort across units.
    expect(entries.every((e) => e.activity.unitCode !== "OVB")).toBe(true);
    const unknown = await env().app.inject({
      method: "POST",
      url: "/api/v1/activities/similar",
      headers: focalB.headers,
      payload: { unitCode: "NOPE", type: "event", start: "2017-03-01", title: { en: "x" } },
    });
    expect(unknown.statusCode).toBe(400);
  });
});
