import { useQuery } from "@tanstack/react-query";
import type { Viewer } from "#shared/auth.ts";
import type { Area, AreaComparison, AreaRevision } from "#shared/areas.ts";
import type { SdgGoal, SdgTarget } from "#shared/sdg.ts";
import type { z } from "zod";
import { api, segment } from "../../api/client.ts";
import { hasRole } from "../../api/session.ts";

export type Comparison = z.infer<typeof AreaComparison>;

/** The list now, or as it stood at the end of a day. */
export function useAreas(asOf?: string) {
  return useQuery({
    queryKey: ["areas", asOf ?? null],
    queryFn: async () => (await api.get<{ entries: Area[] }>("/areas", { asOf })).entries,
    placeholderData: (previous) => previous,
  });
}

export function useArea(slug: string | undefined) {
  return useQuery({
    queryKey: ["area", slug],
    queryFn: () => api.get<Area>(`/areas/${segment(slug ?? "")}`),
    enabled: Boolean(slug),
  });
}

export function useAreaRevisions(slug: string) {
  return useQuery({
    queryKey: ["area-revisions", slug],
    queryFn: async () =>
      (await api.get<{ entries: AreaRevision[] }>(`/areas/${segment(slug)}/revisions`)).entries,
  });
}

export function useAreaComparison(from: string, to: string) {
  return useQuery({
    queryKey: ["areas-compare", from, to],
    queryFn: () => api.get<Comparison>("/areas/compare", { from, to }),
    enabled: Boolean(from && to),
  });
}

/** The UN's 169 targets in six languages: reference data that does not change during a visit. */
export function useSdgTargets() {
  return useQuery({
    queryKey: ["sdg-targets"],
    queryFn: async () => (await api.get<{ entries: SdgTarget[] }>("/sdg/targets")).entries,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSdgGoals() {
  return useQuery({
    queryKey: ["sdg-goals"],
    queryFn: async () => (await api.get<{ entries: SdgGoal[] }>("/sdg/goals")).entries,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const areaPath = (area: Pick<Area, "slug">) => `/areas/${segment(area.slug)}`;

/** The secretariat and administrators keep the list (the server checks each request's scope again). */
export const canManageAreas = (viewer: Viewer | null | undefined) =>
  hasRole(viewer, "administrator") || hasRole(viewer, "secretariat");

/** The fields a comparison or a revision can name, in the order the page shows them. */
export const AREA_FIELDS = [
  "name",
  "description",
  "originalLanguage",
  "status",
  "leadUnitCode",
  "participatingUnitCodes",
  "mandateCitations",
  "sdgTargets",
  "focalPoints",
  "justification",
  "visibility",
] as const;
export type AreaField = (typeof AREA_FIELDS)[number];

export function changedAreaFields(before: Area, after: Area): AreaField[] {
  return AREA_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

export const isCurrentFocalPoint = (focal: { validFrom: string; validTo: string | null }, day: string) =>
  focal.validFrom <= day && (focal.validTo === null || day <= focal.validTo);

export const isAreaField = (field: string): field is AreaField =>
  (AREA_FIELDS as readonly string[]).includes(field);
