import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { Person } from "#shared/organization.ts";
import { api, type Page, segment } from "../../api/client.ts";

export interface PeopleFilter {
  q?: string;
  unitCode?: string;
  asOf?: string;
  includeInactive?: boolean;
}

export const PEOPLE_PAGE_SIZE = 25;

export function usePeople(filter: PeopleFilter, pageSize = PEOPLE_PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: ["people", filter, pageSize],
    queryFn: ({ pageParam }) =>
      api.get<Page<Person>>("/people", {
        q: filter.q,
        unitCode: filter.unitCode,
        asOf: filter.asOf,
        includeInactive: filter.includeInactive,
        limit: pageSize,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ["person", id],
    queryFn: () => api.get<Person>(`/people/${segment(id ?? "")}`),
    enabled: Boolean(id),
  });
}

export const personPath = (person: Pick<Person, "id">) => `/people/${segment(person.id)}`;
