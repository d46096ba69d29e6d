import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { ACTIVITY_COLUMNS } from "#shared/activities.ts";
import { describeOnEachDatabase } from "#test/app.ts";

const HEADER = ACTIVITY_COLUMNS.join(",");
const row = (cells: Partial<Record<(typeof ACTIVITY_COLUMNS)[number], string>>) =>
  ACTIVITY_COLUMNS.map((c) => {
    const v = cells[c] ?? "";
    return /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  }).join(",");

describeOnEachDatabase("activity import and export", (env) => {
  let headers: Record<string, string>;
  beforeAll(async () => {
    await env().make.unit({ code: "IMPU", kind: "bureau" });
    const admin = await env().make.user("administrator");
    headers = admin.headers;
    await env().app.inject({
      method: "POST",
      url: "/api/v1/areas",
      headers,
      payload: { slug: "imp-area", name: { en: "Gender" }, leadUnitCode: "IMPU", reason: "test" },
    });
  });

  const importCsv = (csv: string, dryRun = false) =>
    env().app.inject({
      method: "POST",
      url: `/api/v1/activities/import${dryRun ? "?dryRun=true" : ""}`,
      headers: { ...headers, "content-type": "text/csv" },
      payload: csv,
    });

  it("imports a CSV in the exact column order, then updates the same unit:ref in place", async () => {
    const csv = [
      HEADER,
      row({
        ref: "IMP/1",
        unit: "IMPU",
        type: "project",
        start: "2016-01-01",
        title_zh: "性别信息页面",
        title_en: "Gender page",
        areas: "imp-area",
        sdg_targets: "5.b;5.5",
        budget: "1200.50",
        currency: "CHF",
      }),
      row({
        ref: "IMP/2",
        unit: "IMPU",
        type: "event",
        status: "completed",
        start: "2016-11-07",
        end: "2016-11-18",
        title_fr: "Participation à la COP22, Marrakech",
      }),
    ].join("\r\n");
    const first = await importCsv(csv);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ dryRun: false, rows: 2, created: 2, updated: 0 });
    const again = await importCsv(csv.replace("Gender page", "Gender information page"));
    expect(again.json()).toEqual({ dryRun: false, rows: 2, created: 0, updated: 2 });
    const list = (await env().app.inject({ url: "/api/v1/activities?unitCode=IMPU", headers })).json();
    const imp1 = list.entries.find((a: { ref: string }) => a.ref === "IMP/1");
    expect(imp1).toMatchObject({
      originalLanguage: "zh",
      title: { zh: "性别信息页面", en: "Gender information page" },
      sdgTargets: ["5.b", "5.5"],
      budget: { amount: 1200.5, currency: "CHF" },
      areaSlugs: ["imp-area"],
      version: 2,
    });
  });

  it("imports nothing when any row is wrong, and names every line and column", async () => {
    const csv = [
      HEADER,
      row({ ref: "OK/1", unit: "IMPU", type: "project", start: "2016-01-01", title_en: "Fine" }),
      row({
        ref: "BAD/1",
        unit: "NOPE",
        type: "project",
        start: "2016-02-01",
        end: "2016-01-01",
        title_en: "Bad",
        sdg_targets: "1.8",
      }),
      row({ ref: "OK/1", unit: "IMPU", type: "parade", start: "2016-13-01", areas: "nowhere" }),
    ].join("\n");
    const response = await importCsv(csv);
    expect(response.statusCode).toBe(400);
    expect(
      response.json().error.details.map((d: { field: string; reason: string }) => `${d.field} ${d.reason}`),
    ).toEqual([
      "3:unit unknown_unit",
      "3:end before_start",
      "3:sdg_targets unknown_sdg_target",
      "4:ref duplicate",
      "4:type invalid_value",
      "4:start invalid_format",
      "4:title_en required",
      "4:areas unknown_area",
    ]);
    const stored = (await env().app.inject({ url: "/api/v1/activities?q=fine", headers })).json();
    expect(stored.entries).toEqual([]);
  });

  it("a dry run checks everything and saves nothing", async () => {
    const csv = [
      HEADER,
      row({ ref: "DRY/1", unit: "IMPU", type: "project", start: "2016-01-01", title_en: "Dry" }),
    ].join("\n");
    expect((await importCsv(csv, true)).json()).toEqual({ dryRun: true, rows: 1, created: 1, updated: 0 });
    expect((await env().app.inject({ url: "/api/v1/activities?q=dry", headers })).json().entries).toEqual([]);
  });

  it("exports CSV, XLSX and JSON with the same columns, and a JSON export imports back unchanged", async () => {
    const csv = await env().app.inject({ url: "/api/v1/activities/export.csv", headers });
    expect(csv.body.split("\r\n")[0]).toBe(`\uFEFF${HEADER}`);
    const xlsx = await env().app.inject({ url: "/api/v1/activities/export.xlsx", headers });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual([...ACTIVITY_COLUMNS]);
    const json = await env().app.inject({ url: "/api/v1/activities/export.json", headers });
    const records = json.json() as Record<string, unknown>[];
    expect(Object.keys(records[0]!)).toEqual([...ACTIVITY_COLUMNS]);
    const back = await env().app.inject({
      method: "POST",
      url: "/api/v1/activities/import",
      headers: { ...headers, "content-type": "application/json" },
      payload: json.body,
    });
    expect(back.json()).toMatchObject({ created: 0, updated: records.length });
    const xlsxBack = await env().app.inject({
      method: "POST",
      url: "/api/v1/activities/import?dryRun=true",
      headers: {
        ...headers,
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
      payload: xlsx.rawPayload,
    });
    expect(xlsxBack.statusCode, xlsxBack.body).toBe(200);
    expect(xlsxBack.json()).toMatchObject({ dryRun: true, created: 0, updated: records.length });
  });

  it("refuses rows of units the importer may not edit", async () => {
    const staff = await env().make.user("staff", "IMPU");
    await env().make.unit({ code: "OTHU" });
    const csv = [
      HEADER,
      row({ ref: "X/1", unit: "OTHU", type: "project", start: "2016-01-01", title_en: "Elsewhere" }),
    ].join("\n");
    const response = await env().app.inject({
      method: "POST",
      url: "/api/v1/activities/import",
      headers: { ...staff.headers, "content-type": "text/csv" },
      payload: csv,
    });
    expect(response.json().error.details).toEqual([
      expect.objectContaining({ field: "2:unit", reason: "forbidden_unit" }),
    ]);
  });
});
