import { expect, it } from "vitest";
import { describeOnEachDatabase } from "#test/app.ts";

describeOnEachDatabase("units", (env) => {
  it("an administrator creates a unit under a parent and reads it back by code", async () => {
    const admin = await env().make.user("administrator");
    const parent = await env().make.unit({ kind: "sector" });
    const created = await env().app.inject({
      method: "POST",
      url: "/api/v1/units",
      headers: admin.headers,
      payload: {
        code: "BRX",
        kind: "bureau",
        parentCode: parent.code,
        name: { en: "Radiocommunication Bureau", fr: "Bureau des radiocommunications" },
        validFrom: "2001-01-01",
      },
    });
    expect(created.statusCode).toBe(201);
    const fetched = await env().app.inject({
      url: "/api/v1/units/BRX",
      headers: { ...admin.headers, "accept-language": "fr" },
    });
    expect(fetched.json()).toMatchObject({
      code: "BRX",
      parentId: parent.id,
      version: 1,
      missingLanguages: ["ar", "zh", "ru", "es"],
    });
  });

  it("lists every invalid field at once, in the caller's language", async () => {
    const admin = await env().make.user("administrator");
    const response = await env().app.inject({
      method: "POST",
      url: "/api/v1/units",
      headers: { ...admin.headers, "accept-language": "fr-CH, en;q=0.5" },
      payload: { code: "lower case", kind: "planet", name: {}, validFrom: "2020-02-30" },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toBe("La requête n'est pas valide ; voir les champs indiqués.");
    const fields = body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(["code", "kind", "name", "validFrom"]);
  });

  it("a stale version gets 409 and nothing changes", async () => {
    const admin = await env().make.user("administrator");
    const unit = await env().make.unit();
    const first = await env().app.inject({
      method: "PATCH",
      url: `/api/v1/units/${unit.id}`,
      headers: admin.headers,
      payload: { version: 1, name: { en: "Renamed once" } },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await env().app.inject({
      method: "PATCH",
      url: `/api/v1/units/${unit.id}`,
      headers: admin.headers,
      payload: { version: 1, name: { en: "Renamed twice" } },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("conflict");
    const after = await env().app.inject({ url: `/api/v1/units/${unit.id}`, headers: admin.headers });
    expect(after.json().name).toEqual({ en: "Renamed once" });
  });

  it("refuses a duplicate code with 409 and a parent below the unit itself", async () => {
    const admin = await env().make.user("administrator");
    const top = await env().make.unit();
    const child = await env().make.unit({ parentCode: top.code });
    const duplicate = await env().app.inject({
      method: "POST",
      url: "/api/v1/units",
      headers: admin.headers,
      payload: { code: top.code, kind: "department", name: { en: "Again" }, validFrom: "2001-01-01" },
    });
    expect(duplicate.statusCode).toBe(409);
    const cycle = await env().app.inject({
      method: "PATCH",
      url: `/api/v1/units/${top.id}`,
      headers: admin.headers,
      payload: { version: top.version, parentCode: child.code },
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.details[0]).toMatchObject({ field: "parentCode", reason: "cycle" });
  });

  it("a closed unit leaves today's list but stays in the list as of an earlier date", async () => {
    const admin = await env().make.user("administrator");
    const unit = await env().make.unit({ validFrom: "2010-01-01" });
    const closed = await env().app.inject({
      method: "POST",
      url: `/api/v1/units/${unit.code}/close`,
      headers: admin.headers,
      payload: { version: 1, on: "2015-06-30" },
    });
    expect(closed.statusCode).toBe(200);
    const codes = async (query: string) =>
      (await env().app.inject({ url: `/api/v1/units?limit=500${query}`, headers: admin.headers }))
        .json()
        .entries.map((u: { code: string }) => u.code);
    expect(await codes("")).not.toContain(unit.code);
    expect(await codes("&asOf=2014-01-01")).toContain(unit.code);
    expect(await codes("&asOf=2009-12-31")).not.toContain(unit.code);
  });

  it("refuses to close a unit that still has open sub-units", async () => {
    const admin = await env().make.user("administrator");
    const parent = await env().make.unit();
    await env().make.unit({ parentCode: parent.code });
    const response = await env().app.inject({
      method: "POST",
      url: `/api/v1/units/${parent.id}/close`,
      headers: admin.headers,
      payload: { version: 1 },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details[0].reason).toBe("has_open_children");
  });

  it("records every change in the unit's history with before and after", async () => {
    const admin = await env().make.user("administrator");
    const unit = await env().make.unit({ name: { en: "Before" } });
    await env().app.inject({
      method: "PATCH",
      url: `/api/v1/units/${unit.id}`,
      headers: admin.headers,
      payload: { version: 1, name: { en: "After" } },
    });
    const history = (
      await env().app.inject({ url: `/api/v1/units/${unit.id}/history`, headers: admin.headers })
    ).json();
    expect(history.entries.map((e: { action: string }) => e.action)).toEqual(["update", "create"]);
    expect(history.entries[0]).toMatchObject({
      actorId: admin.person.id,
      before: { name: { en: "Before" } },
      after: { name: { en: "After" } },
    });
  });

  it("pages through units with a stable cursor", async () => {
    const admin = await env().make.user("administrator");
    for (let i = 0; i < 5; i++) await env().make.unit({ code: `PAGE${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/units?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await env().app.inject({ url, headers: admin.headers })).json();
      seen.push(...page.entries.map((u: { code: string }) => u.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.filter((c) => c.startsWith("PAGE"))).toEqual(["PAGE0", "PAGE1", "PAGE2", "PAGE3", "PAGE4"]);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
