import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  launchChromium,
  newReaderContext,
  type RunningIntersect,
  settled,
  signInThroughForm,
  startIntersect,
} from "./harness.ts";

/** The head of CCD: the focal point of web editing, who raises issues on it. */
const FOCAL_POINT = "head.ccd@intersect.example";
/** The Deputy Secretary-General: chair of the task force, who moves issues up and settles them. */
const CHAIR = "dsg@intersect.example";
/** The head of SPM: the secretariat, who records the decision that settles the issue. */
const SECRETARIAT = "head.spm@intersect.example";
const ISSUE_TITLE = "Two sectors edit the same web pages on radio regulations";
const DECISION_TEXT = "The task force assigns the radio regulations pages to a single editorial team.";

let server: RunningIntersect;
let browser: Browser;
const contexts: BrowserContext[] = [];
let issuePath = "";

async function visit(target: Page, path: string) {
  await target.goto(`${server.baseUrl}${path}`);
  await settled(target);
}

/** A fresh browser context signed in as one person (each role keeps its own session). */
async function signedIn(email: string): Promise<Page> {
  const context = await newReaderContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await visit(page, "/sign-in");
  await signInThroughForm(page, email);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await settled(page);
  return page;
}

async function chooseLanguage(page: Page, lang: string) {
  await page.locator("select[name=language]").selectOption(lang);
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
}

const status = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text }).first();

