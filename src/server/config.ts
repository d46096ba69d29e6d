import { z } from "zod";

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  INTERSECT_DATA_DIR: z.string().default("./data"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  BASE_URL: z.url().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: "postgresql"; url: string } | { kind: "pglite"; dataDir: string };
  baseUrl: string | undefined;
  /** When set, the session cookie is also signed (HMAC), so a forged cookie is refused before any lookup. */
  sessionSecret: string | undefined;
  /** True when the public address is HTTPS: cookies become Secure and HSTS is sent. */
  behindTls: boolean;
  sessionTtlHours: number;
  loginRateLimit: number;
  logLevel: string;
  smtp: { url: string; from: string } | null;
}

/** The environment, parsed once; nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means unset, as shells and .env files intend it.
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = ConfigSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: "postgresql", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: e.INTERSECT_DATA_DIR },
    baseUrl: e.BASE_URL,
    sessionSecret: e.SESSION_SECRET,
    behindTls: e.BASE_URL?.startsWith("https://") ?? false,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    logLevel: e.LOG_LEVEL,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM ?? "intersect@localhost" } : null,
  };
}
