import { type QueryClient, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { Meeting } from "#shared/bodies.ts";
import type { DocumentListQuery, DocumentWithCitations, Document } from "#shared/documents.ts";
import { PAGE_LIMIT_MAX } from "#shared/pagination.ts";
import { api, type Page, segment } from "../../api/client.ts";

export const DOCUMENTS_PAGE_SIZE = 25;

type DocumentFilter = Pick<DocumentListQuery, "q" | "symbol" | "bodyId">;

/** The register in symbol order (C9 before C16/9 before C16/10), a page at a time. */
export function useDocuments(filter: DocumentFilter) {
  return useInfiniteQuery({
    queryKey: ["documents", filter],
    queryFn: ({ pageParam }) =>
      api.get<Page<Document>>("/documents", { ...filter, limit: DOCUMENTS_PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useDocument(id: string | undefined) {
  return useQuery({
    queryKey: ["document", id],
    queryFn: () => api.get<DocumentWithCitations>(`/documents/${segment(id ?? "")}`),
    enabled: Boolean(id),
  });
}

/**
 * Every meeting of a body, for choosing the one a document is for. A body meets a few times a
 * year, so one page of the largest size holds them all; under the "meetings" key, so that a
 * meeting convened or moved elsewhere is read again here too.
 */
export function useMeetingsOfBody(bodyId: string) {
  return useQuery({
    queryKey: ["meetings", { bodyId, all: true }],
    queryFn: async () =>
      (await api.get<Page<Meeting>>("/meetings", { bodyId, limit: PAGE_LIMIT_MAX })).entries,
    enabled: bodyId !== "",
  });
}

/** After a document was registered, corrected or removed: the register's pages are read again. */
export function invalidateDocuments(queryClient: QueryClient, id?: string) {
  void queryClient.invalidateQueries({ queryKey: ["documents"] });
  if (id) void queryClient.invalidateQueries({ queryKey: ["document-history", id] });
}

export const documentPath = (document: Pick<Document, "id">) => `/documents/${segment(document.id)}`;

/**
 * Where a cited symbol leads: the register searched for exactly that symbol, which shows its entry,
 * or offers to register it when there is none.
 */
export const symbolSearchPath = (symbol: string) => `/documents?symbol=${encodeURIComponent(symbol)}`;

/** The registration form with a symbol already typed in. */
export const registerSymbolPath = (symbol: string) => `/documents/new?symbol=${encodeURIComponent(symbol)}`;
