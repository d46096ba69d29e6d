import { type CSSVariablesResolver, createTheme, DirectionProvider, MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ComponentType, ReactNode } from "react";
import { createBrowserRouter, Navigate, RouterProvider } from "react-router";
import { ApiError } from "./api/client.ts";
import { AnnouncerProvider } from "./components/announcer.tsx";
import { AppLayout, DirectionSync } from "./components/layout.tsx";
import { NotFoundPage } from "./components/not-found-page.tsx";
import { SignInPage } from "./modules/auth/sign-in-page.tsx";

/** Blue dark enough for white text (WCAG AA) and for links on white. */
const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 8,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans SC", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: "sm",
  focusRing: "auto",
  // Readers who ask their system for less motion get none (and tests run without transitions).
  respectReducedMotion: true,
});

/**
 * Mantine's default greys and reds for hints, errors and light/subtle buttons are below 4.5:1
 * on white; these darker shades are not (WCAG 2.1 AA, checked by axe in the browser tests).
 */
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-7)",
    ...Object.fromEntries(
      ["red", "blue", "green", "gray"].map((color) => [
        `--mantine-color-${color}-light-color`,
        `var(--mantine-color-${color}-9)`,
      ]),
    ),
  },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // Client errors (403, 404, 400) do not get better by asking again.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

/**
 * Each page's module is loaded when the page is first visited: the first page a reader opens
 * downloads the layout and that page, not the whole application (the dashboards alone bring
 * ECharts). Vite makes a chunk of each module.
 */
function page<M extends Record<K, ComponentType>, K extends string>(load: () => Promise<M>, name: K) {
  return async () => ({ Component: (await load())[name] });
}

function RoutedApp({ children }: { children: ReactNode }) {
  return <AnnouncerProvider>{children}</AnnouncerProvider>;
}

