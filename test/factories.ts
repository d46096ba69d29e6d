import { randomBytes } from "node:crypto";
import { systemCtx } from "#server/core/context.ts";
import type { Database } from "#server/db/client.ts";
import { createAccessToken } from "#server/modules/auth/auth.service.ts";
import { createPerson, grantRole, setPassword } from "#server/modules/people/people.service.ts";
import { createUnit } from "#server/modules/units/units.service.ts";
import type { Role } from "#shared/access.ts";
import type { CreatePersonInput, CreateUnitInput } from "#shared/organization.ts";

let counter = 0;
const uniq = () => `${++counter}${randomBytes(2).toString("hex").toUpperCase()}`;

/** Builds records through the services, each with whatever parents it needs. */
export function factories(database: Database) {
  const ctx = systemCtx(database);
  const make = {
    async unit(overrides: Partial<CreateUnitInput> = {}) {
      const code = overrides.code ?? `U${uniq()}`;
      return createUnit(ctx, {
        code,
        kind: "department",
        parentCode: null,
        name: { en: `Unit ${code}` },
        originalLanguage: "en",
        validFrom: "2000-01-01",
        validTo: null,
        visibility: "public",
        ...overrides,
      });
    },
    async person(overrides: Partial<CreatePersonInput> = {}) {
      return createPerson(ctx, {
        name: `Person ${uniq()}`,
        email: null,
        preferredLanguage: "en",
        visibility: "internal",
        posts: [],
        ...overrides,
      });
    },
    /** A person holding `role` over `unitCode` (or the organization), with a password and an API token. */
    async user(
      role: Role | null,
      unitCode: string | null = null,
      overrides: Partial<CreatePersonInput> = {},
    ) {
      const email = `user${uniq().toLowerCase()}@example.org`;
      const person = await make.person({ email, ...overrides });
      if (role) await grantRole(ctx, person.id, { role, unitCode });
      const password = "correct horse battery";
      await setPassword(ctx, person.id, password);
      const ownCtx = {
        ...ctx,
        viewer: { personId: person.id, name: person.name, preferredLanguage: "en" as const, grants: [] },
      };
      const token = await createAccessToken(ownCtx, "tests", person.id);
      return {
        person,
        email,
        password,
        token: token.token,
        headers: { authorization: `Bearer ${token.token}` },
      };
    },
  };
  return make;
}
