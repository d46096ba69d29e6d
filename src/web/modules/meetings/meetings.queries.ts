import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Meeting } from "#shared/bodies.ts";
import type { AgendaItem } from "#shared/decisions.ts";
import { api, type Page, segment } from "../../api/client.ts";
import { meetingOrdinal } from "../../i18n/ordinal.ts";

export const MEETINGS_PAGE_SIZE = 20;

/** A body's meetings, latest first, a page at a time. */
export function useMeetings(bodyId: string) {
  return useInfiniteQuery({
    queryKey: ["meetings", { bodyId }],
    queryFn: ({ pageParam }) =>
      api.get<Page<Meeting>>("/meetings", { bodyId, limit: MEETINGS_PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: ["meeting", id],
    queryFn: () => api.get<Meeting>(`/meetings/${segment(id ?? "")}`),
    enabled: Boolean(id),
  });
}

export function useAgenda(meetingId: string) {
  return useQuery({
    queryKey: ["agenda", meetingId],
    queryFn: async () =>
      (await api.get<{ entries: AgendaItem[] }>(`/meetings/${segment(meetingId)}/agenda`)).entries,
  });
}

/** After a change to a meeting: the answer replaces the cached meeting; lists and history are asked again. */
export function useMeetingUpdated() {
  const queryClient = useQueryClient();
  return (updated: Meeting) => {
    queryClient.setQueryData(["meeting", updated.id], updated);
    void queryClient.invalidateQueries({ queryKey: ["meetings"] });
    void queryClient.invalidateQueries({ queryKey: ["meeting-history", updated.id] });
    void queryClient.invalidateQueries({ queryKey: ["body-statistics", updated.bodyId] });
  };
}

export const meetingPath = (meeting: Pick<Meeting, "id">) => `/meetings/${segment(meeting.id)}`;

/** "16th meeting", "16e réunion", "第16次会议", "الاجتماع السادس عشر": a meeting named by its place in the series. */
export function useMeetingName() {
  const { t, i18n } = useTranslation();
  return (number: number) => t("meetings.numbered", { ordinal: meetingOrdinal(i18n.language, number) });
}
