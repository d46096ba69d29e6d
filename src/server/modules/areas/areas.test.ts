import ExcelJS from "exceljs";
import { expect, it } from "vitest";
import type { Mandate } from "#shared/mandates.ts";
import { describeOnEachDatabase, type TestEnv } from "#test/app.ts";

let now = new Date("2016-03-01T10:00:00Z");
const clock = { now: () => new Date(now) };
const setDay = (iso: string) => {
  now = new Date(iso);
};

async function mandate(
  env: TestEnv,
  headers: Record<string, string>,
  body: Record<string, unknown>,
): Promise<Mandate> {
  const response = await env.app.inject({
    method: "POST",
    url: "/api/v1/mandates",
    headers,
    payload: { kind: "resolution", title: { en: "A resolution" }, revised: true, ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describeOnEachDatabase(
  "areas of common interest",
  (env) => {
    it("the secretariat records mandates and an area that qualifies under Resolution 191", async () => {
      const secretariat = await env().make.user("secretariat");
      const sector = await env().make.unit({ kind: "bureau" });
      const pp = await mandate(env(), secretariat.headers, {
        source: "PP",
        number: "182",
        place: "Busan",
        year: 2014,
      });
      expect(pp.citation).toBe("Resolution 182 (Rev. Busan, 2014)");
      const wtsa = await mandate(env(), secretariat.headers, {
        source: "WTSA",
        number: "73",
        place: "Hammamet",
        year: 2016,
      });
      expect(wtsa.citation).toBe("WTSA Resolution 73 (Rev. Hammamet, 2016)");
      const created = await env().app.inject({
        method: "POST",
        url: "/api/v1/areas",
        headers: secretariat.headers,
        payload: {
          slug: "climate-change-t",
          name: { en: "Climate change", zh: "气候变化" },
          status: "active",
          leadUnitCode: sector.code,
          mandateIds: [pp.id, wtsa.id],
          sdgTargets: ["13.b", "13.1", "13.1", "7.a"],
          reason: "Listed by the task force",
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        slug: "climate-change-t",
        revision: 1,
        qualification: { qualifies: true, rule: "pp_and_sector_resolutions", missing: [] },
        mandateCitations: [pp.citation, wtsa.citation],
        sdgTargets: ["7.a", "13.1", "13.b"],
      });
    });

    it("an area that does not qualify says why, and becomes active only with a justification", async () => {
      const secretariat = await env().make.user("secretariat");
      const unit = await env().make.unit();
      const payload = {
        slug: "web-editing-t",
        name: { en: "Web editing" },
        status: "active",
        leadUnitCode: unit.code,
        reason: "Listed by the task force",
      };
      const refused = await env().app.inject({
        method: "POST",
        url: "/api/v1/areas",
        headers: secretariat.headers,
        payload,
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.details[0]).toMatchObject({
        field: "justification",
        reason: "justification_required",
      });
      const accepted = await env().app.inject({
        method: "POST",
        url: "/api/v1/areas",
        headers: secretariat.headers,
        payload: { ...payload, justification: "Rests on a secretariat mandate" },
      });
      expect(accepted.statusCode).toBe(201);
      expect(accepted.json().qualification).toEqual({
        qualifies: false,
        rule: null,
        missing: ["no_plenipotentiary_resolution", "no_sector_resolution"],
      });
    });

    it("rejects unknown units and mandates field by field, and a duplicate slug with 409", async () => {
      const secretariat = await env().make.user("secretariat");
      const bad = await env().app.inject({
        method: "POST",
        url: "/api/v1/areas",
        headers: secretariat.headers,
        payload: {
          slug: "bad-area",
          name: { en: "Bad" },
          leadUnitCode: "NOPE",
          participatingUnitCodes: ["ALSO-NOPE"],
          mandateIds: ["00000000-0000-4000-8000-000000000000"],
          sdgTargets: ["9.c", "1.8"],
          reason: "test",
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual([
        "leadUnitCode",
        "participatingUnitCodes.0",
        "mandateIds.0",
        "sdgTargets.1",
      ]);
      const unit = await env().make.unit();
      const body = { slug: "twice", name: { en: "Twice" }, leadUnitCode: unit.code, reason: "test" };
      expect(
        (
          await env().app.inject({
            method: "POST",
            url: "/api/v1/areas",
            headers: secretariat.headers,
            payload: body,
          })
        ).statusCode,
      ).toBe(201);
      expect(
        (
          await env().app.inject({
            method: "POST",
            url: "/api/v1/areas",
            headers: secretariat.headers,
            payload: body,
          })
        ).statusCode,
      ).toBe(409);
    });

    it("keeps every revision: the list as of a date, and what changed between two dates", async () => {
      const secretariat = await env().make.user("secretariat");
      const lead = await env().make.unit();
      const partner = await env().make.unit();
      const focal = await env().make.person({
        posts: [{ unitCode: partner.code, title: { en: "Officer" }, validFrom: "2015-01-01", validTo: null }],
      });
      setDay("2016-03-01T10:00:00Z");
      const created = (
        await env().app.inject({
          method: "POST",
          url: "/api/v1/areas",
          headers: secretariat.headers,
          payload: {
            slug: "gender-t",
            name: { en: "Gender" },
            leadUnitCode: lead.code,
            reason: "First listed",
          },
        })
      ).json();
      setDay("2017-02-01T10:00:00Z");
      const renamed = await env().app.inject({
        method: "PATCH",
        url: "/api/v1/areas/gender-t",
        headers: secretariat.headers,
        payload: {
          version: created.version,
          name: { en: "Gender equality" },
          participatingUnitCodes: [partner.code],
          reason: "Council asked",
        },
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      const stale = await env().app.inject({
        method: "PATCH",
        url: "/api/v1/areas/gender-t",
        headers: secretariat.headers,
        payload: { version: created.version, name: { en: "Lost update" }, reason: "stale" },
      });
      expect(stale.statusCode).toBe(409);
      setDay("2017-03-01T10:00:00Z");
      const named = await env().app.inject({
        method: "POST",
        url: "/api/v1/areas/gender-t/focal-points",
        headers: secretariat.headers,
        payload: {
          personId: focal.id,
          unitCode: partner.code,
          validFrom: "2017-03-01",
          reason: "Named at the 16th meeting",
        },
      });
      expect(named.statusCode, named.body).toBe(201);
      expect(named.json()).toMatchObject({
        revision: 3,
        focalPoints: [{ personId: focal.id, unitCode: partner.code }],
      });

      const asOf = async (day: string) =>
        (await env().app.inject({ url: `/api/v1/areas?asOf=${day}`, headers: secretariat.headers }))
          .json()
          .entries.filter((a: { slug: string }) => a.slug === "gender-t");
      expect(await asOf("2015-12-31")).toEqual([]);
      expect((await asOf("2016-06-30"))[0]).toMatchObject({ name: { en: "Gender" }, revision: 1 });
      expect((await asOf("2017-02-15"))[0]).toMatchObject({
        name: { en: "Gender equality" },
        revision: 2,
        focalPoints: [],
      });

      const comparison = (
        await env().app.inject({
          url: "/api/v1/areas/compare?from=2016-06-30&to=2017-03-31",
          headers: secretariat.headers,
        })
      ).json();
      const change = comparison.changed.find((c: { slug: string }) => c.slug === "gender-t");
      expect(change.fields).toEqual(["name", "participatingUnitCodes", "focalPoints"]);

      const revisions = (
        await env().app.inject({ url: "/api/v1/areas/gender-t/revisions", headers: secretariat.headers })
      ).json();
      expect(
        revisions.entries.map((r: { revision: number; reason: string; changedBy: string }) => [
          r.revision,
          r.reason,
          r.changedBy,
        ]),
      ).toEqual([
        [3, "Named at the 16th meeting", secretariat.person.name],
        [2, "Council asked", secretariat.person.name],
        [1, "First listed", secretariat.person.name],
      ]);
    });

    it("refuses a focal point for a unit outside the area", async () => {
      const secretariat = await env().make.user("secretariat");
      const lead = await env().make.unit();
      const outsider = await env().make.unit();
      const person = await env().make.person();
      await env().app.inject({
        method: "POST",
        url: "/api/v1/areas",
        headers: secretariat.headers,
        payload: { slug: "outside-t", name: { en: "Outside" }, leadUnitCode: lead.code, reason: "test" },
      });
      const response = await env().app.inject({
        method: "POST",
        url: "/api/v1/areas/outside-t/focal-points",
        headers: secretariat.headers,
        payload: { personId: person.id, unitCode: outsider.code, validFrom: "2017-01-01", reason: "test" },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0]).toMatchObject({
        field: "unitCode",
        reason: "unit_not_participating",
      });
    });

    it("exports the list as the CSV annexed to a Council report, in the asked language", async () => {
      const secretariat = await env().make.user("secretariat");
      const lead = await env().make.unit({ code: "CSVLEAD" });
      await env().app.inject({
        method: "POST",
        url: "/api/v1/areas",
        headers: secretariat.headers,
        payload: {
          slug: "csv-area",
          name: { en: "Accessibility, for all", fr: "Accessibilité" },
          leadUnitCode: lead.code,
          reason: "test",
        },
      });
      const en = await env().app.inject({ url: "/api/v1/areas/export.csv", headers: secretariat.headers });
      expect(en.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(en.body).toContain('csv-area,"Accessibility, for all",proposed,CSVLEAD,,,,,no,');
      const fr = await env().app.inject({
        url: "/api/v1/areas/export.csv?lang=fr",
        headers: secretariat.headers,
      });
      expect(fr.body).toContain("csv-area,Accessibilité,proposed");
      const xlsx = await env().app.inject({
        url: "/api/v1/areas/export.xlsx?lang=fr",
        headers: secretariat.headers,
      });
      expect(xlsx.headers["content-type"]).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
      expect(rows[0]!.slice(1, 4)).toEqual(["slug", "name", "status"]);
      expect(rows.some((r) => r[1] === "csv-area" && r[2] === "Accessibilité")).toBe(true);
    });
  },
  { clock },
);
