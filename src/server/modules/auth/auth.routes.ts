import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  AccessToken,
  CreatedAccessToken,
  CreateTokenInput,
  SetLanguageInput,
  SignInInput,
  Viewer,
} from "#shared/auth.ts";
import type { Language } from "#shared/languages.ts";
import type { Config } from "../../config.ts";
import { loadViewer } from "../../core/auth.ts";
import { createCtx } from "../../core/context.ts";
import { CSRF_HEADER, SESSION_COOKIE } from "../../core/request-context.ts";
import { router } from "../../core/routes.ts";
import { getPerson } from "../people/people.service.ts";
import {
  createAccessToken,
  listOwnAccessTokens,
  requireViewer,
  revokeAccessToken,
  setOwnLanguage,
  signIn,
  signOut,
} from "./auth.service.ts";

const tags = ["sign-in"];

export function authRoutes(app: FastifyInstance, config: Config) {
  const r = router(app);
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.behindTls,
    signed: Boolean(config.sessionSecret),
  };

  const viewerOf = async (ctx: Parameters<typeof getPerson>[0], csrfToken: string | null) => {
    const me = await getPerson(ctx, requireViewer(ctx).personId);
    return {
      personId: me.id,
      name: me.name,
      email: me.email,
      preferredLanguage: me.preferredLanguage as Language,
      roles: me.roles.map((role) => ({ role: role.role, unitId: role.unitId, unitCode: role.unitCode })),
      ...(csrfToken ? { csrfToken } : {}),
    };
  };

  r.post(
    "/api/v1/auth/sign-in",
    {
      config: {
        public: true,
        rateLimit: { max: config.loginRateLimit, timeWindow: "1 minute" },
      },
      schema: {
        tags,
        summary: "Sign in with e-mail and password; sets the session cookie",
        body: SignInInput,
        response: { 200: Viewer },
      },
    },
    async (req, reply) => {
      const opened = await signIn(req.ctx, req.body.email, req.body.password, config.sessionTtlHours);
      reply.setCookie(SESSION_COOKIE, opened.token, {
        ...cookieOptions,
        expires: new Date(opened.expiresAt),
      });
      const viewer = await loadViewer(req.ctx.db, opened.personId);
      const ctx = createCtx(req.ctx.database, { viewer, clock: req.ctx.clock, lang: req.ctx.lang });
      return reply.send(await viewerOf(ctx, opened.csrfToken));
    },
  );
  r.post(
    "/api/v1/auth/sign-out",
    { config: { public: true }, schema: { tags, summary: "End this session", response: { 204: z.null() } } },
    async (req, reply) => {
      if (req.sessionToken) await signOut(req.ctx, req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );
  r.get(
    "/api/v1/auth/me",
    {
      schema: {
        tags,
        summary: `Who is signed in; a session also gets the token to send as ${CSRF_HEADER} on writes`,
        response: { 200: Viewer },
      },
    },
    (req) => viewerOf(req.ctx, req.csrfToken),
  );
  r.put(
    "/api/v1/auth/me/language",
    {
      schema: {
        tags,
        summary: "Set one's own interface language",
        body: SetLanguageInput,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await setOwnLanguage(req.ctx, req.body.preferredLanguage);
      return reply.status(204).send(null);
    },
  );
  r.get(
    "/api/v1/access-tokens",
    {
      schema: {
        tags,
        summary: "One's own personal access tokens",
        response: { 200: z.object({ entries: z.array(AccessToken) }) },
      },
    },
    async (req) => ({ entries: await listOwnAccessTokens(req.ctx) }),
  );
  r.post(
    "/api/v1/access-tokens",
    {
      schema: {
        tags,
        summary: "Create a personal access token (shown once); scope calendar for .ics feed URLs",
        body: CreateTokenInput,
        response: { 201: CreatedAccessToken },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createAccessToken(req.ctx, req.body.name, undefined, req.body.scope)),
  );
  r.post(
    "/api/v1/access-tokens/:id/revoke",
    {
      schema: {
        tags,
        summary: "Revoke one of one's tokens",
        params: z.object({ id: z.uuid() }),
        response: { 200: AccessToken },
      },
    },
    (req) => revokeAccessToken(req.ctx, req.params.id),
  );
}
