import { beforeAll, describe, expect, it } from "vitest";
import { formatDocumentSymbol, parseDocumentSymbol, splitDocumentSymbols } from "#shared/document-symbols.ts";
import { describeOnEachDatabase } from "#test/app.ts";
import { systemCtx } from "../../core/context.ts";
import { loadDemoFigures } from "../../demo/demo.ts";
import { DEMO_FIGURES, DEMO_METRICS } from "../../demo/figures.ts";
import { findContradictions, type StatedFigure, totalOverPeriod } from "./figure-rules.ts";

describe("document symbols", () => {
  it.each([
    ["C18/35", { session: "C18", series: null, number: 35, amendments: [], language: null }],
    ["C18/35-E", { session: "C18", series: null, number: 35, amendments: [], language: "E" }],
    ["C17/INF/4", { session: "C17", series: "INF", number: 4, amendments: [], language: null }],
    ["C15/38(Rev.1)", { session: "C15", series: null, number: 38, amendments: ["Rev.1"], language: null }],
    ["CWG-FHR-8/14", { session: "CWG-FHR-8", series: null, number: 14, amendments: [], language: null }],
    ["ISC-TF/17/2", { session: "ISC-TF", series: "17", number: 2, amendments: [], language: null }],
  ])("reads %s and writes it back the same", (text, parts) => {
    const symbol = parseDocumentSymbol(text);
    expect(symbol).toEqual(parts);
    expect(formatDocumentSymbol(symbol!)).toBe(text);
  });

  it.each(["C18", "C18/", "c18/35", "C18/35-X", "C18/35 (Rev.1", "C17/21C17/INF/4", "/35"])(
    "refuses %s as one symbol",
    (text) => expect(parseDocumentSymbol(text)).toBeNull(),
  );

  it("splits symbols that pasting ran together, and keeps what it cannot read", () => {
    const { symbols, unreadable } = splitDocumentSymbols("C17/21C17/INF/4, C16/72 和 C17/63C17/140; see");
    expect(symbols.map(formatDocumentSymbol)).toEqual(["C17/21", "C17/INF/4", "C16/72", "C17/63", "C17/140"]);
    expect(unreadable).toEqual(["see"]);
  });
});

const fig = (
  id: string,
  value: number,
  periodStart: string,
  periodEnd: string,
  extra: Partial<StatedFigure> = {},
): StatedFigure => ({
  id,
  kind: "total",
  value,
  qualifier: "exact",
  periodStart,
  periodEnd,
  scopeKey: "",
  ...extra,
});

describe("totals and contradictions", () => {
  const y2014 = fig("2014", 19.8, "2014-01-01", "2014-12-31");
  const y2015 = fig("2015", 16.73, "2015-01-01", "2015-12-31");
  const y2015b = fig("2015b", 16.72, "2015-01-01", "2015-12-31");
  const biennium = fig("14-15", 36.55, "2014-01-01", "2015-12-31");

  it("adds figures that tile a period exactly, and says exact only when every part is", () => {
    expect(totalOverPeriod([y2014, y2015], true, "2014-01-01", "2015-12-31")).toMatchObject({
      status: "computed",
      qualifier: "exact",
      figureIds: ["2014", "2015"],
    });
    const about = { ...y2015, qualifier: "about" as const };
    expect(totalOverPeriod([y2014, about], true, "2014-01-01", "2015-12-31")).toMatchObject({
      status: "computed",
      qualifier: "about",
    });
    const more = { ...y2015, qualifier: "more_than" as const };
    expect(totalOverPeriod([about, more, y2014].slice(1), true, "2014-01-01", "2015-12-31")).toMatchObject({
      qualifier: "more_than",
    });
  });

  it("prefers the figure stated for exactly that period", () => {
    expect(totalOverPeriod([y2014, y2015, biennium], true, "2014-01-01", "2015-12-31")).toEqual({
      status: "computed",
      value: 36.55,
      qualifier: "exact",
      figureIds: ["14-15"],
    });
  });

  it("refuses to add what does not add up, and names the gaps and overlaps", () => {
    expect(totalOverPeriod([y2014, y2015], false, "2014-01-01", "2015-12-31")).toEqual({
      status: "not_computable",
      reasons: [{ reason: "not_additive" }],
    });
    const spring = fig("a", 10, "2016-03-01", "2017-02-28");
    const year = fig("b", 10, "2017-01-01", "2017-11-30");
    expect(totalOverPeriod([spring, year], true, "2016-01-01", "2017-12-31")).toEqual({
      status: "not_computable",
      reasons: [
        { reason: "gap", from: "2016-01-01", to: "2016-02-29" },
        { reason: "overlap", from: "2017-01-01", to: "2017-02-28" },
        { reason: "gap", from: "2017-12-01", to: "2017-12-31" },
      ],
    });
    expect(totalOverPeriod([], true, "2016-01-01", "2016-12-31")).toMatchObject({
      reasons: [{ reason: "no_figures" }],
    });
  });

  it("flags two values of one period that no qualifier reconciles, and a sum that differs from its period's", () => {
    const flagged = findContradictions([y2014, y2015, y2015b, biennium], true);
    expect([...flagged.get("2015b")!]).toContain("2015");
    expect([...flagged.get("14-15")!]).toEqual(expect.arrayContaining(["2014"]));
    // "About 16.5" and 16.72 can both be true.
    expect(findContradictions([{ ...y2015, qualifier: "about", value: 16.5 }, y2015b], true).size).toBe(0);
  });

  it("flags a containing period smaller than what is inside it, for things that only accumulate", () => {
    const whole = fig("whole", 100, "2016-01-01", "2016-12-31");
    const half = fig("half", 120, "2016-01-01", "2016-06-30");
    expect(findContradictions([whole, half], true).get("whole")).toEqual(new Set(["half"]));
    // Levels (members at a date) may fall: no flag.
    expect(findContradictions([whole, half], false).size).toBe(0);
    // Different scopes (Geneva, worldwide) are not compared.
    expect(findContradictions([whole, { ...half, scopeKey: "geneva" }], true).size).toBe(0);
  });
});

