import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Viewer } from "#shared/auth.ts";
import type { Job } from "#shared/jobs.ts";
import type { Unit } from "#shared/organization.ts";
import type {
  DecideOverlapInput,
  OverlapCandidate,
  OverlapSide,
  SimilarActivitiesInput,
  SimilarActivity,
} from "#shared/overlaps.ts";
import { api, type Page, segment } from "../../api/client.ts";

export interface OverlapFilter {
  status?: string;
  likely?: string;
  areaSlug?: string;
  unitCode?: string;
}

export const OVERLAP_PAGE_SIZE = 20;

/** The inbox: candidates matching the filter, strongest first, a page at a time. */
export function useOverlaps(filter: OverlapFilter) {
  return useInfiniteQuery({
    queryKey: ["overlaps", filter],
    queryFn: ({ pageParam }) =>
      api.get<Page<OverlapCandidate>>("/overlaps", {
        ...filter,
        limit: OVERLAP_PAGE_SIZE,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useOverlap(id: string | undefined) {
  return useQuery({
    queryKey: ["overlap", id],
    queryFn: () => api.get<OverlapCandidate>(`/overlaps/${segment(id ?? "")}`),
    enabled: Boolean(id),
  });
}

export function useDecideOverlap(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DecideOverlapInput) =>
      api.post<OverlapCandidate>(`/overlaps/${segment(id)}/decision`, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(["overlap", saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ["overlaps"] });
      void queryClient.invalidateQueries({ queryKey: ["overlap-history", saved.id] });
    },
  });
}

export const overlapPath = (candidate: Pick<OverlapCandidate, "id">) => `/overlaps/${segment(candidate.id)}`;

/** `unit:reference`, the key by which people name an activity. */
export const activityKey = (side: Pick<OverlapSide, "unitCode" | "ref">) => `${side.unitCode}:${side.ref}`;

/** The inbox is for everyone who works on activities: any role but reader (the server checks again). */
export const canUseOverlapInbox = (viewer: Viewer | null | undefined) =>
  viewer?.roles.some((grant) => grant.role !== "reader") ?? false;

/** Scans cover the whole organization: the secretariat and administrators without a unit. */
export const canScanOverlaps = (viewer: Viewer | null | undefined) =>
  viewer?.roles.some(
    (grant) => (grant.role === "secretariat" || grant.role === "administrator") && grant.unitId === null,
  ) ?? false;

const DECIDERS = new Set(["focal_point", "secretariat", "administrator"]);

/** The unit and every unit above it, by id. */
function lineage(code: string, units: readonly Unit[]): Set<string> {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const found = new Set<string>();
  let unit = units.find((u) => u.code === code);
  while (unit && !found.has(unit.id)) {
    found.add(unit.id);
    unit = unit.parentId ? byId.get(unit.parentId) : undefined;
  }
  return found;
}

/**
 * A focal point, the secretariat or an administrator whose scope covers either activity's unit
 * decides (the server checks again; this only decides whether the form is offered).
 */
export function canDecideOverlap(
  viewer: Viewer | null | undefined,
  candidate: Pick<OverlapCandidate, "a" | "b">,
  units: readonly Unit[],
): boolean {
  const grants = viewer?.roles.filter((grant) => DECIDERS.has(grant.role)) ?? [];
  if (grants.some((grant) => grant.unitId === null)) return true;
  const reach = new Set([...lineage(candidate.a.unitCode, units), ...lineage(candidate.b.unitCode, units)]);
  return grants.some((grant) => grant.unitId !== null && reach.has(grant.unitId));
}

/** Starts a full scan; the page then follows the job it answers with. */
export function useStartScan() {
  return useMutation({ mutationFn: () => api.post<Job>("/overlaps/scans") });
}

/** A background job, asked again every second while it runs. */
export function useJob(id: string | null) {
  return useQuery({
    queryKey: ["job", id],
    queryFn: () => api.get<Job>(`/jobs/${segment(id ?? "")}`),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.status === "running" ? 1000 : false),
    staleTime: 0,
  });
}

/** What an activity being written most resembles among other units' activities. */
export function useSimilarActivities(input: SimilarActivitiesInput | null) {
  return useQuery({
    queryKey: ["similar-activities", input],
    queryFn: async () =>
      (await api.post<{ entries: SimilarActivity[] }>("/activities/similar", input)).entries,
    enabled: input !== null,
    placeholderData: (previous) => previous,
    staleTime: 30_000,
    retry: false,
  });
}
