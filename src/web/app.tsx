import { type CSSVariablesResolver, createTheme, DirectionProvider, MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter, Navigate, RouterProvider } from "react-router";
import { ApiError } from "./api/client.ts";
import { AnnouncerProvider } from "./components/announcer.tsx";
import { AppLayout, DirectionSync } from "./components/layout.tsx";
import { NotFoundPage } from "./components/not-found-page.tsx";
import { Loading } from "./components/states.tsx";
import { ActivitiesImportPage } from "./modules/activities/activities-import-page.tsx";
import { ActivitiesPage } from "./modules/activities/activities-page.tsx";
import { ActivityCreatePage, ActivityEditPage } from "./modules/activities/activity-form.tsx";
import { ActivityPage } from "./modules/activities/activity-page.tsx";
import { AreaCreatePage, AreaEditPage } from "./modules/areas/area-form.tsx";
import { AreaPage } from "./modules/areas/area-page.tsx";
import { AreasPage } from "./modules/areas/areas-page.tsx";
import { AuditPage } from "./modules/audit/audit-page.tsx";
import { AccountPage } from "./modules/auth/account-page.tsx";
import { SignInPage } from "./modules/auth/sign-in-page.tsx";
import { BodiesPage } from "./modules/bodies/bodies-page.tsx";
import { BodyCreatePage, BodyEditPage } from "./modules/bodies/body-form.tsx";
import { BodyPage } from "./modules/bodies/body-page.tsx";
import { ActionItemPage } from "./modules/decisions/action-item-page.tsx";
import { ActionItemsPage } from "./modules/decisions/action-items-page.tsx";
import { DecisionsPage } from "./modules/decisions/decisions-page.tsx";
import { DocumentCreatePage, DocumentEditPage } from "./modules/documents/document-form.tsx";
import { DocumentPage } from "./modules/documents/document-page.tsx";
import { DocumentsPage } from "./modules/documents/documents-page.tsx";
import { DocumentsImportPage } from "./modules/documents/documents-import-page.tsx";
import { FigureCreatePage, FigureEditPage } from "./modules/figures/figure-form.tsx";
import { FigurePage } from "./modules/figures/figure-page.tsx";
import { FiguresImportPage } from "./modules/figures/figures-import-page.tsx";
import { MetricCreatePage, MetricEditPage } from "./modules/figures/metric-form.tsx";
import { MetricPage } from "./modules/figures/metric-page.tsx";
import { StatisticsPage } from "./modules/figures/statistics-page.tsx";
import { IssuePage } from "./modules/issues/issue-page.tsx";
import { IssuesPage } from "./modules/issues/issues-page.tsx";
import { MeetingPage } from "./modules/meetings/meeting-page.tsx";
import { MandateCreatePage, MandateEditPage } from "./modules/mandates/mandate-form.tsx";
import { MandatePage } from "./modules/mandates/mandate-page.tsx";
import { MandatesPage } from "./modules/mandates/mandates-page.tsx";
import { NotificationsPage } from "./modules/notifications/notifications-page.tsx";
import { OverlapPage } from "./modules/overlaps/overlap-page.tsx";
import { OverlapsPage } from "./modules/overlaps/overlaps-page.tsx";
import { PeoplePage } from "./modules/people/people-page.tsx";
import { PersonCreatePage, PersonEditPage } from "./modules/people/person-form.tsx";
import { PersonPage } from "./modules/people/person-page.tsx";
import { SupportServicesReportPage } from "./modules/reports/support-services-page.tsx";
import { UnitCreatePage, UnitEditPage } from "./modules/units/unit-form.tsx";
import { UnitPage } from "./modules/units/unit-page.tsx";
import { UnitsPage } from "./modules/units/units-page.tsx";

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

// The dashboards bring ECharts: loaded on first visit, so the rest of the app never downloads it.
const DashboardsPage = lazy(() =>
  import("./modules/dashboards/dashboards-page.tsx").then((m) => ({ default: m.DashboardsPage })),
);
const MetricDashboardPage = lazy(() =>
  import("./modules/dashboards/metric-dashboard-page.tsx").then((m) => ({ default: m.MetricDashboardPage })),
);
const lazily = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

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
      { path: "units", element: <UnitsPage /> },
      { path: "units/new", element: <UnitCreatePage /> },
      { path: "units/:code", element: <UnitPage /> },
      { path: "units/:code/edit", element: <UnitEditPage /> },
      { path: "people", element: <PeoplePage /> },
      { path: "people/new", element: <PersonCreatePage /> },
      { path: "people/:id", element: <PersonPage /> },
      { path: "people/:id/edit", element: <PersonEditPage /> },
      { path: "areas", element: <AreasPage /> },
      { path: "areas/new", element: <AreaCreatePage /> },
      { path: "areas/:slug", element: <AreaPage /> },
      { path: "areas/:slug/edit", element: <AreaEditPage /> },
      { path: "mandates", element: <MandatesPage /> },
      { path: "mandates/new", element: <MandateCreatePage /> },
      { path: "mandates/:id", element: <MandatePage /> },
      { path: "mandates/:id/edit", element: <MandateEditPage /> },
      { path: "activities", element: <ActivitiesPage /> },
      { path: "activities/new", element: <ActivityCreatePage /> },
      { path: "activities/import", element: <ActivitiesImportPage /> },
      { path: "activities/:id", element: <ActivityPage /> },
      { path: "activities/:id/edit", element: <ActivityEditPage /> },
      { path: "overlaps", element: <OverlapsPage /> },
      { path: "overlaps/:id", element: <OverlapPage /> },
      { path: "bodies", element: <BodiesPage /> },
      { path: "bodies/new", element: <BodyCreatePage /> },
      { path: "bodies/:code", element: <BodyPage /> },
      { path: "bodies/:code/edit", element: <BodyEditPage /> },
      { path: "meetings/:id", element: <MeetingPage /> },
      { path: "decisions", element: <DecisionsPage /> },
      { path: "documents", element: <DocumentsPage /> },
      { path: "documents/new", element: <DocumentCreatePage /> },
      { path: "documents/import", element: <DocumentsImportPage /> },
      { path: "documents/:id", element: <DocumentPage /> },
      { path: "documents/:id/edit", element: <DocumentEditPage /> },
      { path: "coordination-issues", element: <IssuesPage /> },
      { path: "coordination-issues/:id", element: <IssuePage /> },
      { path: "action-items", element: <ActionItemsPage /> },
      { path: "action-items/:id", element: <ActionItemPage /> },
      { path: "statistics", element: <StatisticsPage /> },
      { path: "statistics/import", element: <FiguresImportPage /> },
      { path: "statistics/metrics/new", element: <MetricCreatePage /> },
      { path: "statistics/metrics/:code", element: <MetricPage /> },
      { path: "statistics/metrics/:code/edit", element: <MetricEditPage /> },
      { path: "statistics/figures/new", element: <FigureCreatePage /> },
      { path: "statistics/figures/:id", element: <FigurePage /> },
      { path: "statistics/figures/:id/edit", element: <FigureEditPage /> },
      { path: "statistics/dashboards", element: lazily(<DashboardsPage />) },
      { path: "statistics/dashboards/:metricCode", element: lazily(<MetricDashboardPage />) },
      { path: "reports/support-services", element: <SupportServicesReportPage /> },
      { path: "notifications", element: <NotificationsPage /> },
      { path: "audit", element: <AuditPage /> },
      { path: "account", element: <AccountPage /> },
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
