import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { ACTIVITY_COLUMNS } from "#shared/activities.ts";
import type { Ctx } from "../core/context.ts";
import { fail } from "../core/errors.ts";
import { personByEmail } from "../modules/people/people.repo.ts";
import { createActivity } from "../modules/activities/activities.service.ts";
import { importActivities } from "../modules/activities/activities.transfer.ts";
import { addFocalPoint, createArea } from "../modules/areas/areas.service.ts";
import { createMandate } from "../modules/mandates/mandates.service.ts";
import { createPerson, findPersonByEmail, grantRole, setPassword } from "../modules/people/people.service.ts";
import { runOverlapScan } from "../modules/overlaps/overlaps.service.ts";
import { createUnit } from "../modules/units/units.service.ts";
import { addMember, createBody, createMeeting, recordAttendance } from "../modules/bodies/bodies.service.ts";
import { DEMO_ACTIVITIES } from "./activities.ts";
import { defineLadder } from "../modules/issues/issues.service.ts";
import { DEMO_BODIES, DEMO_LADDER, DEMO_TASK_FORCE_MEETINGS } from "./bodies.ts";
import { generateImportRows } from "./generated-activities.ts";
import { createFigure, createMetric } from "../modules/figures/figures.service.ts";
import { DEMO_FIGURES, DEMO_METRICS, demoFigureInput } from "./figures.ts";
import { registerDocument } from "../modules/documents/documents.service.ts";
import { DEMO_DOCUMENTS } from "./documents.ts";

/** Enough generated activities across units and languages for the pages to feel real. */
const GENERATED_ACTIVITIES = 300;
import { DEMO_AREAS, DEMO_MANDATES } from "./areas.ts";
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_UNITS, titleOf } from "./organization.ts";

export async function isEmpty(ctx: Ctx): Promise<boolean> {
  const rows = await ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from unit`);
  return rows[0]!.n === 0;
}

/**
 * Loads the demo organization and every module's demo records, in one transaction, into an
 * empty database. Refuses a database that already holds units, so nothing real is mixed with it.
 */
export async function loadDemo(ctx: Ctx, progress: (step: string) => void = () => {}) {
  if (!(await isEmpty(ctx))) fail("rule_violation", { reason: "database_not_empty" });
  await ctx.transaction(async (tx) => {
    progress(`units (${DEMO_UNITS.length})`);
    await loadDemoUnits(tx);
    progress(`people (${DEMO_PEOPLE.length})`);
    // The first official of each unit is the contact of its demo activities (overlap notifications reach them).
    const contactOf = new Map<string, string>();
    for (const demo of DEMO_PEOPLE) {
      const unit = DEMO_UNITS.find((u) => u.code === demo.unit)!;
      const person = await createPerson(tx, {
        name: demo.name,
        email: demo.email,
        preferredLanguage: "en",
        visibility: "internal",
        posts: [
          {
            unitCode: demo.unit,
            title: titleOf(demo),
            validFrom: unit.validFrom < "2015-01-01" ? "2015-01-01" : unit.validFrom,
            validTo: null,
          },
        ],
      });
      for (const role of demo.roles) await grantRole(tx, person.id, { role: role.role, unitCode: role.unit });
      await setPassword(tx, person.id, DEMO_PASSWORD);
      if (!contactOf.has(demo.unit)) contactOf.set(demo.unit, person.id);
    }
    progress(`mandates (${DEMO_MANDATES.length}) and areas of common interest (${DEMO_AREAS.length})`);
    const mandateIds = new Map<string, string>();
    for (const { key, ...mandate } of DEMO_MANDATES) {
      const created = await createMandate(tx, {
        ...mandate,
        originalLanguage: "en",
        link: null,
        instructs: [],
        visibility: "public",
      });
      mandateIds.set(key, created.id);
    }
    for (const demo of DEMO_AREAS) {
      await createArea(tx, {
        slug: demo.slug,
        name: demo.name,
        description: null,
        originalLanguage: "en",
        status: "active",
        leadUnitCode: demo.lead,
        participatingUnitCodes: demo.participants,
        mandateIds: demo.mandates.map((key) => mandateIds.get(key)!),
        sdgTargets: demo.sdgTargets,
        justification: demo.justification,
        visibility: "public",
        reason: "Thematic area of the Inter-Sectoral Coordination Task Force (seed 000, §2.3)",
      });
      const focal = await findPersonByEmail(tx, demo.focalPoint);
      await addFocalPoint(tx, demo.slug, {
        personId: focal.id,
        unitCode: demo.lead,
        validFrom: "2016-01-01",
        validTo: null,
        reason: "Focal point named by the task force",
      });
    }
    progress(`activities (${DEMO_ACTIVITIES.length})`);
    for (const activity of DEMO_ACTIVITIES) {
      await createActivity(tx, {
        ...activity,
        description: activity.description ?? null,
        contactIds: contactOf.has(activity.unitCode) ? [contactOf.get(activity.unitCode)!] : [],
        links: [],
        visibility: "public",
      });
    }
    progress(`generated activities (${GENERATED_ACTIVITIES})`);
    await importActivities(
      tx,
      { rows: generateImportRows(GENERATED_ACTIVITIES), problems: [] },
      { dryRun: false },
    );
    progress(
      `coordination bodies (${DEMO_BODIES.length}) and the task force's meetings (${DEMO_TASK_FORCE_MEETINGS.length})`,
    );
    for (const demo of DEMO_BODIES) {
      const created = await createBody(tx, {
        code: demo.code,
        name: demo.name,
        originalLanguage: "en",
        level: demo.level,
        chairPersonId: demo.chair ? (await findPersonByEmail(tx, demo.chair)).id : null,
        termsOfReference: demo.termsOfReference,
        instrumentId: demo.instrument ? mandateIds.get(demo.instrument)! : null,
        categories: demo.categories,
        visibility: "internal",
      });
      for (const member of demo.members) {
        await addMember(tx, created.id, {
          personId: (await findPersonByEmail(tx, member.email)).id,
          category: member.category,
          validFrom: "2015-03-01",
          validTo: null,
        });
      }
      if (demo.code !== "isc-tf") continue;
      for (const [n, planned] of DEMO_TASK_FORCE_MEETINGS.entries()) {
        const meeting = await createMeeting(tx, {
          bodyId: created.id,
          startsAt: planned.startsAt,
          endsAt: new Date(Date.parse(planned.startsAt) + 2 * 3600_000).toISOString(),
          timeZone: "Europe/Zurich",
          mode: planned.mode,
          place: "Geneva, ITU headquarters",
          status: "held",
          guests: [],
        });
        // Illustrative attendance: regional directors join hybrid meetings remotely; one seat in
        // seven sends apologies, in turn.
        await recordAttendance(tx, meeting.id, {
          version: meeting.version,
          entries: meeting.participants.map((p, k) => ({
            personId: p.personId,
            attendance:
              (n + k) % 7 === 0
                ? "apologies"
                : p.category === "c" && planned.mode === "hybrid"
                  ? "remote"
                  : "in_person",
          })),
        });
      }
    }
    await defineLadder(tx, DEMO_LADDER);
    progress(
      `service statistics: metrics (${DEMO_METRICS.length}) and figures of seed 004 (${DEMO_FIGURES.length})`,
    );
    await loadDemoFigures(tx);
    progress(`documents the seeds cite (${DEMO_DOCUMENTS.length})`);
    for (const document of DEMO_DOCUMENTS) await registerDocument(tx, document);
    const described = describedActivityRows();
    progress(`activities described in six languages (${described.length})`);
    await importActivities(tx, { rows: described, problems: [] }, { dryRun: false });
  });
  progress("overlap scan");
  await runOverlapScan(ctx);
}

