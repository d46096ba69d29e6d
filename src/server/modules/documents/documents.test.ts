import { beforeAll, expect, it } from "vitest";
import { describeOnEachDatabase } from "#test/app.ts";

type Headers = { headers: Record<string, string> };

describeOnEachDatabase("documents register", (env) => {
  let secretariat: Headers;
  let staff: Headers;
  let bodyId: string;
  let otherBodyId: string;
  let meetingId: string;

  const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, who: Headers, payload?: object) =>
    env().app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    const { make } = env();
    await make.unit({ code: "DOCS", kind: "department" });
    secretariat = await make.user("secretariat");
    staff = await make.user("staff", "DOCS");
    const newBody = async (code: string) =>
      (
        await call("POST", "/api/v1/bodies", secretariat, {
          code,
          name: { en: code },
          level: "secretariat",
          categories: [],
        })
      ).json().id as string;
    bodyId = await newBody("doc-tf");
    otherBodyId = await newBody("doc-mcg");
    meetingId = (
      await call("POST", "/api/v1/meetings", secretariat, {
        bodyId,
        number: 17,
        startsAt: "2017-02-14T10:00:00+01:00",
        mode: "in_person",
      })
    ).json().id;
    // Cited before it is registered: an agenda item (in its English version) and a figure.
    const item = await call("POST", `/api/v1/meetings/${meetingId}/agenda`, secretariat, {
      title: { en: "Publications sales 2016" },
      kind: "document",
      documentSymbol: "C17/INF/4-E",
    });
    expect(item.statusCode, item.body).toBe(201);
    const metric = await call("POST", "/api/v1/metrics", secretariat, {
      code: "doc.sales",
      name: { en: "Sales" },
      unit: "chf",
      additive: true,
      section: "S.4",
      ownerUnitCode: "DOCS",
    });
    expect(metric.statusCode, metric.body).toBe(201);
    const figure = await call("POST", "/api/v1/figures", secretariat, {
      metricCode: "doc.sales",
      kind: "total",
      value: 19_020_000,
      periodStart: "2016-01-01",
      periodEnd: "2016-12-31",
      scope: { place: "worldwide" },
      source: { symbol: "C17/INF/4", section: "S.4", language: "zh" },
    });
    expect(figure.statusCode, figure.body).toBe(201);
  });

  it("refuses a document with every bad field named, and stores nothing", async () => {
    const bad = await call(
      "POST",
      "/api/v1/documents",
      { headers: { ...secretariat.headers, "accept-language": "fr" } },
      {
        symbol: "not a symbol",
        title: { en: "Sales" },
        originalLanguage: "ar",
        meetingId,
        bodyId: otherBodyId,
      },
    );
    expect(bad.statusCode, bad.body).toBe(400);
    const details = bad.json().error.details as { field: string; reason: string; message: string }[];
    expect(details.map((d) => `${d.field}:${d.reason}`).sort()).toEqual([
      "meetingId:not_of_body",
      "originalLanguage:required",
      "symbol:invalid_symbol",
    ]);
    expect(details.find((d) => d.reason === "not_of_body")!.message).toMatch(/réunion/);
    const list = await call("GET", "/api/v1/documents", staff);
    expect(list.json().entries).toEqual([]);
  });

  it("registers a document by symbol, without the language suffix, and finds what cites it", async () => {
    const created = await call("POST", "/api/v1/documents", secretariat, {
      symbol: " C17/INF/4-E ",
      title: { zh: "出版物销售情况", en: "Publications sales" },
      originalLanguage: "zh",
      issuedOn: "2017-04-20",
      languages: ["zh"],
      meetingId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const document = created.json();
    expect(document).toMatchObject({
      symbol: "C17/INF/4",
      languages: ["zh", "en"],
      bodyId,
      bodyCode: "doc-tf",
      meetingNumber: 17,
      citedBy: { agendaItems: 1, figures: 1 },
      version: 1,
    });
    expect(document.citations.agendaItems[0]).toMatchObject({
      meetingId,
      meetingNumber: 17,
      documentSymbol: "C17/INF/4-E",
      title: { en: "Publications sales 2016" },
    });
    expect(document.citations.figures[0]).toMatchObject({
      metricCode: "doc.sales",
      periodStart: "2016-01-01",
      sourceSection: "S.4",
    });
    const again = await call("POST", "/api/v1/documents", secretariat, {
      symbol: "C17/INF/4-F",
      title: { fr: "Ventes" },
    });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error.details).toEqual([
      expect.objectContaining({ field: "symbol", reason: "duplicate" }),
    ]);
  });

  it("lists the register in symbol order, numbers as numbers, searchable by title and symbol", async () => {
    for (const symbol of ["C16/10", "C16/9", "C15/38(Rev.1)"]) {
      const created = await call("POST", "/api/v1/documents", secretariat, {
        symbol,
        title: { en: symbol === "C16/9" ? "Budget for 2016" : `Document ${symbol}` },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const all = await call("GET", "/api/v1/documents?limit=2", staff);
    expect(all.json().entries.map((d: { symbol: string }) => d.symbol)).toEqual(["C15/38(Rev.1)", "C16/9"]);
    const rest = await call("GET", `/api/v1/documents?limit=2&cursor=${all.json().nextCursor}`, staff);
    expect(rest.json().entries.map((d: { symbol: string }) => d.symbol)).toEqual(["C16/10", "C17/INF/4"]);
    expect(rest.json().nextCursor).toBeNull();

    const search = async (query: string) =>
      (await call("GET", `/api/v1/documents?${query}`, staff))
        .json()
        .entries.map((d: { symbol: string }) => d.symbol);
    expect(await search("q=budget")).toEqual(["C16/9"]);
    expect(await search("q=出版物")).toEqual(["C17/INF/4"]);
    expect(await search("q=INF")).toEqual(["C17/INF/4"]);
    expect(await search(`symbol=${encodeURIComponent("C17/INF/4-R")}`)).toEqual(["C17/INF/4"]);
    expect(await search(`meetingId=${meetingId}`)).toEqual(["C17/INF/4"]);
    expect(await search(`bodyId=${otherBodyId}`)).toEqual([]);
  });

  it("corrects a document with its version, refuses a stale one, and keeps the history", async () => {
    const [found] = (
      await call("GET", `/api/v1/documents?symbol=${encodeURIComponent("C16/9")}`, staff)
    ).json().entries;
    const corrected = await call("PATCH", `/api/v1/documents/${found.id}`, secretariat, {
      title: { en: "Budget of the Union for 2016–2017" },
      link: "https://www.itu.int/md/S16-CL-C-0009/en",
      version: found.version,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ version: 2, link: "https://www.itu.int/md/S16-CL-C-0009/en" });
    const stale = await call("PATCH", `/api/v1/documents/${found.id}`, secretariat, {
      title: { en: "Budget" },
      version: found.version,
    });
    expect(stale.statusCode).toBe(409);
    const badLink = await call("PATCH", `/api/v1/documents/${found.id}`, secretariat, {
      link: "ftp://example.org/doc",
      version: 2,
    });
    expect(badLink.statusCode).toBe(400);
    const history = await call("GET", `/api/v1/documents/${found.id}/history`, secretariat);
    expect(history.json().entries.map((e: { action: string }) => e.action)).toEqual(["update", "create"]);
  });

  it("imports a list all or nothing, updating registered symbols, and exports the register", async () => {
    const csv = (text: string, dryRun = false) =>
      env().app.inject({
        method: "POST",
        url: `/api/v1/documents/import?dryRun=${dryRun}`,
        headers: { ...secretariat.headers, "content-type": "text/csv" },
        payload: text,
      });
    const header = "symbol,title_en,title_fr,issued_on,languages,body,meeting,link\n";
    const refused = await csv(
      `${header}C16/9,Budget 2016,Budget 2016,2016-05-01,en;fr,,,\nC18/35,,,,,doc-tf,99,ftp://x\nC18/35,Again,,,,,,\n`,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      "3:title_en",
      "3:meeting",
      "3:link",
    ]);
    const good = `${header}C16/9,Budget 2016,Budget 2016,2016-05-01,en;fr,,,\nC18/35-E,Support services,,,,doc-tf,17,https://www.itu.int/md/S18-CL-C-0035/en\n`;
    const dry = await csv(good, true);
    expect(dry.json()).toEqual({ dryRun: true, rows: 2, created: 1, updated: 1 });
    expect((await call("GET", "/api/v1/documents?symbol=C18/35", staff)).json().entries).toEqual([]);
    expect((await csv(good)).json()).toEqual({ dryRun: false, rows: 2, created: 1, updated: 1 });
    const [budget] = (await call("GET", "/api/v1/documents?symbol=C16/9", staff)).json().entries;
    expect(budget).toMatchObject({ title: { en: "Budget 2016", fr: "Budget 2016" }, issuedOn: "2016-05-01" });
    const [support] = (await call("GET", "/api/v1/documents?symbol=C18/35", staff)).json().entries;
    expect(support).toMatchObject({ languages: ["en"], meetingNumber: 17, bodyCode: "doc-tf" });
    const exported = await call("GET", "/api/v1/documents/export.csv", staff);
    expect(exported.headers["content-type"]).toMatch(/text\/csv/);
    expect(exported.body).toContain("C18/35,");
    // A byte-order mark first, so that Excel reads the file as UTF-8.
    expect(exported.body.split(/\r?\n/)[0]).toBe(
      "\ufeff" +
        "symbol,title_ar,title_zh,title_en,title_fr,title_ru,title_es,original_language,issued_on,languages,body,meeting,link",
    );
  });

  it("lets only the secretariat write the register; removal needs the current version", async () => {
    const [found] = (await call("GET", "/api/v1/documents?q=C16/10", staff)).json().entries;
    expect(found.symbol).toBe("C16/10");
    const forbidden = await call("POST", "/api/v1/documents", staff, {
      symbol: "C18/35",
      title: { en: "x" },
    });
    expect(forbidden.statusCode).toBe(403);
    expect((await call("DELETE", `/api/v1/documents/${found.id}?version=1`, staff)).statusCode).toBe(403);
    expect((await call("DELETE", `/api/v1/documents/${found.id}?version=9`, secretariat)).statusCode).toBe(
      409,
    );
    expect((await call("DELETE", `/api/v1/documents/${found.id}?version=1`, secretariat)).statusCode).toBe(
      204,
    );
    expect((await call("GET", `/api/v1/documents/${found.id}`, staff)).statusCode).toBe(404);
    const history = await call("GET", `/api/v1/documents/${found.id}/history`, secretariat);
    expect(history.statusCode).toBe(404);
  });
});
