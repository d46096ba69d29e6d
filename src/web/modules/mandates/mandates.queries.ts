import { useQuery } from "@tanstack/react-query";
import type { Mandate, MandateSource } from "#shared/mandates.ts";
import { api } from "../../api/client.ts";

export function useMandates(filter: { source?: MandateSource; q?: string } = {}) {
  return useQuery({
    queryKey: ["mandates", filter.source ?? null, filter.q ?? null],
    queryFn: async () =>
      (await api.get<{ entries: Mandate[] }>("/mandates", { source: filter.source, q: filter.q })).entries,
    placeholderData: (previous) => previous,
  });
}
