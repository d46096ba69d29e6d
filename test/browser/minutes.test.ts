import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_PASSWORD,
  expectAccessible,
  launchChromium,
  newReaderContext,
  type RunningIntersect,
  settled,
  startIntersect,
} from "./harness.ts";

/** The Deputy Secretary-General chairs the task force and approves its minutes. */
const CHAIR = "dsg@intersect.example";
/** The head of SPM: the secretariat, who opens a new revision of approved minutes. */
const SECRETARIAT = "head.spm@intersect.example";
/** The head of CCD is the focal point of the area "web-editing". */
const FOCAL_POINT = "head.ccd@intersect.example";

let server: RunningIntersect;
let browser: Browser;
const contexts: BrowserContext[] = [];
let meetingId = "";
let bodyId = "";

async function visit(page: Page, path: string) {
  await page.goto(`${server.baseUrl}${path}`);
  await settled(page);
}

/** A browser of its own for one person, signed in through the API (the cookie is the context's). */
async function signedIn(email: string): Promise<Page> {
  const context = await newReaderContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  const answer = await page.request.post(`${server.baseUrl}/api/v1/auth/sign-in`, {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(answer.status()).toBe(200);
  return page;
}

/** A write through the API as the person signed in on the page (with the session's CSRF token). */
async function write(page: Page, method: "POST" | "PATCH", path: string, data: unknown) {
  const me = (await (await page.request.get(`${server.baseUrl}/api/v1/auth/me`)).json()) as {
    csrfToken: string;
  };
  return page.request.fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    data,
    headers: { "x-csrf-token": me.csrfToken },
  });
}

const minutesSummary = (page: Page) => page.locator(".minutes-status .minutes-summary");
const areaItem = (page: Page) => page.locator(".agenda-list > li", { hasText: "Progress on web editing" });

