import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { Language, localize } from "#shared/languages.ts";
import { AppError } from "../../core/errors.ts";
import { router } from "../../core/routes.ts";
import { listActivities } from "../activities/activities.service.ts";
import { getArea, listAreas } from "../areas/areas.service.ts";
import { readableMandates } from "../mandates/mandates.service.ts";
import { listSdgTargets } from "../sdg/sdg.service.ts";
import { listUnits } from "../units/units.service.ts";
import { renderArea, renderIndex, renderNotFound } from "./public.pages.ts";

/** Short enough that an edit shows within minutes, long enough that a proxy absorbs the traffic. */
const CACHE = "public, max-age=300";

/**
 * The seed's inter-sectoral thematic web pages: server-rendered HTML, readable without JavaScript or
 * an account, the language in the URL so each page caches on its own.
 */
export function publicRoutes(app: FastifyInstance) {
  const r = router(app);
  const hide = { hide: true };
  r.get(
    "/public/:lang/areas",
    { config: { public: true }, schema: { ...hide, params: z.object({ lang: Language }) } },
    async (req, reply) => {
      const { entries } = await listAreas(req.ctx, { status: "active" });
      return reply
        .type("text/html; charset=utf-8")
        .header("cache-control", CACHE)
        .send(renderIndex(req.params.lang, entries));
    },
  );
  r.get(
    "/public/:lang/areas/:slug",
    {
      config: { public: true },
      schema: { ...hide, params: z.object({ lang: Language, slug: z.string().max(80) }) },
    },
    async (req, reply) => {
      const lang = req.params.lang;
      try {
        const area = await getArea(req.ctx, req.params.slug);
        if (area.status !== "active") throw new AppError("not_found");
        const mandates = await readableMandates(req.ctx, area.mandateIds);
        mandates.sort((a, b) => a.citation.localeCompare(b.citation));
        const units = await listUnits(req.ctx, { includeClosed: false, limit: 500 });
        const names = new Map(
          units.entries.map((u) => [u.code, localize(u.name, u.originalLanguage, lang).text]),
        );
        const byId = new Map(units.entries.map((u) => [u.id, u]));
        // Activities are grouped under their Sector (or the General Secretariat), found up the tree.
        const sectorOf = (code: string) => {
          let unit = units.entries.find((u) => u.code === code);
          while (unit && unit.kind !== "sector" && unit.kind !== "general_secretariat" && unit.parentId) {
            unit = byId.get(unit.parentId);
          }
          return unit ? localize(unit.name, unit.originalLanguage, lang).text : code;
        };
        const latest = await listActivities(req.ctx, { areaSlug: area.slug, limit: 20 });
        const groups = new Map<string, typeof latest.entries>();
        for (const activity of latest.entries) {
          const sector = sectorOf(activity.unitCode);
          groups.set(sector, [...(groups.get(sector) ?? []), activity]);
        }
        const activityGroups = [...groups].map(([sector, activities]) => ({ sector, activities }));
        return reply
          .type("text/html; charset=utf-8")
          .header("cache-control", CACHE)
          .send(
            renderArea(
              lang,
              area,
              mandates,
              names,
              listSdgTargets().filter((t) => area.sdgTargets.includes(t.code)),
              activityGroups,
            ),
          );
      } catch (error) {
        if (error instanceof AppError && error.code === "not_found") {
          return reply.status(404).type("text/html; charset=utf-8").send(renderNotFound(lang));
        }
        throw error;
      }
    },
  );
}