describeOnEachDatabase("service statistics", (env) => {
  let secretariat: { headers: Record<string, string> };
  let staff: { headers: Record<string, string>; person: { id: string } };
  let outsider: { headers: Record<string, string> };

  const draft = (over: Record<string, unknown> = {}) => ({
    metricCode: "test.events",
    kind: "total",
    value: 69,
    periodStart: "2014-07-01",
    periodEnd: "2015-02-28",
    scope: { place: "geneva" },
    source: { symbol: "C18/35", section: "S.2", language: "zh" },
    ...over,
  });

  beforeAll(async () => {
    const { make, app } = env();
    await make.unit({ code: "CNP", kind: "department" });
    await make.unit({ code: "OTHR", kind: "department" });
    secretariat = await make.user("secretariat");
    staff = await make.user("staff", "CNP");
    outsider = await make.user("staff", "OTHR");
    for (const [code, unit, additive] of [
      ["test.events", "count", true],
      ["test.sales", "chf", true],
      ["test.rate", "percent", false],
    ] as const) {
      const created = await app.inject({
        method: "POST",
        url: "/api/v1/metrics",
        headers: secretariat.headers,
        payload: { code, name: { en: code }, unit, additive, section: "S.2", ownerUnitCode: "CNP" },
      });
      expect(created.statusCode).toBe(201);
    }
  });

  it("keeps a figure with its period, scope, qualifier and source, entered by a person, audited", async () => {
    const { app } = env();
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/figures",
      headers: staff.headers,
      payload: draft({ qualifier: "about", value: 27700, source: { symbol: " C18/35 ", language: "zh" } }),
    });
    expect(created.statusCode).toBe(201);
    const figure = created.json();
    expect(figure).toMatchObject({
      metricCode: "test.events",
      unit: "count",
      qualifier: "about",
      scope: { place: "geneva", unitCode: null, category: null },
      source: { symbol: "C18/35", language: "zh", symbolAssumed: false },
      enteredBy: { id: staff.person.id },
      contradictions: [],
    });
    const history = await app.inject({
      method: "GET",
      url: `/api/v1/figures/${figure.id}/history`,
      headers: secretariat.headers,
    });
    expect(history.json().entries[0]).toMatchObject({ action: "create" });
  });

  it("lists every bad field at once and stores nothing", async () => {
    const { app } = env();
    const before = (
      await app.inject({ method: "GET", url: "/api/v1/figures", headers: staff.headers })
    ).json();
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/figures",
      headers: { ...staff.headers, "accept-language": "fr" },
      payload: draft({
        periodEnd: "2014-01-01",
        unit: "chf",
        outOf: 43,
        source: { symbol: "C18-35", language: "zh" },
      }),
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad.json().error.details.map((d: { field: string; reason: string }) => `${d.field}:${d.reason}`),
    ).toEqual([
      "periodEnd:before_start",
      "unit:wrong_unit",
      "outOf:not_applicable",
      "source.symbol:invalid_symbol",
    ]);
    expect(bad.json().error.details[3].message).toMatch(/cote/);
    const unknown = await app.inject({
      method: "POST",
      url: "/api/v1/figures",
      headers: staff.headers,
      payload: draft({ metricCode: "nope", kind: "rank", value: 10, qualifier: "about" }),
    });
    expect(unknown.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      "metricCode",
      "qualifier",
      "outOf",
    ]);
    const percent = await app.inject({
      method: "POST",
      url: "/api/v1/figures",
      headers: staff.headers,
      payload: draft({ metricCode: "test.rate", kind: "level", value: 197 }),
    });
    expect(percent.json().error.details).toMatchObject([{ field: "value", reason: "too_big" }]);
    const after = (
      await app.inject({ method: "GET", url: "/api/v1/figures", headers: staff.headers })
    ).json();
    expect(after.entries.length).toBe(before.entries.length);
  });

  it("lets only the owning service and the secretariat enter figures; anyone signed in reads them", async () => {
    const { app } = env();
    const denied = await app.inject({
      method: "POST",
      url: "/api/v1/figures",
      headers: outsider.headers,
      payload: draft(),
    });
    expect(denied.statusCode).toBe(403);
    const read = await app.inject({ method: "GET", url: "/api/v1/figures", headers: outsider.headers });
    expect(read.statusCode).toBe(200);
    expect(read.json().entries.every((f: { enteredBy: unknown }) => f.enteredBy !== undefined)).toBe(true);
    expect((await app.inject({ method: "GET", url: "/api/v1/figures" })).statusCode).toBe(401);
  });

  it("flags contradicting figures, keeps both, and computes totals only where periods tile", async () => {
    const { app } = env();
    const post = async (payload: Record<string, unknown>) => {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/figures",
        headers: staff.headers,
        payload,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const sales = (value: number, from: string, to: string) =>
      draft({ metricCode: "test.sales", value, periodStart: from, periodEnd: to, scope: {} });
    const y2014 = await post(sales(19_800_000, "2014-01-01", "2014-12-31"));
    const y2015 = await post(sales(16_730_000, "2015-01-01", "2015-12-31"));
    const restated = await post(sales(16_720_000, "2015-01-01", "2015-12-31"));
    const biennium = await post(sales(36_550_000, "2014-01-01", "2015-12-31"));
    const list = (
      await app.inject({
        method: "GET",
        url: "/api/v1/figures?metricCode=test.sales&contradicted=true",
        headers: staff.headers,
      })
    ).json().entries as { id: string; contradictions: string[] }[];
    expect(list.map((f) => f.id).sort()).toEqual([y2014.id, y2015.id, restated.id, biennium.id].sort());
    expect(list.find((f) => f.id === restated.id)!.contradictions).toContain(y2015.id);
    const total = await app.inject({
      method: "GET",
      url: "/api/v1/metrics/test.sales/total?from=2014-01-01&to=2015-12-31",
      headers: staff.headers,
    });
    expect(total.json()).toMatchObject({ status: "computed", value: 36_550_000, figureIds: [biennium.id] });
    const gap = await app.inject({
      method: "GET",
      url: "/api/v1/metrics/test.sales/total?from=2014-01-01&to=2016-12-31",
      headers: staff.headers,
    });
    expect(gap.json()).toEqual({
      status: "not_computable",
      reasons: [
        { reason: "overlap", from: "2014-01-01", to: "2015-12-31" },
        { reason: "gap", from: "2016-01-01", to: "2016-12-31" },
      ],
    });
  });

  it("records why two contradicting figures both stay, until either is corrected", async () => {
    const { app } = env();
    const post = async (value: number) => {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/figures",
        headers: staff.headers,
        payload: draft({
          value,
          periodStart: "2019-01-01",
          periodEnd: "2019-12-31",
          scope: { place: "worldwide" },
        }),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; version: number };
    };
    const stated = await post(120);
    const restated = await post(125);
    const third = await post(130);
    const review = (
      headers: Record<string, string>,
      id: string,
      otherId: string,
      body: Record<string, unknown>,
      method: "PUT" | "DELETE" = "PUT",
    ) =>
      app.inject({
        method,
        url: `/api/v1/figures/${id}/contradictions/${otherId}/review`,
        headers,
        ...(method === "PUT" ? { payload: body } : {}),
      });
    const pending = async () =>
      (
        (
          await app.inject({
            method: "GET",
            url: "/api/v1/figures?metricCode=test.events&unreviewed=true&from=2019-01-01&to=2019-12-31",
            headers: staff.headers,
          })
        ).json().entries as { id: string }[]
      )
        .map((f) => f.id)
        .sort();
    expect(await pending()).toEqual([stated.id, restated.id, third.id].sort());

    const explanation = "The 2019 report and its corrigendum state both counts.";
    const body = { explanation, version: stated.version, otherVersion: restated.version };
    // Another service's staff may not; nothing is recorded.
    expect((await review(outsider.headers, stated.id, restated.id, body)).statusCode).toBe(403);
    const empty = await review(staff.headers, stated.id, restated.id, { ...body, explanation: "  " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([expect.objectContaining({ field: "explanation" })]);
    const stale = await review(staff.headers, stated.id, restated.id, { ...body, otherVersion: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual([
      expect.objectContaining({ field: "otherVersion", reason: "stale_version" }),
    ]);

    const reviewed = await review(staff.headers, stated.id, restated.id, body);
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().contradictionReviews).toEqual([
      {
        figureId: restated.id,
        explanation,
        reviewedBy: { id: staff.person.id, name: expect.any(String) },
        reviewedAt: expect.any(String),
      },
    ]);
    // The pair is one review, seen from both figures; the third figure still awaits review.
    const other = (
      await app.inject({ method: "GET", url: `/api/v1/figures/${restated.id}`, headers: staff.headers })
    ).json();
    expect(other.contradictionReviews.map((r: { figureId: string }) => r.figureId)).toEqual([stated.id]);
    expect(await pending()).toEqual([stated.id, restated.id, third.id].sort());
    for (const [id, otherId] of [
      [stated.id, third.id],
      [restated.id, third.id],
    ] as const) {
      const versions = { version: 1, otherVersion: 1 };
      expect((await review(staff.headers, id, otherId, { explanation, ...versions })).statusCode).toBe(200);
    }
    expect(await pending()).toEqual([]);

    // Figures that agree have nothing to review.
    const agreeing = await post(120);
    const refused = await review(staff.headers, stated.id, agreeing.id, body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/nothing to review/);
    expect(
      (await review(staff.headers, stated.id, "00000000-0000-4000-8000-000000000000", body)).statusCode,
    ).toBe(404);
    await app.inject({
      method: "DELETE",
      url: `/api/v1/figures/${agreeing.id}?version=1`,
      headers: staff.headers,
    });

    // Correcting a figure brings its contradictions back to review.
    const corrected = await app.inject({
      method: "PUT",
      url: `/api/v1/figures/${third.id}`,
      headers: staff.headers,
      payload: {
        ...draft({
          value: 131,
          periodStart: "2019-01-01",
          periodEnd: "2019-12-31",
          scope: { place: "worldwide" },
        }),
        version: 1,
      },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().contradictionReviews).toEqual([]);
    expect(await pending()).toEqual([stated.id, restated.id, third.id].sort());

    // Withdrawing a review flags the pair again; both changes are in the audit trail.
    const withdrawn = await review(staff.headers, restated.id, stated.id, {}, "DELETE");
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().contradictionReviews).toEqual([]);
    expect((await review(staff.headers, restated.id, stated.id, {}, "DELETE")).statusCode).toBe(404);
    const administrator = await env().make.user("administrator");
    const trail = (
      await app.inject({
        method: "GET",
        url: "/api/v1/audit?entity=contradiction_review",
        headers: administrator.headers,
      })
    ).json().entries as { action: string }[];
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(["create", "delete"]));
    for (const f of [stated, restated, third]) {
      const current = (
        await app.inject({ method: "GET", url: `/api/v1/figures/${f.id}`, headers: staff.headers })
      ).json();
      await app.inject({
        method: "DELETE",
        url: `/api/v1/figures/${f.id}?version=${current.version}`,
        headers: staff.headers,
      });
    }
  });

  it("corrects a figure with the version read (a stale write gets 409) and removes one entered in error", async () => {
    const { app } = env();
    const created = (
      await app.inject({
        method: "POST",
        url: "/api/v1/figures",
        headers: staff.headers,
        payload: draft({ value: 70 }),
      })
    ).json();
    const put = (version: number, value: number) =>
      app.inject({
        method: "PUT",
        url: `/api/v1/figures/${created.id}`,
        headers: staff.headers,
        payload: { ...draft({ value }), version },
      });
    const fixed = await put(1, 69);
    expect(fixed.json()).toMatchObject({ value: 69, version: 2 });
    expect((await put(1, 68)).statusCode).toBe(409);
    expect(
      (
        await app.inject({
          method: "DELETE",
          url: `/api/v1/figures/${created.id}?version=1`,
          headers: staff.headers,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await app.inject({
          method: "DELETE",
          url: `/api/v1/figures/${created.id}?version=2`,
          headers: staff.headers,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ method: "GET", url: `/api/v1/figures/${created.id}`, headers: staff.headers }))
        .statusCode,
    ).toBe(404);
  });

  it("enters a metric's grid of figures at once, all or none, naming each bad cell", async () => {
    const { app } = env();
    const count = async () =>
      (await app.inject({ url: "/api/v1/figures?metricCode=test.events", headers: staff.headers })).json()
        .entries.length;
    const before = await count();
    const batch = (second: Record<string, unknown>) =>
      app.inject({
        method: "POST",
        url: "/api/v1/figures/batch",
        headers: staff.headers,
        payload: {
          figures: [
            draft({ value: 131, periodStart: "2017-01-01", periodEnd: "2017-11-30" }),
            draft({ value: 138, periodStart: "2016-03-01", periodEnd: "2017-02-28", ...second }),
          ],
        },
      });
    const refused = await batch({ periodEnd: "2016-01-01", source: { symbol: "nope", language: "zh" } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      "figures.1.periodEnd",
      "figures.1.source.symbol",
    ]);
    expect(await count()).toBe(before);
    const saved = await batch({});
    expect(saved.statusCode).toBe(201);
    expect(
      saved
        .json()
        .entries.map((f: { value: number }) => f.value)
        .sort(),
    ).toEqual([131, 138]);
    expect(await count()).toBe(before + 2);
  });

  it("imports a CSV all or nothing, pointing at each bad cell", async () => {
    const { app } = env();
    const header =
      "metric,kind,value,qualifier,period_start,period_end,place,source_symbol,source_section,source_language,symbol_assumed";
    const bad = [
      header,
      "test.events,total,76,exact,2015-06-01,2016-01-15,geneva,C18/35,S.2,zh,yes",
      "test.events,total,ten,exact,2015-06-01,2016-01-15,geneva,C18/35,S.2,zh,yes",
      "nope,total,300,exact,2016-01-15,2015-06-01,geneva,C18_35,S.2,zh,perhaps",
    ].join("\n");
    const refused = await app.inject({
      method: "POST",
      url: "/api/v1/figures/import",
      headers: { ...staff.headers, "content-type": "text/csv" },
      payload: bad,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      "3:value",
      "4:metric",
      "4:period_end",
      "4:source_symbol",
      "4:symbol_assumed",
    ]);
    const good = [
      header,
      "test.events,total,7 474,exact,2014-07-01,2015-02-28,geneva,C18/35,S.2,zh,yes",
    ].join("\n");
    const imported = await app.inject({
      method: "POST",
      url: "/api/v1/figures/import",
      headers: { ...staff.headers, "content-type": "text/csv" },
      payload: good,
    });
    expect(imported.json()).toEqual({ dryRun: false, rows: 1, created: 1, updated: 0 });
    const exported = await app.inject({
      method: "GET",
      url: "/api/v1/figures/export.csv?metricCode=test.events",
      headers: staff.headers,
    });
    expect(exported.body).toContain(
      "test.events,total,7474,count,exact,,2014-07-01,2015-02-28,,geneva,,,C18/35,S.2,zh,yes",
    );
  });

  it("imports budgets and the figures compared with them, and takes an edited export back as corrections", async () => {
    const { app } = env();
    const post = (payload: string, dryRun = false) =>
      app.inject({
        method: "POST",
        url: `/api/v1/figures/import${dryRun ? "?dryRun=true" : ""}`,
        headers: { ...staff.headers, "content-type": "text/csv" },
        payload,
      });
    const header = "id,metric,kind,value,period_start,period_end,source_symbol,source_language,budget_figure";
    const file = [
      header,
      "b2021,test.sales,total,18500000,2021-01-01,2021-12-31,C22/35,en,",
      ",test.sales,total,19020000,2021-01-01,2021-12-31,C22/35,en,b2021",
    ].join("\n");
    const refused = await post(
      [
        header,
        ",test.sales,total,1,2021-01-01,2021-12-31,C22/35,en,nowhere",
        ",test.sales,total,2,2021-01-01,2021-12-31,C22/35,en,e2021",
        "e2021,test.events,total,3,2021-01-01,2021-12-31,C22/35,en,",
      ].join("\n"),
    );
    expect(refused.statusCode).toBe(400);
    expect(
      refused.json().error.details.map((d: { field: string; reason: string }) => `${d.field} ${d.reason}`),
    ).toEqual(["2:budget_figure unknown_figure", "3:budget_figure wrong_unit"]);
    expect((await post(file, true)).json()).toEqual({ dryRun: true, rows: 2, created: 2, updated: 0 });
    expect((await post(file)).json()).toEqual({ dryRun: false, rows: 2, created: 2, updated: 0 });
    const listed = (
      await app.inject({
        url: "/api/v1/figures?metricCode=test.sales&from=2021-01-01&to=2021-12-31",
        headers: staff.headers,
      })
    ).json().entries as {
      id: string;
      value: number;
      comparisons: { relation: string; figureId: string }[];
    }[];
    const budget = listed.find((f) => f.value === 18_500_000)!;
    const actual = listed.find((f) => f.value === 19_020_000)!;
    expect(actual.comparisons).toEqual([{ relation: "budget", figureId: budget.id }]);

    const exported = (
      await app.inject({ url: "/api/v1/figures/export.csv?metricCode=test.sales", headers: staff.headers })
    ).body;
    expect(exported.split("\n")[0]).toMatch(/^\ufeffid,metric,.*,budget_figure,previous_figure\r?$/);
    expect(exported).toContain(`${actual.id},test.sales,total,19020000,`);
    expect(exported).toMatch(new RegExp(`${actual.id},.*,${budget.id},\r?\n`));
    // The export imported back unchanged changes nothing; with one value edited, corrects that figure.
    expect((await post(exported)).json()).toMatchObject({ created: 0, updated: 0 });
    const edited = exported.replace(
      `${actual.id},test.sales,total,19020000,`,
      `${actual.id},test.sales,total,19030000,`,
    );
    expect((await post(edited)).json()).toMatchObject({ created: 0, updated: 1 });
    const corrected = (
      await app.inject({ url: `/api/v1/figures/${actual.id}`, headers: staff.headers })
    ).json();
    expect(corrected).toMatchObject({
      value: 19_030_000,
      version: 2,
      comparisons: [{ relation: "budget", figureId: budget.id }],
    });
    const history = (
      await app.inject({ url: `/api/v1/figures/${actual.id}/history`, headers: secretariat.headers })
    ).json();
    expect(history.entries[0]).toMatchObject({
      action: "update",
      before: { value: 19_020_000 },
      after: { value: 19_030_000 },
    });
    // Another service's staff may not correct these figures through a file either.
    const outsiderImport = await app.inject({
      method: "POST",
      url: "/api/v1/figures/import",
      headers: { ...outsider.headers, "content-type": "text/csv" },
      payload: edited,
    });
    expect(outsiderImport.statusCode).toBe(403);
  });

  it("holds every figure of seed 004 and shows the seed's own inconsistencies", async () => {
    const { database, app, make } = env();
    for (const code of new Set(DEMO_METRICS.map((m) => m.owner)))
      await make.unit({ code, kind: "department" });
    await loadDemoFigures(systemCtx(database));
    const all = (
      await app.inject({ method: "GET", url: "/api/v1/figures?section=S.3", headers: staff.headers })
    ).json().entries as {
      metricCode: string;
      value: number;
      contradictions: string[];
      periodStart: string;
    }[];
    const sales = all.filter((f) => f.metricCode === "publications.sales");
    const flagged = sales.filter((f) => f.contradictions.length).map((f) => f.value);
    expect(flagged).toEqual(expect.arrayContaining([16_730_000, 16_720_000, 36_550_000]));
    const everything = (
      await app.inject({ method: "GET", url: "/api/v1/figures", headers: staff.headers })
    ).json();
    const demo = everything.entries.filter((f: { metricCode: string }) => !f.metricCode.startsWith("test."));
    expect(demo.length).toBe(DEMO_FIGURES.length);
    const pages = await app.inject({
      method: "GET",
      url: "/api/v1/metrics/conference.pages/total?from=2016-03-01&to=2017-11-30",
      headers: staff.headers,
    });
    expect(pages.json()).toMatchObject({ status: "not_computable", reasons: [{ reason: "overlap" }] });
  });
});
