import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../db/client.ts";
import { CALENDAR_TOKEN_PREFIX, sameSecret, viewerByAccessToken, viewerBySession } from "./auth.ts";
import type { Clock } from "./clock.ts";
import { type Ctx, createCtx, type ViewerIdentity } from "./context.ts";
import { fail } from "./errors.ts";
import { requestLanguage } from "./http.ts";

export const SESSION_COOKIE = "intersect_session";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    ctx: Ctx;
    /** Set when the request came with a session cookie (not a bearer token): writes then need the CSRF token. */
    sessionToken: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (sign-in itself, public pages' data). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves who is calling (session cookie or bearer token) and builds the request's Ctx.
 * Non-public routes refuse anonymous callers; cookie-authenticated writes must echo the CSRF token.
 */
export function installRequestContext(
  app: FastifyInstance,
  database: Database,
  clock: Clock,
  signedCookies: boolean,
) {
  app.decorateRequest("ctx", null as unknown as Ctx);
  app.decorateRequest("sessionToken", null);
  app.decorateRequest("csrfToken", null);
  app.addHook("onRequest", async (request: FastifyRequest, _reply: FastifyReply) => {
    // The web app's files and the API documentation are public; everything else under /api resolves a viewer.
    if (request.url.startsWith("/public/")) {
      // Public pages read as an anonymous visitor: only what is `public` is ever rendered.
      request.ctx = createCtx(database, { clock, lang: requestLanguage(request, null) });
      return;
    }
    if (!request.url.startsWith("/api/") || request.url.startsWith("/api/docs")) return;
    let viewer: ViewerIdentity | null = null;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith("Bearer ")) {
      viewer = await viewerByAccessToken(database.db, authorization.slice(7).trim(), clock.now());
      if (!viewer) {
        request.ctx = createCtx(database, { clock, lang: requestLanguage(request, null) });
        fail("unauthenticated");
      }
    } else if (request.method === "GET" && /\.ics(\?|$)/.test(request.url)) {
      // Calendar clients cannot send headers: a calendar token in the URL opens the .ics feeds only.
      const token = new URL(request.url, "http://calendar").searchParams.get("token");
      if (token) viewer = await viewerByAccessToken(database.db, token, clock.now(), CALENDAR_TOKEN_PREFIX);
      const session = readSessionCookie(request, signedCookies);
      if (!viewer && session)
        viewer = (await viewerBySession(database.db, session, clock.now()))?.viewer ?? null;
    } else {
      const token = readSessionCookie(request, signedCookies);
      if (token) {
        const open = await viewerBySession(database.db, token, clock.now());
        if (open) {
          viewer = open.viewer;
          request.sessionToken = token;
          request.csrfToken = open.csrfToken;
        }
      }
    }
    request.ctx = createCtx(database, {
      viewer,
      clock,
      lang: requestLanguage(request, viewer?.preferredLanguage ?? null),
    });
    if (!viewer && !request.routeOptions.config?.public) fail("unauthenticated");
    if (request.sessionToken && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !request.csrfToken || !sameSecret(sent, request.csrfToken)) {
        fail("forbidden", [{ field: CSRF_HEADER, reason: "csrf" }]);
      }
    }
  });
}

function readSessionCookie(request: FastifyRequest, signed: boolean): string | null {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return null;
  if (!signed) return raw;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}
