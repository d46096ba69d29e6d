import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Activity } from "#shared/activities.ts";
import type { ActionItem } from "#shared/decisions.ts";
import type { Notification } from "#shared/notifications.ts";
import { OVERLAP_STATUSES, type OverlapCandidate } from "#shared/overlaps.ts";
import { PAGE_LIMIT_MAX } from "#shared/pagination.ts";
import { ApiError, api, type Page, segment } from "../../api/client.ts";

/** Up to this many unread are counted; beyond, the header says "99+". */
export const UNREAD_COUNTED = 99;

/** The unread count in the header, asked again every minute. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: ["notifications", "unread-count"],
    queryFn: async () => {
      const page = await api.get<Page<Notification>>("/notifications", {
        unread: "true",
        limit: UNREAD_COUNTED + 1,
      });
      return page.entries.length;
    },
    enabled,
    refetchInterval: 60_000,
  });
}

export function useNotifications(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: ["notifications", "list", unreadOnly],
    queryFn: ({ pageParam }) =>
      api.get<Page<Notification>>("/notifications", {
        unread: unreadOnly ? "true" : undefined,
        limit: 20,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: readonly string[]) =>
      Promise.all(ids.map((id) => api.post<Notification>(`/notifications/${segment(id)}/read`))),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });
}

/** The ids a notification of `overlap.likely` is about, when its subject holds them. */
export function overlapPairOf(notification: Notification): [string, string] | null {
  const ids = notification.subject.activityIds;
  if (!Array.isArray(ids) || ids.length !== 2 || !ids.every((id) => typeof id === "string")) return null;
  return [ids[0] as string, ids[1] as string];
}

async function activityOrNull(id: string): Promise<Activity | null> {
  try {
    return await api.get<Activity>(`/activities/${segment(id)}`);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

export interface OverlapPairFound {
  activities: [Activity | null, Activity | null];
  /** The candidate of the pair, when the inbox still holds it. */
  candidateId: string | null;
  /** The unit to filter the inbox by when the candidate itself is not found. */
  unitCode: string | null;
}

/** Pages of one unit's likely candidates searched per status before giving up on finding the pair. */
const PAGES_SEARCHED = 2;

/**
 * The two activities of a notification and the inbox candidate that pairs them. The inbox cannot
 * be asked for a pair directly, so one unit's likely candidates are searched, status by status.
 */
export function useOverlapPair(pair: [string, string] | null, yours: (activity: Activity) => boolean) {
  return useQuery({
    queryKey: ["notification-pair", pair],
    enabled: pair !== null,
    staleTime: 60_000,
    queryFn: async (): Promise<OverlapPairFound> => {
      const [x, y] = pair!;
      const activities = (await Promise.all([activityOrNull(x), activityOrNull(y)])) as [
        Activity | null,
        Activity | null,
      ];
      const own = activities.find((a) => a && yours(a)) ?? activities.find((a) => a !== null) ?? null;
      const unitCode = own?.unitCode ?? null;
      if (!unitCode) return { activities, candidateId: null, unitCode };
      const wanted = new Set(pair);
      try {
        for (const status of OVERLAP_STATUSES) {
          let cursor: string | undefined;
          for (let page = 0; page < PAGES_SEARCHED; page++) {
            const found = await api.get<Page<OverlapCandidate>>("/overlaps", {
              status,
              unitCode,
              likely: "true",
              limit: PAGE_LIMIT_MAX,
              cursor,
            });
            const hit = found.entries.find((c) => wanted.has(c.a.id) && wanted.has(c.b.id));
            if (hit) return { activities, candidateId: hit.id, unitCode };
            if (!found.nextCursor) break;
            cursor = found.nextCursor;
          }
        }
      } catch (error) {
        // Readers have no inbox: the notification then leads to the activity itself.
        if (error instanceof ApiError && error.status === 403)
          return { activities, candidateId: null, unitCode: null };
        throw error;
      }
      return { activities, candidateId: null, unitCode };
    },
  });
}

/** The ids of the action items a notification is about (`actionItemIds`, or one `actionItemId`). */
export function actionItemIdsOf(notification: Notification): string[] {
  const { actionItemIds, actionItemId } = notification.subject;
  if (Array.isArray(actionItemIds)) return actionItemIds.filter((id): id is string => typeof id === "string");
  return typeof actionItemId === "string" ? [actionItemId] : [];
}

/** Each action item by id, as the action item pages cache them. */
export function useNotifiedActionItems(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ["action-item", id],
      queryFn: () => api.get<ActionItem>(`/action-items/${segment(id)}`),
      staleTime: 60_000,
    })),
  });
}
