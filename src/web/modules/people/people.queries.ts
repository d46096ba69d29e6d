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

/** People whose name holds the words typed (two letters at least), for pickers; 20 at most. */
export function usePeopleSearch(term: string) {
  const q = term.trim();
  return useQuery({
    queryKey: ["people-search", q],
    queryFn: () => api.get<Page<Person>>("/people", { q, limit: 20 }),
    enabled: q.length >= 2,
    placeholderData: (previous) => previous,
  });
}

/** The codes of the units where the person holds a post on the day, each once. */
export function currentUnitCodes(person: Pick<Person, "posts">, day: string): string[] {
  const codes = person.posts
    .filter((post) => post.validFrom <= day && (post.validTo === null || day <= post.validTo))
    .map((post) => post.unitCode);
  return [...new Set(codes)];
}
