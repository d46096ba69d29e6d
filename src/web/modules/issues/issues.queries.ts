import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Viewer } from "#shared/auth.ts";
import type { CoordinationIssue, EscalationLevel } from "#shared/issues.ts";
import { api, type Page, segment } from "../../api/client.ts";
import { hasRole } from "../../api/session.ts";
import { canManageBodies } from "../bodies/bodies.queries.ts";

export interface IssueFilter {
  status?: string;
  areaSlug?: string;
  escalated?: string;
}

export const ISSUES_PAGE_SIZE = 20;

/** Coordination issues, the longest waiting at their level first, a page at a time. */
export function useIssues(filter: IssueFilter) {
  return useInfiniteQuery({
    queryKey: ["coordination-issues", filter],
    queryFn: ({ pageParam }) =>
      api.get<Page<CoordinationIssue>>("/coordination-issues", {
        ...filter,
        limit: ISSUES_PAGE_SIZE,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useIssue(id: string | undefined) {
  return useQuery({
    queryKey: ["coordination-issue", id],
    queryFn: () => api.get<CoordinationIssue>(`/coordination-issues/${segment(id ?? "")}`),
    enabled: Boolean(id),
  });
}

/** The levels of the ladder: configured once per organization, so read once a visit. */
export function useLadder() {
  return useQuery({
    queryKey: ["escalation-ladder"],
    queryFn: async () => (await api.get<{ entries: EscalationLevel[] }>("/escalation-ladder")).entries,
    staleTime: 5 * 60_000,
  });
}

/** After a move or a settlement: the answer replaces the cached issue; lists and history are asked again. */
export function useIssueUpdated() {
  const queryClient = useQueryClient();
  return (updated: CoordinationIssue) => {
    queryClient.setQueryData(["coordination-issue", updated.id], updated);
    void queryClient.invalidateQueries({ queryKey: ["coordination-issues"] });
    void queryClient.invalidateQueries({ queryKey: ["coordination-issue-history", updated.id] });
  };
}

export const issuePath = (issue: Pick<CoordinationIssue, "id">) =>
  `/coordination-issues/${segment(issue.id)}`;

/** Chairs, the secretariat and administrators move issues up and settle them (the server checks again). */
export const canSettleIssues = (viewer: Viewer | null | undefined) =>
  canManageBodies(viewer) || hasRole(viewer, "chair") || hasRole(viewer, "secretariat");