/** Records a decision of the task force's latest meeting through the API, as the secretariat. */
async function recordDecision(page: Page): Promise<string> {
  const request = page.context().request;
  const me = (await (await request.get(`${server.baseUrl}/api/v1/auth/me`)).json()) as { csrfToken: string };
  const headers = { "x-csrf-token": me.csrfToken };
  const body = (await (await request.get(`${server.baseUrl}/api/v1/bodies/isc-tf`)).json()) as { id: string };
  const meetings = (await (
    await request.get(`${server.baseUrl}/api/v1/meetings?bodyId=${body.id}&limit=1`)
  ).json()) as { entries: { id: string }[] };
  const response = await request.post(
    `${server.baseUrl}/api/v1/meetings/${meetings.entries[0]!.id}/decisions`,
    {
      headers,
      data: { text: { en: DECISION_TEXT }, originalLanguage: "en" },
    },
  );
  expect(response.status()).toBe(201);
  return ((await response.json()) as { number: string }).number;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startIntersect(), launchChromium()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

describe("coordination issues", () => {
  it("a focal point raises an issue on their area, which waits at the focal points' level", async () => {
    const page = await signedIn(FOCAL_POINT);
    await page.getByRole("navigation").getByRole("link", { name: "Coordination issues" }).click();
    await page.getByRole("heading", { level: 1, name: "Coordination issues" }).waitFor();
    await settled(page);
    await expectAccessible(page, "coordination issues (en)");

    const form = page.locator("form", { has: page.locator("select[name=raiseAreaSlug]") });
    // Nothing chosen: the server lists every missing field.
    await form.getByRole("button", { name: "Raise the issue" }).click();
    await form.getByRole("alert").waitFor();

    await form.locator("select[name=raiseAreaSlug]").selectOption("web-editing");
    await form.locator("select[name=originalLanguage]").selectOption("en");
    await form.locator('input[name="title.en"]').fill(ISSUE_TITLE);
    await form.locator("textarea[name=description]").fill("Pages are edited twice and diverge.");
    await form.getByRole("button", { name: "Raise the issue" }).click();

    await page.getByRole("heading", { level: 1, name: ISSUE_TITLE }).waitFor();
    await settled(page);
    issuePath = new URL(page.url()).pathname;
    expect(issuePath).toMatch(/^\/coordination-issues\/[0-9a-f-]{36}$/);
    await status(page, "The issue has been raised.").waitFor({ state: "attached" });
    await page.locator(".issue-move", { hasText: "Raised at" }).waitFor();
    // A focal point neither moves issues up nor settles them.
    expect(await page.getByRole("button", { name: "Move up one level" }).count()).toBe(0);

    await visit(page, "/coordination-issues?areaSlug=web-editing");
    const entry = page.locator(".issue-item", { hasText: ISSUE_TITLE });
    await entry.waitFor();
    await entry.getByText(/^Moves up on .+ if still unresolved$/).waitFor();
    await expectAccessible(page, "coordination issues filtered (en)");
  });

  it("the chair moves it up to the top of the ladder, then is told it can go no further", async () => {
    const page = await signedIn(CHAIR);
    // Not yet above the focal points: the chair's view does not list it.
    await visit(page, "/coordination-issues?escalated=true");
    await expect.poll(() => page.locator(".issue-item", { hasText: ISSUE_TITLE }).count()).toBe(0);

    await visit(page, issuePath);
    const escalate = page.locator("form", { has: page.locator("textarea[name=reason]") });
    // No reason: a field error, and the issue stays where it is.
    await escalate.getByRole("button", { name: "Move up one level" }).click();
    await escalate.getByRole("alert").first().waitFor();

    for (const reason of ["Needs the task force", "Needs management", "Needs the committee"]) {
      const before = await page.locator(".issue-move").count();
      await escalate.locator("textarea[name=reason]").fill(reason);
      await escalate.getByRole("button", { name: "Move up one level" }).click();
      await expect.poll(() => page.locator(".issue-move").count()).toBe(before + 1);
      await page.locator(".issue-move", { hasText: reason }).waitFor();
    }
    await page.getByText("No time limit: the top of the ladder").waitFor();
    await escalate.locator("textarea[name=reason]").fill("Still higher");
    await escalate.getByRole("button", { name: "Move up one level" }).click();
    await escalate.getByRole("alert").filter({ hasText: "The issue is at the top of the ladder" }).waitFor();
    expect(await page.locator(".issue-move").count()).toBe(4);
    await expectAccessible(page, "coordination issue (en)");

    // Now above the focal points: the chair's view lists it.
    await visit(page, "/coordination-issues?escalated=true");
    await page.locator(".issue-item", { hasText: ISSUE_TITLE }).waitFor();
    await expect.poll(() => page.getByRole("checkbox", { name: "The chair's view" }).isChecked()).toBe(true);
  });

  it("the chair settles it with a decision from the register", async () => {
    const secretariat = await signedIn(SECRETARIAT);
    const number = await recordDecision(secretariat);

    const page = await signedIn(CHAIR);
    await visit(page, issuePath);
    const resolve = page.locator("form", { has: page.locator("select[name=decisionId]") });
    await resolve.locator("input[name=decisionSearch]").fill("editorial");
    const option = resolve.locator("select[name=decisionId] option", { hasText: number });
    await option.first().waitFor({ state: "attached" });
    await resolve
      .locator("select[name=decisionId]")
      .selectOption((await option.first().getAttribute("value")) ?? "");
    await resolve.locator("textarea[name=resolution]").fill("One editorial team owns the pages.");
    await resolve.getByRole("button", { name: "Settle the issue" }).click();

    await page.locator(".issue-status", { hasText: "Resolved" }).waitFor();
    await page.getByRole("link", { name: number }).waitFor();
    await page.locator(".details", { hasText: "One editorial team owns the pages." }).waitFor();
    expect(await page.getByRole("button", { name: "Settle the issue" }).count()).toBe(0);

    await visit(page, "/coordination-issues?status=resolved");
    await page.locator(".issue-item", { hasText: ISSUE_TITLE }).waitFor();
  });

  it("reads in Arabic, right to left, without accessibility violations", async () => {
    const page = await signedIn(CHAIR);
    await visit(page, issuePath);
    await chooseLanguage(page, "ar");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByRole("heading", { level: 2, name: "التنقل في السلّم" }).waitFor();
    await expectAccessible(page, "coordination issue (ar)");
    await visit(page, "/coordination-issues");
    await page.getByRole("heading", { level: 1, name: "مسائل التنسيق" }).waitFor();
    await expectAccessible(page, "coordination issues (ar)");
  });

  it("an issue left past its level's time limit moves up on the server's hourly timer", async () => {
    const focal = await signedIn(FOCAL_POINT);
    const me = (await (await focal.context().request.get(`${server.baseUrl}/api/v1/auth/me`)).json()) as {
      csrfToken: string;
    };
    const title = "Both Bureaux publish the same accessibility checklist";
    const raised = await focal.context().request.post(`${server.baseUrl}/api/v1/coordination-issues`, {
      headers: { "x-csrf-token": me.csrfToken },
      data: { areaSlug: "web-editing", title: { en: title }, originalLanguage: "en" },
    });
    expect(raised.status()).toBe(201);
    const path = `/coordination-issues/${((await raised.json()) as { id: string }).id}`;

    const chair = await signedIn(CHAIR);
    await visit(chair, "/coordination-issues?escalated=true");
    expect(await chair.locator(".issue-item", { hasText: title }).count()).toBe(0);

    // The focal points' level allows 14 days: a tick before that changes nothing, one after moves
    // it. Sessions live by the same clock, so the chair signs in again on the later day.
    server.advanceClock(10);
    expect((await server.runHourlyDuties()).escalated).toBe(0);
    server.advanceClock(5);
    expect((await server.runHourlyDuties()).escalated).toBe(1);

    const later = await signedIn(CHAIR);
    await visit(later, "/coordination-issues?escalated=true");
    await later.locator(".issue-item", { hasText: title }).waitFor();
    await visit(later, path);
    // The chair chose Arabic in the test before; English here.
    await chooseLanguage(later, "en");
    const moved = later.locator(".issue-move[data-automatic]");
    await moved.waitFor();
    expect(await moved.innerText()).toMatch(
      /Moved from Focal points to Task force[\s\S]*Automatic \(time limit\)/,
    );
    await expectAccessible(later, "coordination issue moved up by the timer (en)");
  });
});
