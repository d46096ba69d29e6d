import { beforeAll, expect, it } from "vitest";
import { describeOnEachDatabase } from "#test/app.ts";

describeOnEachDatabase("activity registry", (env) => {
  let staffHeaders: Record<string, string>;
  let unitCode: string;
  let otherUnitCode: string;
  let areaSlug: string;

  beforeAll(async () => {
    const { make, app } = env();
    const unit = await make.unit({ code: "ACTU", kind: "bureau" });
    const other = await make.unit({ code: "ACTO", kind: "bureau" });
    unitCode = unit.code;
    otherUnitCode = other.code;
    staffHeaders = (await make.user("staff", unit.code)).headers;
    const admin = await make.user("administrator");
    const area = await app.inject({
      method: "POST",
      url: "/api/v1/areas",
      headers: admin.headers,
      payload: {
        slug: "act-area",
        name: { en: "Emergency telecommunications" },
        leadUnitCode: unit.code,
        reason: "test",
      },
    });
    areaSlug = area.json().slug;
  });

  const create = (payload: Record<string, unknown>, headers = staffHeaders) =>
    env().app.inject({
      method: "POST",
      url: "/api/v1/activities",
      headers,
      payload: { unitCode, type: "project", start: "2016-01-01", ...payload },
    });

  it("staff register their unit's activity in Chinese; the original language is the one given", async () => {
    const response = await create({
      ref: "ITU-D/EMTEL/1",
      title: { zh: "国际电联应急通信项目" },
      areaSlugs: [areaSlug],
      sdgTargets: ["13.1", "1.5"],
      budget: { amount: 250000, currency: "CHF" },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      unitCode,
      ref: "ITU-D/EMTEL/1",
      originalLanguage: "zh",
      areaSlugs: [areaSlug],
      budget: { amount: 250000, currency: "CHF" },
      missingLanguages: ["ar", "en", "fr", "ru", "es"],
      version: 1,
    });
  });

  it("reports every bad field at once, and a duplicate ref in the unit with 409", async () => {
    const bad = await create({
      ref: "BAD/1",
      title: { en: "Bad" },
      start: "2017-01-01",
      end: "2016-01-01",
      areaSlugs: ["no-such-area"],
      sdgTargets: ["1.8"],
      budget: { amount: 10, currency: "chf" },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(["budget.currency", "end"]);
    const refs = await create({
      ref: "BAD/2",
      title: { en: "Bad" },
      areaSlugs: ["no-such-area"],
      sdgTargets: ["1.8"],
    });
    expect(
      refs.json().error.details.map((d: { field: string; reason: string }) => `${d.field}:${d.reason}`),
    ).toEqual(["areaSlugs.0:unknown_area", "sdgTargets.0:unknown_sdg_target"]);
    await create({ ref: "DUP/1", title: { en: "First" } });
    expect((await create({ ref: "DUP/1", title: { en: "Second" } })).statusCode).toBe(409);
  });

  it("staff may not register another unit's activity", async () => {
    const response = await create({ unitCode: otherUnitCode, ref: "OTHER/1", title: { en: "Not mine" } });
    expect(response.statusCode).toBe(403);
  });

  it("finds activities by word in any language, Chinese included, and by filters", async () => {
    await create({
      ref: "SEARCH/1",
      title: { en: "Cyberdrill for the Africa region" },
      sdgTargets: ["9.c"],
      type: "event",
    });
    await create({
      ref: "SEARCH/2",
      title: { zh: "电信发展局无障碍获取培训" },
      type: "event",
      start: "2018-05-01",
    });
    await create({
      ref: "SEARCH/3",
      title: { ar: "الإتصالات في حالات الطوارئ" },
      start: "2015-03-01",
      end: "2015-12-31",
    });
    const find = async (query: string) =>
      (await env().app.inject({ url: `/api/v1/activities?${query}`, headers: staffHeaders }))
        .json()
        .entries.map((a: { ref: string }) => a.ref);
    expect(await find("q=cyber")).toEqual(["SEARCH/1"]);
    expect(await find(`q=${encodeURIComponent("无障碍获取")}`)).toEqual(["SEARCH/2"]);
    expect(await find(`q=${encodeURIComponent("无障碍")}`)).toEqual(["SEARCH/2"]);
    expect(await find(`q=${encodeURIComponent("障碍")}`)).toEqual([]);
    expect(await find(`q=${encodeURIComponent("الاتصالات")}`)).toEqual(["SEARCH/3"]);
    expect(await find("sdgGoal=9")).toEqual(["SEARCH/1"]);
    expect(await find(`unitCode=${encodeURIComponent(unitCode)}&type=event`)).toEqual([
      "SEARCH/2",
      "SEARCH/1",
    ]);
    const unknownUnit = await env().app.inject({
      url: "/api/v1/activities?unitCode=NOPE",
      headers: staffHeaders,
    });
    expect(unknownUnit.statusCode).toBe(404);
    expect(await find("type=event")).toEqual(["SEARCH/2", "SEARCH/1"]);
    expect(await find("from=2015-01-01&to=2015-06-30")).toEqual(["SEARCH/3"]);
    expect(await find(`areaSlug=${areaSlug}`)).toEqual(["ITU-D/EMTEL/1"]);
  });

  it("a stale version gets 409; an edit keeps search in step", async () => {
    const created = (await create({ ref: "EDIT/1", title: { en: "Remote participation service" } })).json();
    const edited = await env().app.inject({
      method: "PATCH",
      url: `/api/v1/activities/${created.id}`,
      headers: staffHeaders,
      payload: {
        version: 1,
        title: { en: "Remote participation service", fr: "Service de participation à distance" },
      },
    });
    expect(edited.statusCode).toBe(200);
    const stale = await env().app.inject({
      method: "PATCH",
      url: `/api/v1/activities/${created.id}`,
      headers: staffHeaders,
      payload: { version: 1, status: "cancelled" },
    });
    expect(stale.statusCode).toBe(409);
    const found = (
      await env().app.inject({
        url: `/api/v1/activities?q=${encodeURIComponent("à distance")}`,
        headers: staffHeaders,
      })
    ).json();
    expect(found.entries.map((a: { ref: string }) => a.ref)).toEqual(["EDIT/1"]);
  });

  it("a focal point tags another unit's activity with their area, but no other area", async () => {
    const { make, app } = env();
    const admin = await make.user("administrator");
    const focal = await make.user("focal_point", otherUnitCode);
    const mine = (
      await app.inject({
        method: "POST",
        url: "/api/v1/areas",
        headers: admin.headers,
        payload: { slug: "focal-area", name: { en: "Gender" }, leadUnitCode: otherUnitCode, reason: "test" },
      })
    ).json();
    await app.inject({
      method: "POST",
      url: "/api/v1/areas/focal-area/focal-points",
      headers: admin.headers,
      payload: {
        personId: focal.person.id,
        unitCode: otherUnitCode,
        validFrom: "2015-01-01",
        reason: "test",
      },
    });
    const activity = (await create({ ref: "TAG/1", title: { en: "Women speakers at events" } })).json();
    const tagged = await app.inject({
      method: "PUT",
      url: `/api/v1/activities/${activity.id}/areas`,
      headers: focal.headers,
      payload: { version: activity.version, areaSlugs: [mine.slug] },
    });
    expect(tagged.statusCode, tagged.body).toBe(200);
    expect(tagged.json().areaSlugs).toEqual(["focal-area"]);
    const notMine = await app.inject({
      method: "PUT",
      url: `/api/v1/activities/${activity.id}/areas`,
      headers: focal.headers,
      payload: { version: tagged.json().version, areaSlugs: ["focal-area", areaSlug] },
    });
    expect(notMine.statusCode).toBe(403);
  });
});
