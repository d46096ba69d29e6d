import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { Activity } from "#shared/activities.ts";
import type { Viewer } from "#shared/auth.ts";
import { api, type Page, segment } from "../../api/client.ts";

export interface ActivityFilter {
  q?: string;
  unitCode?: string;
  areaSlug?: string;
  sdgGoal?: string;
  type?: string;
  status?: string;
  from?: string;
  to?: string;
}

/** Activities matching the filter, newest first, a page of 20 at a time. */
export function useActivities(filter: ActivityFilter) {
  return useInfiniteQuery({
    queryKey: ["activities", filter],
    queryFn: ({ pageParam }) =>
      api.get<Page<Activity>>("/activities", { ...filter, limit: 20, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: ["activity", id],
    queryFn: () => api.get<Activity>(`/activities/${segment(id ?? "")}`),
    enabled: Boolean(id),
  });
}

export const activityPath = (activity: Pick<Activity, "id">) => `/activities/${segment(activity.id)}`;

const EDITORS = new Set(["staff", "focal_point", "secretariat", "administrator"]);

/** Staff, focal points, the secretariat and administrators edit (the server checks the unit). */
export const canEditActivities = (viewer: Viewer | null | undefined) =>
  viewer?.roles.some((grant) => EDITORS.has(grant.role)) ?? false;
