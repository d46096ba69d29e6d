import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Viewer } from "#shared/auth.ts";
import type { Body, BodyMember, BodyStatistics } from "#shared/bodies.ts";
import { api, segment } from "../../api/client.ts";

export function useBodies() {
  return useQuery({
    queryKey: ["bodies"],
    queryFn: async () => (await api.get<{ entries: Body[] }>("/bodies")).entries,
  });
}

/** A body by its code (as the address names it) or id. */
export function useBody(idOrCode: string | undefined) {
  return useQuery({
    queryKey: ["body", idOrCode],
    queryFn: () => api.get<Body>(`/bodies/${segment(idOrCode ?? "")}`),
    enabled: Boolean(idOrCode),
  });
}

export function useBodyStatistics(id: string) {
  return useQuery({
    queryKey: ["body-statistics", id],
    queryFn: () => api.get<BodyStatistics>(`/bodies/${segment(id)}/statistics`),
  });
}

/** After a change to a body: the answer replaces the cached body; lists and history are asked again. */
export function useBodyUpdated() {
  const queryClient = useQueryClient();
  return (updated: Body) => {
    queryClient.setQueryData(["body", updated.code], updated);
    queryClient.setQueryData(["body", updated.id], updated);
    void queryClient.invalidateQueries({ queryKey: ["bodies"] });
    void queryClient.invalidateQueries({ queryKey: ["body-history", updated.id] });
  };
}

export const bodyPath = (body: Pick<Body, "code">) => `/bodies/${segment(body.code)}`;

/** Bodies are for everyone who works here: any role but reader (the server checks again). */
export const canReadBodies = (viewer: Viewer | null | undefined) =>
  viewer?.roles.some((grant) => grant.role !== "reader") ?? false;

/**
 * The secretariat and administrators of the whole organization manage bodies, meetings, agendas,
 * decisions and action items: the server authorizes `body.manage` over no unit.
 */
export const canManageBodies = (viewer: Viewer | null | undefined) =>
  viewer?.roles.some(
    (grant) => (grant.role === "administrator" || grant.role === "secretariat") && grant.unitId === null,
  ) ?? false;

/** A seat held on the day (from its first day to its last, inclusive). */
export const isSeated = (member: Pick<BodyMember, "validFrom" | "validTo">, day: string) =>
  member.validFrom <= day && (member.validTo === null || day <= member.validTo);
