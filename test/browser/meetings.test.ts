import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  openSession,
  type RunningIntersect,
  type Session,
  settled,
  signInThroughForm,
} from "./harness.ts";

/** The head of SPM: the secretariat, who manages bodies, meetings, decisions and action items. */
const SECRETARIAT = "head.spm@intersect.example";
/** The Director of BR: a member of the task force (category a) with a staff role, who reads. */
const MEMBER = "director.br@intersect.example";
const MEMBER_NAME = "Ingrid Solberg";
const TASK_FORCE = "Inter-Sectoral Coordination Task Force (ISC-TF)";
const DECISION_TEXT = "The task force approves the budget review of the space sustainability programme.";

let session: Session | undefined;
let server: RunningIntersect;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** The meeting convened below (the task force's 17th). */
let meetingPath = "";

const day = (offset: number) => {
  const date = new Date(Date.now() + offset * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

async function visit(target: Page, path: string) {
  await target.goto(`${server.baseUrl}${path}`);
  await settled(target);
}

async function signIn(target: Page, email: string) {
  await visit(target, "/sign-in");
  await signInThroughForm(target, email);
  await target.getByRole("heading", { level: 1 }).waitFor();
  await settled(target);
}

async function chooseLanguage(lang: string) {
  await page.locator("select[name=language]").selectOption(lang);
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
}

/** Chooses a person in a search-then-select picker (`<name>Search`, then `<name>`). */
async function choosePerson(scope: Page | ReturnType<Page["locator"]>, name: string, who: string) {
  await scope.locator(`input[name="${name}Search"]`).fill(who.split(" ").at(-1)!);
  const option = scope.locator(`select[name="${name}"] option`, { hasText: who });
  await option.first().waitFor({ state: "attached" });
  await scope
    .locator(`select[name="${name}"]`)
    .selectOption((await option.first().getAttribute("value")) ?? "");
}

const status = (target: Page, text: string) => target.getByRole("status").filter({ hasText: text }).first();
const agendaItems = () => page.locator(".agenda-list > li");
const yearRow = (year: number) => page.locator(`.meetings-per-year tbody tr[data-year="${year}"]`);

beforeAll(async () => {
  session = await openSession();
  ({ server, browser, context, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe("coordination bodies and meetings", () => {
  it("lists the bodies and shows the task force: members by category, statistics 8/7/1, meetings", async () => {
    await signIn(page, SECRETARIAT);
    await page.getByRole("navigation").getByRole("link", { name: "Bodies" }).click();
    await page.getByRole("heading", { level: 1, name: "Coordination bodies" }).waitFor();
    await settled(page);
    await expect.poll(() => page.locator(".bodies-table tbody tr").count()).toBe(4);
    await expectAccessible(page, "bodies (en)");

    await page.getByRole("link", { name: TASK_FORCE }).click();
    await page.getByRole("heading", { level: 1, name: TASK_FORCE }).waitFor();
    await settled(page);
    expect(new URL(page.url()).pathname).toBe("/bodies/isc-tf");
    await page.locator(".details", { hasText: "Tomás Herrera" }).waitFor();
    await page.locator(".details", { hasText: "Resolution 191" }).waitFor();
    await page.locator(".details", { hasText: "avoid internal duplication of work" }).waitFor();

    // Members grouped by category, each category with the way it takes part.
    const categoryA = page.locator("section.body-category", { hasText: "Category a:" });
    await categoryA.getByText("Takes part as members").waitFor();
    expect(await categoryA.locator(".members-table tbody tr").count()).toBe(4);
    await categoryA.getByRole("link", { name: MEMBER_NAME }).waitFor();
    const categoryE = page.locator("section.body-category", { hasText: "Category e:" });
    await categoryE.getByText("Takes part as observers").waitFor();
    const categoryF = page.locator("section.body-category", { hasText: "Category f:" });
    await categoryF.getByText("Attends when invited").waitFor();
    await categoryF.getByText("No one holds a seat in this category.").waitFor();

    // Meetings per year as the seed counts them: 8 in 2015, 7 in 2016, 1 in 2017.
    await yearRow(2015).waitFor();
    expect(await yearRow(2015).locator(".meeting-count").textContent()).toBe("8");
    expect(await yearRow(2016).locator(".meeting-count").textContent()).toBe("7");
    expect(await yearRow(2017).locator(".meeting-count").textContent()).toBe("1");
    expect(await page.locator(".meetings-per-year tfoot .meeting-count").textContent()).toBe("16");
    expect(await yearRow(2016).locator(".remote-share").textContent()).toMatch(/^\d+%$/);
    await page
      .locator(".attendance-by-category th", { hasText: "Category c: Regional Directors" })
      .first()
      .waitFor();

    // The meetings, latest first, linked and named by their place in the series.
    await expect.poll(() => page.locator(".meetings-table tbody tr").count()).toBe(16);
    const latest = page.locator(".meetings-table tbody tr").first();
    expect(await latest.getByRole("link").textContent()).toBe("16th meeting");
    expect(await latest.textContent()).toContain("Held");
    await page.locator(".meetings-table").getByRole("link", { name: "1st meeting", exact: true }).waitFor();
    await page.locator(".meetings-table").getByRole("link", { name: "2nd meeting", exact: true }).waitFor();
    await page.locator(".meetings-table").getByRole("link", { name: "3rd meeting", exact: true }).waitFor();
    await expectAccessible(page, "task force (en)");
  });

  it("shows a meeting in the zone it was held in, with its participants", async () => {
    await page.locator(".meetings-table").getByRole("link", { name: "16th meeting", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "16th meeting" }).waitFor();
    await settled(page);
    const when = page.locator(".meeting-when");
    // 26 January 2017, 10:00 in Geneva, whatever the reader's zone.
    await expect.poll(() => when.textContent()).toContain("January 26, 2017");
    expect(await when.textContent()).toContain("10:00");
    expect(await when.textContent()).toContain("Central European Standard Time");
    expect(await when.textContent()).toContain("Europe/Zurich");
    await page.locator(".details", { hasText: "Hybrid" }).waitFor();
    await page.locator(".details", { hasText: "Geneva, ITU headquarters" }).waitFor();
    const ingrid = page.getByRole("radiogroup", { name: MEMBER_NAME });
    await ingrid.waitFor();
    expect(await page.locator(".attendance-group").count()).toBe(19);
    await expectAccessible(page, "16th meeting (en)");
  });

  it("convenes a meeting and prepares its agenda, with minutes", async () => {
    await visit(page, "/bodies/isc-tf");
    const form = page.getByRole("form", { name: "Convene a meeting" });
    await form.getByRole("button", { name: "Convene the meeting" }).click();
    await form.getByText("Give the date and time the meeting starts.").waitFor();
    expect(await form.locator("input[name=startsAt]").getAttribute("aria-invalid")).toBe("true");

    await form.locator("input[name=startsAt]").fill("2027-03-11T10:00");
    await form.locator("input[name=endsAt]").fill("2027-03-11T12:30");
    expect(await form.locator("select[name=timeZone]").inputValue()).toBe("Europe/Zurich");
    await form.locator("select[name=mode]").selectOption("hybrid");
    await form.locator("input[name=place]").fill("Geneva, Popov room");
    await form.getByRole("button", { name: "Convene the meeting" }).click();
    await page.getByRole("heading", { level: 1, name: "17th meeting" }).waitFor();
    await status(page, "17th meeting convened; people invited: 19.").waitFor();
    await settled(page);
    meetingPath = new URL(page.url()).pathname;
    expect(meetingPath).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
    const when = await page.locator(".meeting-when").textContent();
    expect(when).toContain("March 11, 2027");
    expect(when).toContain("10:00");
    expect(when).toContain("12:30");
    expect(when).toContain("Central European Standard Time");
    await page.locator(".details", { hasText: "Planned" }).waitFor();
    await page.getByText("The agenda is empty.").waitFor();

    const add = page.getByRole("form", { name: "Add an agenda item" });
    await add.getByRole("textbox", { name: /^Title in English/ }).fill("Budget review");
    await add.getByRole("button", { name: "Add to the agenda" }).click();
    await status(page, "Budget review has been added to the agenda as item 1.").waitFor();
    await add.getByRole("textbox", { name: /^Title in English/ }).fill("Space debris coordination");
    await add.getByRole("textbox", { name: /^Title in French/ }).fill("Coordination sur les débris spatiaux");
    await add.locator("select[name=kind]").selectOption("document");
    await add.locator("input[name=documentSymbol]").fill("ISC-TF/17/2");
    await add.getByRole("button", { name: "Add to the agenda" }).click();
    await status(page, "Space debris coordination has been added to the agenda as item 2.").waitFor();
    await expect.poll(() => agendaItems().count()).toBe(2);
    expect(await agendaItems().nth(0).getByRole("heading", { level: 3 }).textContent()).toBe(
      "Item 1. Budget review",
    );
    expect(await agendaItems().nth(1).textContent()).toContain("Document ISC-TF/17/2");

    // Minutes, from the keyboard: the toggle opens the form with focus in it.
    const first = agendaItems().nth(0);
    await first.getByRole("button", { name: "Edit the minutes" }).focus();
    await page.keyboard.press("Enter");
    const minutes = first.getByRole("form", { name: "Minutes of Budget review" });
    await minutes.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("minutes");
    await page.keyboard.type("The secretariat presented the figures for 2027.");
    await expectAccessible(page, "meeting with the minutes form (en)");
    await minutes.getByRole("button", { name: "Save the minutes" }).click();
    await status(page, "The minutes of Budget review have been saved.").waitFor();
    await first.locator(".minutes-text", { hasText: "The secretariat presented the figures" }).waitFor();
    // Focus returns to the button that opened the form.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Edit the minutes");
  });

  it("records attendance, and offers to reload when someone changed the meeting meanwhile (409)", async () => {
    const ingrid = page.getByRole("radiogroup", { name: MEMBER_NAME });
    await ingrid.getByRole("radio", { name: "Remote" }).check();
    await page
      .getByRole("radiogroup", { name: "Hélène Dubois" })
      .getByRole("radio", { name: "In person" })
      .check();
    await page
      .getByRole("radiogroup", { name: "Samuel Osei" })
      .getByRole("radio", { name: "Apologies" })
      .check();
    await page.getByRole("button", { name: "Save attendance" }).click();
    await status(page, "Attendance has been recorded.").waitFor();
    await page.locator(".details", { hasText: "19 invited, 2 attended" }).waitFor();

    // Someone else invites the Secretary-General as a guest while this page is open.
    const other = await context.newPage();
    await visit(other, meetingPath);
    const invite = other.getByRole("form", { name: "Invite people" });
    await invite.locator("input[name=inviteSearch]").fill("Diallo");
    await invite.getByRole("button", { name: "Add Amina Diallo to the people to invite" }).click();
    await invite.getByRole("list", { name: "People to invite" }).getByText("Amina Diallo").waitFor();
    await invite.getByRole("button", { name: "Invite", exact: true }).click();
    await status(other, "Invited: Amina Diallo.").waitFor();
    await other.getByRole("radiogroup", { name: "Amina Diallo" }).waitFor();
    await other.close();

    // This page still holds the version before the invitation: nothing is saved, reloading is offered.
    await page
      .getByRole("radiogroup", { name: "Omar Haddad" })
      .getByRole("radio", { name: "Absent" })
      .check();
    await page.getByRole("button", { name: "Save attendance" }).click();
    await page.getByRole("alert").filter({ hasText: "This record has changed" }).waitFor();
    await expectAccessible(page, "attendance with a stale version (en)");
    await page.getByRole("button", { name: "Reload the record" }).click();
    const guest = page.getByRole("radiogroup", { name: "Amina Diallo" });
    await guest.waitFor();
    // Described by their category, or as a guest.
    expect(await page.locator(".attendance-group", { hasText: "Amina Diallo" }).textContent()).toContain(
      "Guest (invited)",
    );
    // What was saved before the conflict is still there; what was not, is not.
    expect(
      await page
        .getByRole("radiogroup", { name: MEMBER_NAME })
        .getByRole("radio", { name: "Remote" })
        .isChecked(),
    ).toBe(true);
    expect(
      await page
        .getByRole("radiogroup", { name: "Omar Haddad" })
        .getByRole("radio", { name: "Absent" })
        .isChecked(),
    ).toBe(false);
    await guest.getByRole("radio", { name: "In person" }).check();
    await page
      .getByRole("radiogroup", { name: "Omar Haddad" })
      .getByRole("radio", { name: "Absent" })
      .check();
    await page.getByRole("button", { name: "Save attendance" }).click();
    await status(page, "Attendance has been recorded.").waitFor();
    await page.locator(".details", { hasText: "20 invited, 3 attended" }).waitFor();
    // The meeting's history names the people whose attendance changed, and the guest invited.
    const latest = page.locator(".history > li").first();
    await expect.poll(() => latest.textContent()).toContain("Attendance recorded");
    expect(await latest.textContent()).toMatch(/Omar Haddad: before:not recorded → after:Absent/);
    await page.locator(".history > li", { hasText: "Amina Diallo: invited" }).waitFor();
  });

  it("records a decision on an agenda item and turns the item into action items in one step", async () => {
    const first = agendaItems().nth(0);
    await first.getByRole("button", { name: "Record a decision" }).click();
    const decisionForm = first.getByRole("form", { name: "Record a decision on Budget review" });
    await decisionForm.getByLabel("Text of the decision").fill(DECISION_TEXT);
    await decisionForm.getByRole("button", { name: "Record the decision" }).click();
    await status(page, "Decision ISC-TF/17/1 has been recorded.").waitFor();
    const decisions = page.locator(".decision-list > li");
    await expect.poll(() => decisions.count()).toBe(1);
    expect(await decisions.first().textContent()).toContain("ISC-TF/17/1");
    expect(await decisions.first().textContent()).toContain(DECISION_TEXT);
    await first.locator(".agenda-decisions", { hasText: "ISC-TF/17/1" }).waitFor();

    await first.getByRole("button", { name: "Turn into action items" }).click();
    const actions = first.getByRole("form", { name: "Action items from Budget review" });
    await actions.waitFor();
    await actions.locator('input[name="items.0.title"]').fill("Draft the budget note");
    await choosePerson(page, "items.0.ownerPersonId", MEMBER_NAME);
    // The owner's unit follows the person chosen.
    await expect
      .poll(() => actions.locator('select[name="items.0.ownerUnitCode"]').inputValue())
      .not.toBe("");
    await actions.locator('select[name="items.0.ownerUnitCode"]').selectOption("BR");
    // Past due already, so it shows as overdue.
    await actions.locator('input[name="items.0.dueDate"]').fill(day(-3));
    await actions.getByRole("button", { name: "Add another action" }).click();
    await actions.locator('input[name="items.1.title"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("items.1.title");
    await actions.locator('input[name="items.1.title"]').fill("Consult the Sectors");
    await choosePerson(page, "items.1.ownerPersonId", "Hélène Dubois");
    await actions.locator('select[name="items.1.ownerUnitCode"]').selectOption("SPM");
    // The second due date is missing: nothing is created, and the field says why.
    await actions.getByRole("button", { name: "Create the action items (2)" }).click();
    await actions.getByRole("alert").filter({ hasText: "could not be saved" }).waitFor();
    expect(await actions.locator('input[name="items.1.dueDate"]').getAttribute("aria-invalid")).toBe("true");
    expect(await actions.locator('input[name="items.0.dueDate"]').getAttribute("aria-invalid")).not.toBe(
      "true",
    );
    await page.getByText("No action items from this meeting yet.").waitFor();
    await expectAccessible(page, "action items form with errors (en)");

    await actions.locator('input[name="items.1.dueDate"]').fill(day(30));
    await actions.getByRole("button", { name: "Create the action items (2)" }).click();
    await status(page, "Action items created: 2. Their owners have been notified.").waitFor();
    const rows = page.locator("section[aria-labelledby=meeting-action-items] .action-items-table tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    const overdue = rows.filter({ hasText: "Draft the budget note" });
    expect(await overdue.textContent()).toContain("Overdue");
    expect(await overdue.textContent()).toContain(MEMBER_NAME);
    expect(await rows.filter({ hasText: "Consult the Sectors" }).textContent()).not.toContain("Overdue");
    await expectAccessible(page, "17th meeting prepared (en)");
  });

  it("turns a decision into action items too", async () => {
    const decision = page.locator(".decision-list > li").first();
    await decision.getByRole("button", { name: "Turn into action items" }).click();
    const actions = page.getByRole("form", { name: "Action items from decision ISC-TF/17/1" });
    await actions.locator('input[name="items.0.title"]').fill("Publish the decision on the intranet");
    await choosePerson(page, "items.0.ownerPersonId", "Hélène Dubois");
    await actions.locator('select[name="items.0.ownerUnitCode"]').selectOption("SPM");
    await actions.locator('input[name="items.0.dueDate"]').fill(day(10));
    await actions.getByRole("button", { name: "Create the action items (1)" }).click();
    await status(page, "Action items created: 1.").waitFor();
    const rows = page.locator("section[aria-labelledby=meeting-action-items] .action-items-table tbody tr");
    await expect.poll(() => rows.count()).toBe(3);
  });

  it("searches the decision register by word and by body", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Decisions" }).click();
    await page.getByRole("heading", { level: 1, name: "Decision register" }).waitFor();
    await settled(page);
    const entries = page.locator(".decision-register > li");
    await expect.poll(() => entries.count()).toBe(1);
    await page.locator("input[name=q]").fill("sustainability budget");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("sustainability budget");
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().textContent()).toContain("ISC-TF/17/1");
    expect(await entries.first().textContent()).toContain("17th meeting");
    await page.locator("input[name=q]").fill("interpretation");
    await page.getByText("No decision matches this search.").waitFor();
    await page.locator("input[name=q]").fill("");
    await page.locator("select[name=bodyId]").selectOption({ label: "Coordination Committee" });
    await page.getByText("No decision matches this search.").waitFor();
    await page.locator("select[name=bodyId]").selectOption({ label: TASK_FORCE });
    await expect.poll(() => entries.count()).toBe(1);
    await expectAccessible(page, "decision register (en)");
    await entries.first().getByRole("link", { name: "ISC-TF/17/1" }).click();
    await page.getByRole("heading", { level: 1, name: "17th meeting" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(meetingPath);
  });

  it("lists the action items, soonest due first, with overdue ones flagged in words", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Action items" }).click();
    await page.getByRole("heading", { level: 1, name: "Action items" }).waitFor();
    await settled(page);
    const rows = page.locator(".action-items-table tbody tr");
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain("Draft the budget note");
    await page.getByText("Action items shown: 3, overdue among them: 1").waitFor();

    await page.locator("select[name=overdue]").selectOption("true");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator(".overdue-flag").textContent()).toContain("Overdue");
    await page.locator("select[name=overdue]").selectOption("");
    await expect.poll(() => rows.count()).toBe(3);
    // Mine: the secretariat's head owns the other two.
    await page.getByLabel("Only the items I own").check();
    await expect.poll(() => rows.count()).toBe(2);
    await page.locator("select[name=status]").selectOption("done");
    await page.getByText("No action items match these filters.").waitFor();
    await page.locator("select[name=status]").selectOption("");
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByLabel("Only the items I own").uncheck();
    await expect.poll(() => rows.count()).toBe(3);
    await expectAccessible(page, "action items (en)");

    // The owner of the overdue item is reminded now rather than at the next hourly round.
    await page.getByRole("button", { name: "Remind the owners of overdue items" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /Owners reminded of overdue items: \d/ })
      .waitFor();
  });

  it("lets the owner report progress on their action item, and tells them it was assigned", async () => {
    const owner = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    owner.setDefaultTimeout(10_000);
    const mine = await owner.newPage();
    try {
      await signIn(mine, MEMBER);
      // A member of the task force reads bodies and meetings but manages none of them.
      await visit(mine, meetingPath);
      await mine.getByRole("heading", { level: 1, name: "17th meeting" }).waitFor();
      await mine
        .locator(".participants-table tbody tr", { hasText: MEMBER_NAME })
        .getByText("Remote")
        .waitFor();
      expect(await mine.getByRole("button", { name: "Save attendance" }).count()).toBe(0);
      expect(await mine.getByRole("button", { name: "Turn into action items" }).count()).toBe(0);
      await expectAccessible(mine, "17th meeting read by a member (en)");

      await visit(mine, "/notifications");
      await mine.getByText("Action items have been assigned to you.").first().waitFor();
      await mine
        .getByText(/An action item of yours was due on .+ and is not done yet\./)
        .first()
        .waitFor();
      await mine.getByRole("link", { name: "Draft the budget note" }).first().click();
      await mine.getByRole("heading", { level: 1, name: "Draft the budget note" }).waitFor();
      await settled(mine);
      await mine.locator(".details .overdue-flag").waitFor();
      expect(await mine.getByRole("heading", { level: 2, name: "Change the action item" }).count()).toBe(0);
      const progress = mine.getByRole("form", { name: "Report progress" });
      await progress.getByRole("button", { name: "Save the progress" }).click();
      await progress.getByText("Change the status or write a note.").waitFor();
      await progress.locator("select[name=status]").selectOption("in_progress");
      await progress.getByLabel("Note").fill("First draft shared with the Bureaux.");
      await progress.getByRole("button", { name: "Save the progress" }).click();
      await status(mine, "The progress has been recorded.").waitFor();
      await mine.locator(".action-notes li", { hasText: "First draft shared with the Bureaux." }).waitFor();
      expect(await mine.locator(".action-notes li").first().textContent()).toContain(MEMBER_NAME);
      await mine.locator(".details .action-status", { hasText: "In progress" }).waitFor();
      await expectAccessible(mine, "action item reported by its owner (en)");
    } finally {
      await owner.close();
    }

    // The secretariat sees the progress, and may change the due date too.
    await visit(page, "/action-items?overdue=true");
    await page.getByRole("link", { name: "Draft the budget note" }).click();
    await page.getByRole("heading", { level: 1, name: "Draft the budget note" }).waitFor();
    await settled(page);
    await page.locator(".action-notes li", { hasText: "First draft shared" }).waitFor();
    await page.locator("input[name=dueDate]").fill(day(14));
    await page.getByRole("button", { name: "Save changes" }).click();
    await status(page, "Draft the budget note has been saved.").waitFor();
    await expect.poll(() => page.locator(".details .overdue-flag").count()).toBe(0);
    await expectAccessible(page, "action item edited by the secretariat (en)");
  });

  it("seats a member of the task force, then ends the seat after confirmation", async () => {
    await visit(page, "/bodies/isc-tf");
    const form = page.getByRole("form", { name: "Seat a member" });
    await choosePerson(page, "personId", "Amina Diallo");
    await form.locator("select[name=category]").selectOption("f");
    await form.getByRole("button", { name: "Seat the member" }).click();
    await status(page, "Amina Diallo now holds a seat in category f.").waitFor();
    const categoryF = page.locator("section.body-category", { hasText: "Category f:" });
    const row = categoryF.locator(".members-table tbody tr", { hasText: "Amina Diallo" });
    await row.waitFor();

    await row.getByRole("button", { name: "End the seat of Amina Diallo" }).click();
    const dialog = page.getByRole("dialog", { name: "End this seat?" });
    await dialog.waitFor();
    await dialog.getByLabel("Last day of the seat").fill(day(7));
    await expectAccessible(page, "end seat confirmation (en)");
    await dialog.getByRole("button", { name: "End seat" }).click();
    await dialog.waitFor({ state: "hidden" });
    await status(page, "The seat of Amina Diallo has been ended.").waitFor();
    const latest = page.locator("section[aria-labelledby=body-history] .history > li").first();
    await expect.poll(() => latest.textContent()).toContain("Seat ended");
    expect(await latest.textContent()).toContain("Seat of Amina Diallo (category f)");
  });

  it("keeps the bodies, meetings, decisions and action items accessible in Arabic", async () => {
    await visit(page, "/bodies");
    await chooseLanguage("ar");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByRole("heading", { level: 1, name: "هيئات التنسيق" }).waitFor();
    await expectAccessible(page, "bodies (ar)");

    await visit(page, "/bodies/isc-tf");
    await yearRow(2015).waitFor();
    expect(await yearRow(2015).locator(".meeting-count").textContent()).toMatch(/^(8|٨)$/);
    await page.locator(".meetings-table").getByRole("link", { name: "الاجتماع السادس عشر" }).waitFor();
    await expectAccessible(page, "task force (ar)");

    await visit(page, meetingPath);
    await page.getByRole("heading", { level: 1, name: "الاجتماع السابع عشر" }).waitFor();
    await settled(page);
    await agendaItems().first().waitFor();
    await expectAccessible(page, "17th meeting (ar)");

    for (const path of ["/decisions", "/action-items", "/notifications?show=all"]) {
      await visit(page, path);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
      await expectAccessible(page, `${path} (ar)`);
    }
    await chooseLanguage("en");
  });
});
