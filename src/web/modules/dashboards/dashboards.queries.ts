import { useQuery } from "@tanstack/react-query";
import type { Figure, FigureListQuery, Metric } from "#shared/figures.ts";
import { api, segment } from "../../api/client.ts";

// Keys of their own: the figures pages cache the same endpoints, and a shared key would tie the
// dashboards to whatever shape those pages choose to keep.

export function useMetricCatalogue() {
  return useQuery({
    queryKey: ["dashboards", "metrics"],
    queryFn: async () => (await api.get<{ entries: Metric[] }>("/metrics")).entries,
    staleTime: 30_000,
  });
}

/** Figures as their sources state them, oldest period first, each with its contradictions. */
export function useDashboardFigures(filter: Pick<FigureListQuery, "metricCode" | "section">) {
  return useQuery({
    queryKey: ["dashboards", "figures", filter],
    queryFn: async () => (await api.get<{ entries: Figure[] }>("/figures", { ...filter })).entries,
  });
}

/** The figure's own page (the figures module's), where its source and passage are shown. */
export const figurePath = (figure: Pick<Figure, "id">) => `/statistics/figures/${segment(figure.id)}`;

export const metricDashboardPath = (metric: Pick<Metric, "code">) =>
  `/statistics/dashboards/${segment(metric.code)}`;

export const DASHBOARDS_PATH = "/statistics/dashboards";
