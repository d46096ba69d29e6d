import { expect, it } from "vitest";
import { describeOnEachDatabase } from "#test/app.ts";

describeOnEachDatabase("people", (env) => {
  it("creates a person with a post, and the directory shows them as of a date", async () => {
    const admin = await env().make.user("administrator");
    const unit = await env().make.unit({ validFrom: "2014-01-01" });
    const created = await env().app.inject({
      method: "POST",
      url: "/api/v1/people",
      headers: admin.headers,
      payload: {
        name: "Zhou Ming",
        email: "Zhou.Ming@Example.org",
        posts: [
          {
            unitCode: unit.code,
            title: { zh: "处长", en: "Head" },
            validFrom: "2016-01-01",
            validTo: "2017-12-31",
          },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      email: "zhou.ming@example.org",
      posts: [{ unitCode: unit.code }],
      version: 1,
    });
    const names = async (query: string) =>
      (
        await env().app.inject({
          url: `/api/v1/people?unitCode=${unit.code}${query}`,
          headers: admin.headers,
        })
      )
        .json()
        .entries.map((p: { name: string }) => p.name);
    expect(await names("&asOf=2016-06-01")).toEqual(["Zhou Ming"]);
    expect(await names("&asOf=2018-01-01")).toEqual([]);
    expect(await names("")).toEqual(["Zhou Ming"]);
  });

  it("finds people of a unit's sub-units, so a Bureau lists its regional offices' staff", async () => {
    const admin = await env().make.user("administrator");
    const bureau = await env().make.unit({ kind: "bureau" });
    const office = await env().make.unit({ kind: "regional_office", parentCode: bureau.code });
    await env().make.person({
      name: "Regional Staffer",
      posts: [{ unitCode: office.code, title: { en: "Officer" }, validFrom: "2015-01-01", validTo: null }],
    });
    const list = (
      await env().app.inject({ url: `/api/v1/people?unitCode=${bureau.code}`, headers: admin.headers })
    ).json();
    expect(list.entries.map((p: { name: string }) => p.name)).toEqual(["Regional Staffer"]);
  });

  it("lists every bad post field and names unknown units", async () => {
    const admin = await env().make.user("administrator");
    const response = await env().app.inject({
      method: "POST",
      url: "/api/v1/people",
      headers: admin.headers,
      payload: { name: "X", posts: [{ unitCode: "NOPE", title: { en: "Head" }, validFrom: "2016-01-01" }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      expect.objectContaining({
        field: "posts.0.unitCode",
        reason: "unknown_unit",
        message: "No unit has this code.",
      }),
    ]);
  });

  it("refuses a second person with the same e-mail with 409", async () => {
    const admin = await env().make.user("administrator");
    await env().make.person({ email: "same@example.org" });
    const response = await env().app.inject({
      method: "POST",
      url: "/api/v1/people",
      headers: admin.headers,
      payload: { name: "Other", email: "SAME@example.org" },
    });
    expect(response.statusCode).toBe(409);
  });

  it("deactivating a person ends their access at once", async () => {
    const admin = await env().make.user("administrator");
    const staff = await env().make.user("staff");
    expect((await env().app.inject({ url: "/api/v1/auth/me", headers: staff.headers })).statusCode).toBe(200);
    const response = await env().app.inject({
      method: "POST",
      url: `/api/v1/people/${staff.person.id}/deactivate`,
      headers: admin.headers,
      payload: {
        version: (
          await env().app.inject({ url: `/api/v1/people/${staff.person.id}`, headers: admin.headers })
        ).json().version,
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().active).toBe(false);
    expect((await env().app.inject({ url: "/api/v1/auth/me", headers: staff.headers })).statusCode).toBe(401);
  });

  it("grants and revokes roles, each change in the person's history", async () => {
    const admin = await env().make.user("administrator");
    const unit = await env().make.unit();
    const person = await env().make.person();
    const granted = await env().app.inject({
      method: "POST",
      url: `/api/v1/people/${person.id}/roles`,
      headers: admin.headers,
      payload: { role: "focal_point", unitCode: unit.code },
    });
    expect(granted.statusCode).toBe(201);
    const role = granted.json().roles[0];
    expect(role).toMatchObject({ role: "focal_point", unitCode: unit.code });
    const again = await env().app.inject({
      method: "POST",
      url: `/api/v1/people/${person.id}/roles`,
      headers: admin.headers,
      payload: { role: "focal_point", unitCode: unit.code },
    });
    expect(again.statusCode).toBe(409);
    const revoked = await env().app.inject({
      method: "DELETE",
      url: `/api/v1/people/${person.id}/roles/${role.id}`,
      headers: admin.headers,
    });
    expect(revoked.json().roles).toEqual([]);
    const trail = (
      await env().app.inject({
        url: `/api/v1/audit?entity=role_assignment&entityId=${role.id}`,
        headers: admin.headers,
      })
    ).json();
    expect(trail.entries.map((e: { action: string }) => e.action)).toEqual(["revoke", "grant"]);
  });

  it("ends a post and keeps it in the record", async () => {
    const admin = await env().make.user("administrator");
    const unit = await env().make.unit();
    const person = await env().make.person({
      posts: [{ unitCode: unit.code, title: { en: "Officer" }, validFrom: "2015-01-01", validTo: null }],
    });
    const post = person.posts[0]!;
    const ended = await env().app.inject({
      method: "POST",
      url: `/api/v1/people/${person.id}/posts/${post.id}/end`,
      headers: admin.headers,
      payload: { version: post.version, validTo: "2014-12-31" },
    });
    expect(ended.statusCode).toBe(400);
    const ok = await env().app.inject({
      method: "POST",
      url: `/api/v1/people/${person.id}/posts/${post.id}/end`,
      headers: admin.headers,
      payload: { version: post.version, validTo: "2016-12-31" },
    });
    expect(ok.json().posts[0]).toMatchObject({ validTo: "2016-12-31", version: 2 });
  });
});