/** The Union's Sectors, Bureaux, departments and regional offices. */
export async function loadDemoUnits(ctx: Ctx) {
  for (const unit of DEMO_UNITS) {
    await createUnit(ctx, {
      code: unit.code,
      kind: unit.kind,
      parentCode: unit.parent,
      name: unit.name,
      originalLanguage: "en",
      validFrom: unit.validFrom,
      validTo: null,
      visibility: "public",
    });
  }
}

/** The metric catalogue and the figures of seed 004, comparisons pointing at earlier figures. */
export async function loadDemoFigures(ctx: Ctx) {
  for (const m of DEMO_METRICS) {
    await createMetric(ctx, {
      code: m.code,
      name: m.name,
      definition: m.definition ?? null,
      originalLanguage: "en",
      unit: m.unit,
      additive: m.additive,
      section: m.section,
      ownerUnitCode: m.owner,
    });
  }
  const ids = new Map<string, string>();
  for (const f of DEMO_FIGURES) {
    const created = await createFigure(
      ctx,
      demoFigureInput(f, (key) => ids.get(key)!),
    );
    if (f.key) ids.set(f.key, created.id);
  }
}

/**
 * The activities of the labelled overlap set (data/overlap-eval): realistic descriptions of the
 * Union's work in the six languages, among them pairs of duplicated effort, so that the registry
 * and the overlap inbox of the demo have something true to show.
 */
function describedActivityRows() {
  const file = new URL("../../../data/overlap-eval/activities.jsonl", import.meta.url);
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line, i) => {
      const a = JSON.parse(line) as {
        unit: string;
        ref: string;
        type: string;
        status: string;
        start: string;
        end: string | null;
        originalLanguage: string;
        title: Record<string, string>;
        description: Record<string, string> | null;
        areas: string[];
        sdgTargets: string[];
      };
      const cells: Record<string, string> = {
        ref: a.ref,
        unit: a.unit,
        type: a.type,
        status: a.status,
        start: a.start,
        end: a.end ?? "",
        areas: a.areas.join(";"),
        sdg_targets: a.sdgTargets.join(";"),
        budget: "",
        currency: "",
        original_language: a.originalLanguage,
      };
      for (const column of ACTIVITY_COLUMNS) {
        const [field, lang] = column.split("_") as [string, string];
        if (field === "title") cells[column] = a.title[lang] ?? "";
        if (field === "description") cells[column] = a.description?.[lang] ?? "";
      }
      return { line: i + 1, cells };
    });
}

export async function hasDemoAdmin(ctx: Ctx): Promise<boolean> {
  return (await personByEmail(ctx.db, DEMO_ADMIN_EMAIL)) !== undefined;
}
