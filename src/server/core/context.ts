import { DEFAULT_LANGUAGE, type Language } from "#shared/languages.ts";
import type { Database, Executor } from "../db/client.ts";
import { type Access, createAccess, type RoleGrant } from "./access.ts";
import { type Audit, createAudit } from "./audit.ts";
import { type Clock, systemClock } from "./clock.ts";

export interface ViewerIdentity {
  personId: string;
  name: string;
  preferredLanguage: Language;
  grants: RoleGrant[];
}

/**
 * What every service receives: who is asking, in which language, the clock, and the database
 * handle to use — the root database, or the open transaction when called inside one.
 */
export interface Ctx {
  database: Database;
  db: Executor;
  viewer: ViewerIdentity | null;
  lang: Language;
  clock: Clock;
  access: Access;
  audit: Audit;
  inTransaction: boolean;
  transaction<T>(work: (tx: Ctx) => Promise<T>): Promise<T>;
}

export interface CtxOptions {
  viewer?: ViewerIdentity | null;
  lang?: Language;
  clock?: Clock;
}

function build(database: Database, db: Executor, options: CtxOptions, inTransaction: boolean): Ctx {
  const viewer = options.viewer ?? null;
  const clock = options.clock ?? systemClock;
  const ctx: Ctx = {
    database,
    db,
    viewer,
    lang: options.lang ?? DEFAULT_LANGUAGE,
    clock,
    access: createAccess(db, viewer ? viewer.grants : null),
    audit: createAudit(db, viewer?.personId ?? null, () => clock.now()),
    inTransaction,
    transaction: (work) =>
      inTransaction ? work(ctx) : database.db.transaction((tx) => work(build(database, tx, options, true))),
  };
  return ctx;
}

export function createCtx(database: Database, options: CtxOptions = {}): Ctx {
  return build(database, database.db, options, false);
}

/** The context of the platform itself (CLI, demo loader, timers): every permission, actor recorded as none. */
export function systemCtx(database: Database, options: Omit<CtxOptions, "viewer"> = {}): Ctx {
  return createCtx(database, {
    ...options,
    viewer: {
      personId: SYSTEM_ACTOR,
      name: "system",
      preferredLanguage: DEFAULT_LANGUAGE,
      grants: [{ role: "administrator", unitId: null }],
    },
  });
}

/** Audit rows written by the platform itself (CLI, demo data) carry no person. */
export const SYSTEM_ACTOR = "00000000-0000-0000-0000-000000000000";
