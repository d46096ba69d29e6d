import { type SQL, sql } from "drizzle-orm";
import type { Role, Visibility } from "#shared/access.ts";
import type { Executor } from "../db/client.ts";
import { fail } from "./errors.ts";

/** Everything a role may change; reading is governed by visibility instead (see readableScope). */
export const ACTIONS = [
  "unit.manage",
  "person.manage",
  "role.grant",
  "audit.read",
  "mandate.manage",
  "area.manage",
  "activity.edit",
  "overlap.scan",
  "overlap.decide",
  "body.manage",
  "issue.resolve",
  "metric.manage",
  "figure.enter",
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The permission matrix: the one place that says which role may do what. A role held over a
 * unit reaches that unit and every unit below it; a role with no unit reaches the whole organization.
 */
export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  administrator: [
    "unit.manage",
    "person.manage",
    "role.grant",
    "audit.read",
    "mandate.manage",
    "area.manage",
    "activity.edit",
    "overlap.scan",
    "overlap.decide",
    "body.manage",
    "issue.resolve",
    "metric.manage",
    "figure.enter",
  ],
  // The secretariat (SPM) keeps the register of mandates and the list of areas, runs overlap scans,
  // and manages the coordination bodies, their meetings and the issues that reach them.
  secretariat: [
    "mandate.manage",
    "area.manage",
    "activity.edit",
    "overlap.scan",
    "overlap.decide",
    "body.manage",
    "issue.resolve",
    "metric.manage",
    "figure.enter",
  ],
  // Chairs settle and move up the coordination issues that reach their body.
  chair: ["issue.resolve"],
  // Staff edit their unit's activities, focal points too (and tag any unit's activity with their
  // areas); focal points confirm or dismiss duplicated effort involving their units.
  // Staff of the service that owns a metric enter its figures (the catalogue itself is the
  // secretariat's).
  focal_point: ["activity.edit", "overlap.decide", "figure.enter"],
  staff: ["activity.edit", "figure.enter"],
  observer: ["audit.read"],
  reader: [],
};

export interface RoleGrant {
  role: Role;
  unitId: string | null;
}

export interface ReadableScope {
  visibilities: Visibility[];
  /** Units whose restricted records the viewer may read: all of them, or these (with sub-units). */
  restrictedUnits: "all" | string[];
}

export interface Access {
  readonly grants: readonly RoleGrant[];
  /** Throws `forbidden` unless one of the viewer's roles allows the action over this unit. */
  authorize(action: Action, unitId: string | null): Promise<void>;
  can(action: Action, unitId: string | null): Promise<boolean>;
  /** Whether one record of this visibility, owned by these units, may be read. */
  canRead(visibility: Visibility, unitIds: readonly string[]): Promise<boolean>;
  readableScope(): Promise<ReadableScope>;
  /** For what only the organization's own people read (any role but reader): the scope, else 401/403. */
  requireStaff(): Promise<ReadableScope>;
  signedIn: boolean;
}

async function ancestorsOrSelf(db: Executor, unitId: string): Promise<Set<string>> {
  const rows = (await db.execute(sql`
    with recursive up(id, parent_id) as (
      select id, parent_id from unit where id = ${unitId}
      union
      select u.id, u.parent_id from unit u join up on u.id = up.parent_id
    ) select id from up`)) as unknown as { rows: { id: string }[] };
  return new Set(rows.rows.map((r) => r.id));
}

export async function descendantsOrSelf(db: Executor, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = (await db.execute(sql`
    with recursive down(id) as (
      select id from unit where id in ${unitIds}
      union
      select u.id from unit u join down on u.parent_id = down.id
    ) select id from down`)) as unknown as { rows: { id: string }[] };
  return rows.rows.map((r) => r.id);
}

/** The same set as a subquery, for a list that filters by a unit's code in one round trip. */
export function descendantsOrSelfByCode(code: string): SQL {
  return sql`(with recursive down(id) as (
      select id from unit where code = ${code}
      union
      select u.id from unit u join down on u.parent_id = down.id
    ) select id from down)`;
}

const ANY_ROLE_VISIBILITIES: Visibility[] = ["public", "members"];
const STAFF_VISIBILITIES: Visibility[] = ["public", "members", "internal"];

export function createAccess(db: Executor, grants: readonly RoleGrant[] | null): Access {
  const ancestorCache = new Map<string, Set<string>>();
  let scopeCache: ReadableScope | null = null;

  const covers = async (grantUnit: string | null, target: string | null): Promise<boolean> => {
    if (grantUnit === null) return true;
    if (target === null) return false;
    let ancestors = ancestorCache.get(target);
    if (!ancestors) {
      ancestors = await ancestorsOrSelf(db, target);
      ancestorCache.set(target, ancestors);
    }
    return ancestors.has(grantUnit);
  };

  const can = async (action: Action, unitId: string | null) => {
    for (const grant of grants ?? []) {
      if (ROLE_ACTIONS[grant.role].includes(action) && (await covers(grant.unitId, unitId))) return true;
    }
    return false;
  };

  const staffGrants = (grants ?? []).filter((g) => g.role !== "reader");

  const readableScope = async (): Promise<ReadableScope> => {
    if (scopeCache) return scopeCache;
    if (grants === null) scopeCache = { visibilities: ["public"], restrictedUnits: [] };
    else if (staffGrants.length === 0)
      scopeCache = {
        visibilities: grants.length > 0 ? ANY_ROLE_VISIBILITIES : ["public"],
        restrictedUnits: [],
      };
    else if (staffGrants.some((g) => g.unitId === null))
      scopeCache = { visibilities: [...STAFF_VISIBILITIES, "restricted"], restrictedUnits: "all" };
    else
      scopeCache = {
        visibilities: [...STAFF_VISIBILITIES, "restricted"],
        restrictedUnits: await descendantsOrSelf(
          db,
          staffGrants.map((g) => g.unitId as string),
        ),
      };
    return scopeCache;
  };

  return {
    grants: grants ?? [],
    signedIn: grants !== null,
    can,
    async authorize(action, unitId) {
      if (grants === null) fail("unauthenticated");
      if (!(await can(action, unitId))) fail("forbidden", { action });
    },
    async canRead(visibility, unitIds) {
      const scope = await readableScope();
      if (!scope.visibilities.includes(visibility)) return false;
      if (visibility !== "restricted") return true;
      if (scope.restrictedUnits === "all") return true;
      const units = new Set(scope.restrictedUnits);
      return unitIds.some((id) => units.has(id));
    },
    readableScope,
    async requireStaff() {
      if (grants === null) return fail("unauthenticated");
      const scope = await readableScope();
      if (!scope.visibilities.includes("internal")) fail("forbidden");
      return scope;
    },
  };
}
