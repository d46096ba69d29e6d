import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Viewer } from "#shared/auth.ts";
import type {
  CreateFiguresInput,
  Figure,
  FigureListQuery,
  MemberCategory,
  Metric,
  PeriodTotal,
  ScopePlace,
} from "#shared/figures.ts";
import type { Unit } from "#shared/organization.ts";
import { api, segment } from "../../api/client.ts";

export function useMetrics() {
  return useQuery({
    queryKey: ["metrics"],
    queryFn: async () => (await api.get<{ entries: Metric[] }>("/metrics")).entries,
    staleTime: 30_000,
  });
}

export function useMetric(code: string | undefined) {
  return useQuery({
    queryKey: ["metric", code],
    queryFn: () => api.get<Metric>(`/metrics/${segment(code ?? "")}`),
    enabled: Boolean(code),
  });
}

type FigureFilter = Pick<FigureListQuery, "metricCode" | "section" | "from" | "to" | "contradicted">;

/** Figures as their sources state them, oldest period first (the server's order). */
export function useFigures(filter: FigureFilter = {}, enabled = true) {
  return useQuery({
    queryKey: ["figures", filter],
    queryFn: async () => (await api.get<{ entries: Figure[] }>("/figures", { ...filter })).entries,
    placeholderData: (previous) => previous,
    enabled,
  });
}

export function useFigure(id: string | undefined) {
  return useQuery({
    queryKey: ["figure", id],
    queryFn: () => api.get<Figure>(`/figures/${segment(id ?? "")}`),
    enabled: Boolean(id),
  });
}

export interface TotalQuery {
  from: string;
  to: string;
  place?: ScopePlace;
  unitCode?: string;
  category?: MemberCategory;
}

/** The total of a metric over a period, asked only once the reader has named both ends. */
export function usePeriodTotal(code: string, query: TotalQuery | null) {
  return useQuery({
    queryKey: ["metric-total", code, query],
    queryFn: () => api.get<PeriodTotal>(`/metrics/${segment(code)}/total`, { ...query }),
    enabled: query !== null,
  });
}

/** The document symbols the server reads in a text (it splits symbols run together). */
export function useDocumentSymbols(text: string) {
  return useQuery({
    queryKey: ["document-symbols", text],
    queryFn: () => api.get<{ symbols: string[]; unreadable: string[] }>("/document-symbols", { text }),
    enabled: text !== "",
    staleTime: Infinity,
  });
}

/**
 * After figures were entered, corrected or deleted: the lists of figures, the catalogue's counts,
 * the metric (or every metric) and its totals are read again.
 */
/** Every cached answer a new or changed figure can change (lists, catalogue counts, totals). */
export const FIGURE_QUERY_KEYS = ["figures", "metrics", "metric", "metric-total"] as const;

export function invalidateFigures(queryClient: QueryClient, metricCode?: string) {
  for (const key of FIGURE_QUERY_KEYS)
    void queryClient.invalidateQueries({
      queryKey: key === "metric" && metricCode ? [key, metricCode] : [key],
    });
}

/** Several figures of a metric at once (its grid): all saved or none. */
export function useCreateFigures(metricCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateFiguresInput) =>
      (await api.post<{ entries: Figure[] }>("/figures/batch", input)).entries,
    onSuccess: () => invalidateFigures(queryClient, metricCode),
  });
}

export const metricPath = (metric: Pick<Metric, "code">) => `/statistics/metrics/${segment(metric.code)}`;
export const figurePath = (figure: Pick<Figure, "id">) => `/statistics/figures/${segment(figure.id)}`;
export const dashboardPath = (metric?: Pick<Metric, "code">) =>
  metric ? `/statistics/dashboards/${segment(metric.code)}` : "/statistics/dashboards";

/** The catalogue is the secretariat's (`metric.manage` over no unit, like the register of mandates). */
export const canManageMetrics = (viewer: Viewer | null | undefined) =>
  viewer?.roles.some(
    (grant) => (grant.role === "administrator" || grant.role === "secretariat") && grant.unitId === null,
  ) ?? false;

const ENTERING_ROLES = new Set(["administrator", "secretariat", "staff", "focal_point"]);

/** A unit and the units above it: a role held over a unit reaches every unit below it. */
function unitAndAncestors(unitId: string, units: readonly Unit[]): Set<string> {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const found = new Set<string>();
  let current: string | null | undefined = unitId;
  while (current && !found.has(current)) {
    found.add(current);
    current = byId.get(current)?.parentId;
  }
  return found;
}

/**
 * Whether the viewer may enter figures of a metric (`figure.enter` over its owner unit): a role
 * held over the whole organization, or over the owner unit or a unit above it. Only decides which
 * buttons to show; the server checks every request again.
 */
export function canEnterFigures(
  viewer: Viewer | null | undefined,
  metric: Pick<Metric, "ownerUnitId"> | null,
  units: readonly Unit[] = [],
): boolean {
  const reach = metric ? unitAndAncestors(metric.ownerUnitId, units) : null;
  return (
    viewer?.roles.some(
      (grant) =>
        ENTERING_ROLES.has(grant.role) &&
        (grant.unitId === null || reach === null || reach.has(grant.unitId)),
    ) ?? false
  );
}

/** The file types the import accepts, by extension. */
export const IMPORT_TYPES = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
