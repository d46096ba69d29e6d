import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Config } from "./config.ts";
import { type Clock, systemClock } from "./core/clock.ts";
import { errorBody, installErrorHandling, requestLanguage } from "./core/http.ts";
import { installRequestContext } from "./core/request-context.ts";
import type { Database } from "./db/client.ts";
import { SPREADSHEET_TYPES } from "./core/spreadsheet.ts";
import { figuresRoutes } from "./modules/figures/figures.routes.ts";
import { documentsRoutes } from "./modules/documents/documents.routes.ts";
import { reportsRoutes } from "./modules/reports/reports.routes.ts";
import { activitiesRoutes } from "./modules/activities/activities.routes.ts";
import { areasRoutes } from "./modules/areas/areas.routes.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { authRoutes } from "./modules/auth/auth.routes.ts";
import { healthRoutes } from "./modules/health/health.routes.ts";
import { mandatesRoutes } from "./modules/mandates/mandates.routes.ts";
import { peopleRoutes } from "./modules/people/people.routes.ts";
import { publicRoutes } from "./modules/public/public.routes.ts";
import { bodiesRoutes } from "./modules/bodies/bodies.routes.ts";
import { decisionsRoutes } from "./modules/decisions/decisions.routes.ts";
import { issuesRoutes } from "./modules/issues/issues.routes.ts";
import { jobsRoutes } from "./modules/jobs/jobs.routes.ts";
import { notificationsRoutes } from "./modules/notifications/notifications.routes.ts";
import { overlapsRoutes } from "./modules/overlaps/overlaps.routes.ts";
import { sdgRoutes } from "./modules/sdg/sdg.routes.ts";
import { unitsRoutes } from "./modules/units/units.routes.ts";

const WEB_ROOT = fileURLToPath(new URL("../../dist/web", import.meta.url));
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

export interface AppOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: boolean;
}

/** Builds the whole application without listening: main, tests and benchmarks share it. */
export async function buildApp({
  config,
  database,
  clock = systemClock,
  logger = false,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes style attributes; no inline scripts are allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.behindTls ? [] : null,
      },
    },
    hsts: config.behindTls ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
    frameguard: { action: "deny" },
  });
  await app.register(cookie, config.sessionSecret ? { secret: config.sessionSecret } : {});
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (request) => ({
      ...errorBody("rate_limited", requestLanguage(request, null)),
      statusCode: 429,
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Intersect API",
        version: PACKAGE_VERSION,
        description:
          "Coordination and reporting across Sectors. Authenticate with a session cookie (web) or `Authorization: Bearer isx_…` (personal access token). Errors: `{error:{code,message,details}}`.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          session: { type: "apiKey", in: "cookie", name: "intersect_session" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, () => app.swagger());

  installErrorHandling(app);
  // Import files (activities, figures) arrive as the raw body, read as bytes.
  app.addContentTypeParser(
    ["text/csv", SPREADSHEET_TYPES.xlsx, "application/octet-stream"],
    { parseAs: "buffer" },
    (_req, body, done) => done(null, body),
  );
  installRequestContext(app, database, clock, Boolean(config.sessionSecret));

  healthRoutes(app, database, PACKAGE_VERSION);
  authRoutes(app, config);
  unitsRoutes(app);
  peopleRoutes(app);
  auditRoutes(app);
  mandatesRoutes(app);
  areasRoutes(app);
  activitiesRoutes(app);
  publicRoutes(app);
  sdgRoutes(app);
  overlapsRoutes(app);
  bodiesRoutes(app);
  decisionsRoutes(app);
  issuesRoutes(app);
  figuresRoutes(app);
  documentsRoutes(app);
  reportsRoutes(app);
  jobsRoutes(app);
  notificationsRoutes(app);

  const hasWeb = existsSync(WEB_ROOT);
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_ROOT, wildcard: false, index: ["index.html"] });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || request.method !== "GET" || !hasWeb) {
      return reply.status(404).send(errorBody("not_found", requestLanguage(request, null)));
    }
    // Client-side routes (/units/BR, /people/…) are the web app's: serve its shell.
    return reply.type("text/html").sendFile("index.html");
  });
  return app;
}
