import { beforeAll, expect, it } from "vitest";
import { systemCtx } from "#server/core/context.ts";
import { loadDemo } from "#server/demo/demo.ts";
import { describeOnEachDatabase } from "#test/app.ts";

describeOnEachDatabase("public thematic pages", (env) => {
  beforeAll(async () => {
    await loadDemo(systemCtx(env().database));
  });

  it("lists the active areas without an account, in the language of the URL, cacheable", async () => {
    const response = await env().app.inject({ url: "/public/zh/areas" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["cache-control"]).toBe("public, max-age=300");
    expect(response.body).toContain('<html lang="zh" dir="ltr">');
    expect(response.body).toContain("共同关心的领域");
    expect(response.body).toContain('<a href="/public/zh/areas/climate-change">气候变化</a>');
    expect((response.body.match(/<a href="\/public\/zh\/areas\/[a-z-]+">/g) ?? []).length).toBe(9);
  });

  it("shows an area in Arabic, right to left, with its mandates and focal points", async () => {
    const response = await env().app.inject({ url: "/public/ar/areas/gender" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<html lang="ar" dir="rtl">');
    expect(response.body).toContain("<h1>المساواة بين الجنسين</h1>");
    expect(response.body).toContain("Resolution 70 (Rev. Busan, 2014)");
    // The mandate's title exists only in English: shown, marked with its language, never blank.
    expect(response.body).toMatch(
      /<span lang="en" dir="ltr">Mainstreaming a gender perspective[^<]*<\/span> <small class="original">/,
    );
    expect(response.body).toContain("Hélène Dubois");
    expect(response.body).toContain("أحدث الأنشطة");
    expect(response.body).toContain("<h3>الأمانة العامة</h3>");
    // Activities written in another language appear in it, marked (Chinese, French… among the latest).
    expect(response.body).toMatch(/<span lang="(zh|en|fr|es|ru)" dir="ltr">/);
    expect(response.body).toContain("غايات أهداف التنمية المستدامة");
    expect(response.body).toMatch(/<strong>5\.b<\/strong> — [^<]*تكنولوجيا/);
    expect(response.body).toContain('hreflang="fr" href="/public/fr/areas/gender"');
  });

  it("explains the listing of an area that rests on no conference resolution", async () => {
    const response = await env().app.inject({ url: "/public/en/areas/communications" });
    expect(response.body).toContain("This area rests on no conference resolution");
  });

  it("answers 404 for an unknown area and never shows a non-public one", async () => {
    expect((await env().app.inject({ url: "/public/fr/areas/no-such-area" })).statusCode).toBe(404);
    const admin = await env().make.user("administrator");
    const current = (await env().app.inject({ url: "/api/v1/areas/gender", headers: admin.headers })).json();
    await env().app.inject({
      method: "PATCH",
      url: "/api/v1/areas/gender",
      headers: admin.headers,
      payload: { version: current.version, visibility: "internal", reason: "Draft under review" },
    });
    const hidden = await env().app.inject({ url: "/public/en/areas/gender" });
    expect(hidden.statusCode).toBe(404);
    expect((await env().app.inject({ url: "/public/en/areas" })).body).not.toContain(
      "/public/en/areas/gender",
    );
  });
});
