import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Viewer } from "#shared/auth.ts";
import type { Language } from "#shared/languages.ts";
import { currentLanguage, storedLanguage, switchLanguage } from "../i18n/i18n.ts";
import { ApiError, api, setCsrfToken } from "./client.ts";

export const VIEWER_KEY = ["viewer"] as const;

async function fetchViewer(): Promise<Viewer | null> {
  try {
    const viewer = await api.get<Viewer>("/auth/me");
    setCsrfToken(viewer.csrfToken);
    return viewer;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Who is signed in (`null` when nobody is). */
export function useViewer() {
  return useQuery({ queryKey: VIEWER_KEY, queryFn: fetchViewer, staleTime: 5 * 60_000, retry: false });
}

/**
 * After signing in, the interface follows the language chosen on this device (and tells the
 * server), or else adopts the person's own preferred language.
 */
async function reconcileLanguage(viewer: Viewer): Promise<Viewer> {
  const chosen = storedLanguage();
  if (chosen === null) {
    if (viewer.preferredLanguage !== currentLanguage()) await switchLanguage(viewer.preferredLanguage);
    return viewer;
  }
  if (chosen !== viewer.preferredLanguage) {
    await api.put("/auth/me/language", { preferredLanguage: chosen }).catch(() => undefined);
    return { ...viewer, preferredLanguage: chosen };
  }
  return viewer;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email: string; password: string }) => {
      const viewer = await api.post<Viewer>("/auth/sign-in", input);
      setCsrfToken(viewer.csrfToken);
      return reconcileLanguage(viewer);
    },
    onSuccess: (viewer) => {
      queryClient.clear();
      queryClient.setQueryData(VIEWER_KEY, viewer);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/auth/sign-out"),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(VIEWER_KEY, null);
    },
  });
}

/** Switches the interface language and, when someone is signed in, saves it as theirs. */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  return async (lang: Language) => {
    await switchLanguage(lang);
    const viewer = queryClient.getQueryData<Viewer | null>(VIEWER_KEY);
    if (viewer && viewer.preferredLanguage !== lang) {
      queryClient.setQueryData(VIEWER_KEY, { ...viewer, preferredLanguage: lang });
      await api.put("/auth/me/language", { preferredLanguage: lang }).catch(() => undefined);
    }
  };
}

export function hasRole(viewer: Viewer | null | undefined, role: Viewer["roles"][number]["role"]): boolean {
  return viewer?.roles.some((grant) => grant.role === role) ?? false;
}

/** Administrators manage units, people and roles (the server checks each request's scope again). */
export const isAdministrator = (viewer: Viewer | null | undefined) => hasRole(viewer, "administrator");

/** The global audit trail is for administrators and observers of the whole organization. */
export function canReadAudit(viewer: Viewer | null | undefined): boolean {
  return (
    viewer?.roles.some(
      (grant) => (grant.role === "administrator" || grant.role === "observer") && grant.unitId === null,
    ) ?? false
  );
}
