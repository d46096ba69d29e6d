import { useQuery } from "@tanstack/react-query";
import type { Viewer } from "#shared/auth.ts";
import type { Mandate, MandateSource } from "#shared/mandates.ts";
import { api, segment } from "../../api/client.ts";

export function useMandates(filter: { source?: MandateSource; q?: string } = {}) {
  return useQuery({
    queryKey: ["mandates", filter.source ?? null, filter.q ?? null],
    queryFn: async () =>
      (await api.get<{ entries: Mandate[] }>("/mandates", { source: filter.source, q: filter.q })).entries,
    placeholderData: (previous) => previous,
  });
}

export function useMandate(id: string | undefined) {
  return useQuery({
    queryKey: ["mandate", id],
    queryFn: () => api.get<Mandate>(`/mandates/${segment(id ?? "")}`),
    enabled: Boolean(id),
  });
}

export const mandatePath = (mandate: Pick<Mandate, "id">) => `/mandates/${segment(mandate.id)}`;

/**
 * The register is kept by administrators and the secretariat of the whole organization: the server
 * authorizes `mandate.manage` over no unit, which a role held over one unit does not reach.
 */
export const canManageMandates = (viewer: Viewer | null | undefined) =>
  viewer?.roles.some(
    (grant) => (grant.role === "administrator" || grant.role === "secretariat") && grant.unitId === null,
  ) ?? false;
