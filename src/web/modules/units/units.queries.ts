import { useQuery } from "@tanstack/react-query";
import type { Unit } from "#shared/organization.ts";
import { PAGE_LIMIT_MAX } from "#shared/pagination.ts";
import { api, type Page, segment } from "../../api/client.ts";

export interface UnitFilter {
  asOf?: string;
  includeClosed?: boolean;
}

/** Every unit as of a day: the tree needs them all, so pages are fetched until the last. */
async function fetchAllUnits(filter: UnitFilter): Promise<Unit[]> {
  const units: Unit[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<Unit>>("/units", {
      asOf: filter.asOf,
      includeClosed: filter.includeClosed,
      limit: PAGE_LIMIT_MAX,
      cursor,
    });
    units.push(...page.entries);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return units;
}

export function useUnits(filter: UnitFilter = {}) {
  return useQuery({
    queryKey: ["units", filter.asOf ?? null, filter.includeClosed ?? false],
    queryFn: () => fetchAllUnits(filter),
    staleTime: 30_000,
  });
}

export function useUnit(idOrCode: string | undefined) {
  return useQuery({
    queryKey: ["unit", idOrCode],
    queryFn: () => api.get<Unit>(`/units/${segment(idOrCode ?? "")}`),
    enabled: Boolean(idOrCode),
  });
}

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

/** Units arranged under their parents; a unit whose parent is not in the list becomes a root. */
export function buildUnitTree(units: Unit[]): UnitNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export const unitPath = (unit: Pick<Unit, "code">) => `/units/${segment(unit.code)}`;

export const isClosed = (unit: Pick<Unit, "validTo">, day: string) =>
  unit.validTo !== null && unit.validTo < day;