const router = createBrowserRouter([
  {
    path: "/sign-in",
    element: (
      <RoutedApp>
        <SignInPage />
      </RoutedApp>
    ),
  },
  {
    path: "/",
    element: (
      <RoutedApp>
        <AppLayout />
      </RoutedApp>
    ),
    children: [
      { index: true, element: <Navigate to="/units" replace /> },
      { path: "units", lazy: page(() => import("./modules/units/units-page.tsx"), "UnitsPage") },
      { path: "units/new", lazy: page(() => import("./modules/units/unit-form.tsx"), "UnitCreatePage") },
      { path: "units/:code", lazy: page(() => import("./modules/units/unit-page.tsx"), "UnitPage") },
      { path: "units/:code/edit", lazy: page(() => import("./modules/units/unit-form.tsx"), "UnitEditPage") },
      { path: "people", lazy: page(() => import("./modules/people/people-page.tsx"), "PeoplePage") },
      {
        path: "people/new",
        lazy: page(() => import("./modules/people/person-form.tsx"), "PersonCreatePage"),
      },
      { path: "people/:id", lazy: page(() => import("./modules/people/person-page.tsx"), "PersonPage") },
      {
        path: "people/:id/edit",
        lazy: page(() => import("./modules/people/person-form.tsx"), "PersonEditPage"),
      },
      { path: "areas", lazy: page(() => import("./modules/areas/areas-page.tsx"), "AreasPage") },
      { path: "areas/new", lazy: page(() => import("./modules/areas/area-form.tsx"), "AreaCreatePage") },
      { path: "areas/:slug", lazy: page(() => import("./modules/areas/area-page.tsx"), "AreaPage") },
      { path: "areas/:slug/edit", lazy: page(() => import("./modules/areas/area-form.tsx"), "AreaEditPage") },
      { path: "mandates", lazy: page(() => import("./modules/mandates/mandates-page.tsx"), "MandatesPage") },
      {
        path: "mandates/new",
        lazy: page(() => import("./modules/mandates/mandate-form.tsx"), "MandateCreatePage"),
      },
      {
        path: "mandates/:id",
        lazy: page(() => import("./modules/mandates/mandate-page.tsx"), "MandatePage"),
      },
      {
        path: "mandates/:id/edit",
        lazy: page(() => import("./modules/mandates/mandate-form.tsx"), "MandateEditPage"),
      },
      {
        path: "activities",
        lazy: page(() => import("./modules/activities/activities-page.tsx"), "ActivitiesPage"),
      },
      {
        path: "activities/new",
        lazy: page(() => import("./modules/activities/activity-form.tsx"), "ActivityCreatePage"),
      },
      {
        path: "activities/import",
        lazy: page(() => import("./modules/activities/activities-import-page.tsx"), "ActivitiesImportPage"),
      },
      {
        path: "activities/:id",
        lazy: page(() => import("./modules/activities/activity-page.tsx"), "ActivityPage"),
      },
      {
        path: "activities/:id/edit",
        lazy: page(() => import("./modules/activities/activity-form.tsx"), "ActivityEditPage"),
      },
      { path: "overlaps", lazy: page(() => import("./modules/overlaps/overlaps-page.tsx"), "OverlapsPage") },
      {
        path: "overlaps/:id",
        lazy: page(() => import("./modules/overlaps/overlap-page.tsx"), "OverlapPage"),
      },
      { path: "bodies", lazy: page(() => import("./modules/bodies/bodies-page.tsx"), "BodiesPage") },
      { path: "bodies/new", lazy: page(() => import("./modules/bodies/body-form.tsx"), "BodyCreatePage") },
      { path: "bodies/:code", lazy: page(() => import("./modules/bodies/body-page.tsx"), "BodyPage") },
      {
        path: "bodies/:code/edit",
        lazy: page(() => import("./modules/bodies/body-form.tsx"), "BodyEditPage"),
      },
      {
        path: "meetings/:id",
        lazy: page(() => import("./modules/meetings/meeting-page.tsx"), "MeetingPage"),
      },
      {
        path: "decisions",
        lazy: page(() => import("./modules/decisions/decisions-page.tsx"), "DecisionsPage"),
      },
      {
        path: "documents",
        lazy: page(() => import("./modules/documents/documents-page.tsx"), "DocumentsPage"),
      },
      {
        path: "documents/new",
        lazy: page(() => import("./modules/documents/document-form.tsx"), "DocumentCreatePage"),
      },
      {
        path: "documents/import",
        lazy: page(() => import("./modules/documents/documents-import-page.tsx"), "DocumentsImportPage"),
      },
      {
        path: "documents/:id",
        lazy: page(() => import("./modules/documents/document-page.tsx"), "DocumentPage"),
      },
      {
        path: "documents/:id/edit",
        lazy: page(() => import("./modules/documents/document-form.tsx"), "DocumentEditPage"),
      },
      {
        path: "coordination-issues",
        lazy: page(() => import("./modules/issues/issues-page.tsx"), "IssuesPage"),
      },
      {
        path: "coordination-issues/:id",
        lazy: page(() => import("./modules/issues/issue-page.tsx"), "IssuePage"),
      },
      {
        path: "action-items",
        lazy: page(() => import("./modules/decisions/action-items-page.tsx"), "ActionItemsPage"),
      },
      {
        path: "action-items/:id",
        lazy: page(() => import("./modules/decisions/action-item-page.tsx"), "ActionItemPage"),
      },
      {
        path: "statistics",
        lazy: page(() => import("./modules/figures/statistics-page.tsx"), "StatisticsPage"),
      },
      {
        path: "statistics/import",
        lazy: page(() => import("./modules/figures/figures-import-page.tsx"), "FiguresImportPage"),
      },
      {
        path: "statistics/metrics/new",
        lazy: page(() => import("./modules/figures/metric-form.tsx"), "MetricCreatePage"),
      },
      {
        path: "statistics/metrics/:code",
        lazy: page(() => import("./modules/figures/metric-page.tsx"), "MetricPage"),
      },
      {
        path: "statistics/metrics/:code/edit",
        lazy: page(() => import("./modules/figures/metric-form.tsx"), "MetricEditPage"),
      },
      {
        path: "statistics/figures/new",
        lazy: page(() => import("./modules/figures/figure-form.tsx"), "FigureCreatePage"),
      },
      {
        path: "statistics/figures/:id",
        lazy: page(() => import("./modules/figures/figure-page.tsx"), "FigurePage"),
      },
      {
        path: "statistics/figures/:id/edit",
        lazy: page(() => import("./modules/figures/figure-form.tsx"), "FigureEditPage"),
      },
      {
        path: "statistics/dashboards",
        lazy: page(() => import("./modules/dashboards/dashboards-page.tsx"), "DashboardsPage"),
      },
      {
        path: "statistics/dashboards/:metricCode",
        lazy: page(() => import("./modules/dashboards/metric-dashboard-page.tsx"), "MetricDashboardPage"),
      },
      {
        path: "reports/support-services",
        lazy: page(() => import("./modules/reports/support-services-page.tsx"), "SupportServicesReportPage"),
      },
      {
        path: "notifications",
        lazy: page(() => import("./modules/notifications/notifications-page.tsx"), "NotificationsPage"),
      },
      { path: "audit", lazy: page(() => import("./modules/audit/audit-page.tsx"), "AuditPage") },
      { path: "account", lazy: page(() => import("./modules/auth/account-page.tsx"), "AccountPage") },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <DirectionProvider initialDirection="ltr" detectDirection>
      <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
        <DirectionSync />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
