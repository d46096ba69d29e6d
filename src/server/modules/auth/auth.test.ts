import { expect, it } from "vitest";
import { describeOnEachDatabase } from "#test/app.ts";

function sessionCookie(response: { cookies: { name: string; value: string }[] }) {
  const cookie = response.cookies.find((c) => c.name === "intersect_session");
  return cookie ? `intersect_session=${cookie.value}` : "";
}

describeOnEachDatabase("sign-in and tokens", (env) => {
  it("signs in with a password, then writes need the CSRF token", async () => {
    const user = await env().make.user("administrator");
    const signIn = await env().app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: user.email, password: user.password },
    });
    expect(signIn.statusCode).toBe(200);
    const setCookie = String(signIn.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = sessionCookie(signIn);
    const { csrfToken } = signIn.json();
    const payload = { code: "CSRF1", kind: "department", name: { en: "CSRF test" }, validFrom: "2020-01-01" };
    const without = await env().app.inject({
      method: "POST",
      url: "/api/v1/units",
      headers: { cookie },
      payload,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.details[0].field).toBe("x-csrf-token");
    const withToken = await env().app.inject({
      method: "POST",
      url: "/api/v1/units",
      headers: { cookie, "x-csrf-token": csrfToken },
      payload,
    });
    expect(withToken.statusCode).toBe(201);
    const signOut = await env().app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-out",
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(signOut.statusCode).toBe(204);
    expect((await env().app.inject({ url: "/api/v1/auth/me", headers: { cookie } })).statusCode).toBe(401);
  });

  it("gives the same answer for an unknown e-mail and a wrong password, in the caller's language", async () => {
    const user = await env().make.user("staff");
    const wrong = await env().app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      headers: { "accept-language": "ru" },
      payload: { email: user.email, password: "not the password" },
    });
    const unknown = await env().app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      headers: { "accept-language": "ru" },
      payload: { email: "nobody@example.org", password: "not the password" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe("Необходимо войти в систему.");
  });

  it("an API client uses a personal access token until it is revoked", async () => {
    const user = await env().make.user("staff");
    const created = await env().app.inject({
      method: "POST",
      url: "/api/v1/access-tokens",
      headers: user.headers,
      payload: { name: "script" },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^isx_/);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await env().app.inject({ url: "/api/v1/units", headers: bearer })).statusCode).toBe(200);
    await env().app.inject({ method: "POST", url: `/api/v1/access-tokens/${id}/revoke`, headers: bearer });
    const after = await env().app.inject({ url: "/api/v1/units", headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("unauthenticated");
  });

  it("limits sign-in attempts", async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) {
      last = (
        await env().app.inject({
          method: "POST",
          url: "/api/v1/auth/sign-in",
          payload: { email: "brute@example.org", password: "guess" },
        })
      ).statusCode;
    }
    expect(last).toBe(429);
  });

  it("answers health and serves the OpenAPI description with every route", async () => {
    const health = await env().app.inject({ url: "/api/health" });
    expect(health.json()).toMatchObject({ status: "ok", database: env().kind });
    const openapi = (await env().app.inject({ url: "/api/openapi.json" })).json();
    expect(openapi.openapi).toBe("3.1.0");
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(["/api/v1/units", "/api/v1/people", "/api/v1/audit"]),
    );
  });

  it("sends security headers", async () => {
    const response = await env().app.inject({ url: "/api/health" });
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["referrer-policy"]).toBe("same-origin");
  });
});

describeOnEachDatabase(
  "signed session cookies",
  (env) => {
    it("with SESSION_SECRET set, the cookie is signed and a tampered one is refused", async () => {
      const user = await env().make.user("staff");
      const signIn = await env().app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        payload: { email: user.email, password: user.password },
      });
      const value = signIn.cookies.find((c) => c.name === "intersect_session")!.value;
      expect(value).toContain(".");
      expect(
        (
          await env().app.inject({
            url: "/api/v1/auth/me",
            headers: { cookie: `intersect_session=${value}` },
          })
        ).statusCode,
      ).toBe(200);
      const unsigned = value.slice(0, value.lastIndexOf("."));
      const tampered = await env().app.inject({
        url: "/api/v1/auth/me",
        headers: { cookie: `intersect_session=${unsigned}.forged` },
      });
      expect(tampered.statusCode).toBe(401);
    });
  },
  { env: { SESSION_SECRET: "x".repeat(40) } },
);