beforeAll(async () => {
  [server, browser] = await Promise.all([startIntersect(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("minutes approval, focal points' reports and calendar feeds", () => {
  it("puts the area web-editing on the agenda of the task force's latest meeting", async () => {
    const page = await signedIn(SECRETARIAT);
    const body = (await (await page.request.get(`${server.baseUrl}/api/v1/bodies/isc-tf`)).json()) as {
      id: string;
    };
    bodyId = body.id;
    const meetings = (await (
      await page.request.get(`${server.baseUrl}/api/v1/meetings?bodyId=${bodyId}`)
    ).json()) as { entries: { id: string }[] };
    meetingId = meetings.entries[0]!.id;
    const added = await write(page, "POST", `/meetings/${meetingId}/agenda`, {
      title: { en: "Progress on web editing" },
      originalLanguage: "en",
      kind: "area",
      areaSlug: "web-editing",
      documentSymbol: null,
    });
    expect(added.status()).toBe(201);
  });

  it("lets the chair approve the minutes, and shows the meeting's invitation link", async () => {
    const page = await signedIn(CHAIR);
    await visit(page, `/meetings/${meetingId}`);
    await expect.poll(() => minutesSummary(page).textContent()).toMatch(/^draft, revision \d+$/);
    const href = await page.locator("a.invitation-link").getAttribute("href");
    expect(href).toBe(`/api/v1/meetings/${meetingId}/invitation.ics`);
    const invitation = await page.request.get(`${server.baseUrl}${href}`);
    expect(invitation.headers()["content-type"]).toContain("text/calendar");

    await page.getByRole("button", { name: "Approve minutes" }).click();
    await expect.poll(() => minutesSummary(page).textContent()).toMatch(/^approved on .+ \(revision \d+\)$/);
    await expect.poll(() => page.getByRole("button", { name: "Approve minutes" }).count()).toBe(0);
    await expectAccessible(page, "meeting with approved minutes (en)");

    // The approved minutes, printable in the interface language.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Minutes as PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^minutes-isc-tf-\d+-en\.pdf$/);
    const pdf = await page.request.get(`${server.baseUrl}/api/v1/meetings/${meetingId}/minutes.pdf?lang=en`);
    expect((await pdf.body()).subarray(0, 4).toString()).toBe("%PDF");
    const document = await (
      await page.request.get(`${server.baseUrl}/api/v1/meetings/${meetingId}/minutes?lang=en`)
    ).json();
    expect(document.blocks[0].runs[0].text).toMatch(/^Minutes approved by the chair on /);
  });

  it("disables editing approved minutes, and lets the secretariat open a new revision", async () => {
    const page = await signedIn(SECRETARIAT);
    await visit(page, `/meetings/${meetingId}`);
    await page.locator(".minutes-locked", { hasText: "The minutes are approved" }).waitFor();
    const edit = page.getByRole("button", { name: "Edit the minutes" }).first();
    await expect.poll(() => edit.isDisabled()).toBe(true);

    // The server refuses too, saying why.
    const agenda = (await (
      await page.request.get(`${server.baseUrl}/api/v1/meetings/${meetingId}/agenda`)
    ).json()) as { entries: { id: string; version: number }[] };
    const item = agenda.entries[0]!;
    const refused = await write(page, "PATCH", `/agenda-items/${item.id}`, {
      minutes: { en: "Late change" },
      version: item.version,
    });
    expect(refused.status()).toBe(422);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("invalid_transition");

    const before = (await minutesSummary(page).textContent()) ?? "";
    const revision = Number(/revision (\d+)/.exec(before)?.[1]);
    await page.getByRole("button", { name: "Open a new revision" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Reason for the revision").fill("The chair asked to correct item 2.");
    await expectAccessible(page, "new revision dialog (en)");
    await dialog.getByRole("button", { name: "Open a new revision" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => minutesSummary(page).textContent()).toBe(`draft, revision ${revision + 1}`);
    await expect.poll(() => edit.isDisabled()).toBe(false);
    await expect.poll(() => page.locator(".minutes-locked").count()).toBe(0);
  });

  it("lets a focal point file and then revise a report on their area, in English and Arabic", async () => {
    const page = await signedIn(FOCAL_POINT);
    await visit(page, `/meetings/${meetingId}`);
    const item = areaItem(page);
    await item.getByText("No focal point has filed a report yet.").waitFor();
    await item.getByRole("button", { name: "File my report" }).click();
    await item.locator("textarea[name=progress]").fill("The style guide for web editors is drafted.");
    await item.locator("textarea[name=issues]").fill("Two Sectors still publish without review.");
    await item.locator("textarea[name=nextSteps]").fill("Train the editors in March.");
    await item.getByRole("button", { name: "File the report" }).click();
    const report = item.locator(".area-report");
    await report.getByText("The style guide for web editors is drafted.").waitFor();
    expect(await report.locator(".report-text").first().getAttribute("lang")).toBe("en");
    await expectAccessible(page, "meeting with a focal point's report (en)");

    // Revising sends the version read; the form opens with the report as filed.
    await item.getByRole("button", { name: "Revise my report" }).click();
    const progress = item.locator("textarea[name=progress]");
    expect(await progress.inputValue()).toBe("The style guide for web editors is drafted.");
    await progress.fill("The style guide for web editors is adopted.");
    await item.getByRole("button", { name: "Save the revised report" }).click();
    await report.getByText("The style guide for web editors is adopted.").waitFor();
    expect(await report.count()).toBe(1);

    // A second report with no version is a conflict the form reports.
    const stale = await write(page, "POST", `/meetings/${meetingId}/reports`, {
      areaSlug: "web-editing",
      language: "en",
      progress: "Again",
    });
    expect(stale.status()).toBe(409);

    await page.locator("select[name=language]").selectOption("ar");
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    await item.getByRole("button", { name: "تنقيح تقريري" }).waitFor();
    await expectAccessible(page, "meeting with a focal point's report (ar)");
    await page.locator("select[name=language]").selectOption("en");
    await page.waitForFunction(() => document.documentElement.lang === "en");
  });

  it("does not offer the report form to someone who is not a focal point of the area", async () => {
    const page = await signedIn(CHAIR);
    await visit(page, `/meetings/${meetingId}`);
    await areaItem(page).locator(".area-report").first().waitFor();
    expect(
      await areaItem(page)
        .getByRole("button", { name: /my report/ })
        .count(),
    ).toBe(0);
    const refused = await write(page, "POST", `/meetings/${meetingId}/reports`, {
      areaSlug: "web-editing",
      language: "en",
      progress: "Not mine to file",
    });
    expect(refused.status()).toBe(403);
  });

  it("creates a calendar token whose feed address works until it is revoked", async () => {
    const page = await signedIn(FOCAL_POINT);
    await visit(page, `/bodies/isc-tf`);
    expect(await page.locator("a.body-calendar-link").getAttribute("href")).toBe(
      `/api/v1/bodies/${bodyId}/calendar.ics`,
    );

    await visit(page, "/account");
    await page.getByLabel("Calendar token name").fill("Office phone");
    await page.getByRole("button", { name: "Create calendar token" }).click();
    const url = (await page.getByTestId("feed-url").textContent()) ?? "";
    expect(url).toMatch(/\/api\/v1\/people\/[0-9a-f-]{36}\/calendar\.ics\?token=isc_/);
    await expectAccessible(page, "account with a calendar feed (en)");

    // A calendar program sends no cookie: the token in the address is enough.
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");

    await page.getByRole("button", { name: "I have saved it" }).click();
    const row = page.locator(".calendar-tokens tbody tr", { hasText: "Office phone" });
    await row.getByRole("button", { name: "Revoke the token Office phone" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Revoke this calendar token?").waitFor();
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await dialog.waitFor({ state: "hidden" });
    await row.getByText(/^Revoked on/).waitFor();
    expect((await fetch(url)).status).toBeGreaterThanOrEqual(400);

    await page.locator("select[name=language]").selectOption("ar");
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    await page.getByRole("heading", { name: "موجز التقويم" }).waitFor();
    await expectAccessible(page, "account with calendar tokens (ar)");
  });
});
