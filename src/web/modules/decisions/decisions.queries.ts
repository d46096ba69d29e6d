import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { ActionItem, Decision } from "#shared/decisions.ts";
import { PAGE_LIMIT_MAX } from "#shared/pagination.ts";
import { api, type Page, segment } from "../../api/client.ts";

export interface DecisionFilter {
  bodyId?: string;
  meetingId?: string;
  q?: string;
}

export const DECISIONS_PAGE_SIZE = 20;

/** The decision register, latest first, a page at a time. */
export function useDecisions(filter: DecisionFilter) {
  return useInfiniteQuery({
    queryKey: ["decisions", filter],
    queryFn: ({ pageParam }) =>
      api.get<Page<Decision>>("/decisions", { ...filter, limit: DECISIONS_PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useDecision(id: string | null | undefined) {
  return useQuery({
    queryKey: ["decision", id],
    queryFn: () => api.get<Decision>(`/decisions/${segment(id ?? "")}`),
    enabled: Boolean(id),
  });
}

export interface ActionItemFilter {
  bodyId?: string;
  ownerPersonId?: string;
  status?: string;
  overdue?: string;
}

export const ACTION_ITEMS_PAGE_SIZE = 25;

/** Action items, soonest due first, a page at a time. */
export function useActionItems(filter: ActionItemFilter) {
  return useInfiniteQuery({
    queryKey: ["action-items", filter],
    queryFn: ({ pageParam }) =>
      api.get<Page<ActionItem>>("/action-items", {
        ...filter,
        limit: ACTION_ITEMS_PAGE_SIZE,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/**
 * The action items that came out of one meeting. The list cannot be filtered by meeting, so the
 * body's items are read (as many as one page holds) and kept when they name the meeting.
 */
export function useMeetingActionItems(bodyId: string, meetingId: string) {
  return useQuery({
    queryKey: ["action-items", { bodyId, meetingId }],
    queryFn: async () => {
      const page = await api.get<Page<ActionItem>>("/action-items", { bodyId, limit: PAGE_LIMIT_MAX });
      return page.entries.filter((item) => item.meetingId === meetingId);
    },
  });
}

export function useActionItem(id: string | undefined) {
  return useQuery({
    queryKey: ["action-item", id],
    queryFn: () => api.get<ActionItem>(`/action-items/${segment(id ?? "")}`),
    enabled: Boolean(id),
  });
}

export const actionItemPath = (item: Pick<ActionItem, "id">) => `/action-items/${segment(item.id)}`;
