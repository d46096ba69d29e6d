import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  openSession,
  type RunningIntersect,
  type Session,
  settled,
  signInThroughForm,
} from "./harness.ts";

/** The head of SPM: the secretariat, who manages bodies and meetings. */
const SECRETARIAT = "head.spm@intersect.example";
const NEW_BODY = "Space Sustainability Task Force";
const TASK_FORCE = "Inter-Sectoral Coordination Task Force (ISC-TF)";

let session: Session | undefined;
let server: RunningIntersect;
let context: BrowserContext;
let page: Page;
/** The task force's 16th meeting, moved below. */
let meetingPath = "";

async function visit(target: Page, path: string) {
  await target.goto(`${server.baseUrl}${path}`);
  await settled(target);
}

async function chooseLanguage(lang: string) {
  await page.locator("select[name=language]").selectOption(lang);
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
}

/** Chooses a person in a search-then-select picker (`<name>Search`, then `<name>`). */
async function choosePerson(scope: Page | Locator, name: string, who: string) {
  await scope.locator(`input[name="${name}Search"]`).fill(who.split(" ").at(-1)!);
  const option = scope.locator(`select[name="${name}"] option`, { hasText: who });
  await option.first().waitFor({ state: "attached" });
  await scope
    .locator(`select[name="${name}"]`)
    .selectOption((await option.first().getAttribute("value")) ?? "");
}

/** The wrapper of one input (label, hint, input, error), found by the input's name. */
const fieldOf = (target: Page, selector: string) =>
  target.locator(".mantine-InputWrapper-root", { has: target.locator(selector) });

/** The input is marked invalid and names the server's message among what describes it. */
async function expectFieldError(target: Page, selector: string, message: string) {
  const input = target.locator(selector);
  await expect.poll(() => input.getAttribute("aria-invalid")).toBe("true");
  await fieldOf(target, selector).getByText(message).waitFor();
  const described = (await input.getAttribute("aria-describedby")) ?? "";
  const texts = await Promise.all(
    described
      .split(" ")
      .filter(Boolean)
      .map((id) => target.locator(`[id="${id}"]`).textContent()),
  );
  expect(texts.join(" ")).toContain(message);
}

const status = (target: Page, text: string) => target.getByRole("status").filter({ hasText: text }).first();
const spanishName = (target: Page) =>
  target.getByRole("group", { name: "Name of the body" }).getByRole("textbox", { name: /^Name in Spanish/ });
const alert = (target: Page, text: string) => target.getByRole("alert").filter({ hasText: text }).first();

beforeAll(async () => {
  session = await openSession();
  ({ server, context, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe("forms for coordination bodies and meetings", () => {
  it("creates a body with two categories, after the server's errors on its code", async () => {
    await visit(page, "/sign-in");
    await signInThroughForm(page, SECRETARIAT);
    // Signed in once the form has led away from itself.
    await page.waitForURL((url) => url.pathname !== "/sign-in");
    await settled(page);
    await visit(page, "/bodies");
    await page.getByRole("link", { name: "New body" }).click();
    await page.getByRole("heading", { level: 1, name: "New coordination body" }).waitFor();
    await settled(page);

    await page.locator("input[name=code]").fill("SPACE-TF");
    const names = page.getByRole("group", { name: "Name of the body" });
    await names.getByRole("textbox", { name: /^Name in English/ }).fill(NEW_BODY);
    await names
      .getByRole("textbox", { name: /^Name in French/ })
      .fill("Équipe spéciale sur la durabilité spatiale");
    await choosePerson(page, "chairPersonId", "Hélène Dubois");
    const instrument = page.locator("select[name=instrumentId] option", { hasText: "Resolution 191" });
    await instrument.first().waitFor({ state: "attached" });
    await page
      .locator("select[name=instrumentId]")
      .selectOption((await instrument.first().getAttribute("value")) ?? "");
    await page
      .getByRole("textbox", { name: /^Terms of reference in English/ })
      .fill("To coordinate the Sectors' work on the long-term sustainability of outer space activities.");

    // Two categories, the second focused as soon as it is added.
    await page.getByRole("button", { name: "Add a category" }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("name")))
      .toBe("categories.0.code");
    await page.keyboard.type("a");
    const first = page.getByRole("group", { name: "Category 1" });
    await first.getByRole("textbox", { name: /^Name in English/ }).fill("Representatives of the Bureaux");
    await page.getByRole("button", { name: "Add a category" }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("name")))
      .toBe("categories.1.code");
    await page.keyboard.type("b");
    const second = page.getByRole("group", { name: "Category 2" });
    await second.getByRole("textbox", { name: /^Name in English/ }).fill("Regional offices");
    await second.locator('select[name="categories.1.attendance"]').selectOption("observer");

    // A code in capitals: the server names the field, and nothing is created.
    await page.getByRole("button", { name: "Create the body" }).click();
    await alert(page, "The form could not be saved").waitFor();
    await expectFieldError(page, "input[name=code]", "The value is not in the expected format.");
    await expectAccessible(page, "new body with an error (en)");

    // The code of a body that exists already.
    await page.locator("input[name=code]").fill("isc-tf");
    await page.getByRole("button", { name: "Create the body" }).click();
    await expectFieldError(page, "input[name=code]", "This value is already in use.");

    await page.locator("input[name=code]").fill("space-tf");
    await page.getByRole("button", { name: "Create the body" }).click();
    await page.getByRole("heading", { level: 1, name: NEW_BODY }).waitFor();
    await status(page, `${NEW_BODY} has been created.`).waitFor();
    await settled(page);
    expect(new URL(page.url()).pathname).toBe("/bodies/space-tf");
    await page.locator(".details", { hasText: "Hélène Dubois" }).waitFor();
    await page.locator(".details", { hasText: "Resolution 191" }).waitFor();
    await page.locator(".details", { hasText: "long-term sustainability" }).waitFor();
    const categoryA = page.locator("section.body-category", { hasText: "Category a:" });
    await categoryA.getByText("Takes part as members").waitFor();
    const categoryB = page.locator("section.body-category", { hasText: "Category b:" });
    await categoryB.getByText("Takes part as observers").waitFor();
  });

  it("edits the body, and offers to reload when it was changed meanwhile (409)", async () => {
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Edit ${NEW_BODY}` }).waitFor();
    await settled(page);
    // The chair already chosen shows as chosen.
    await expect
      .poll(async () => page.locator("select[name=chairPersonId] option:checked").textContent())
      .toContain("Hélène Dubois");
    expect(await page.locator("input[name=code]").isDisabled()).toBe(true);
    await page.locator('select[name="categories.1.attendance"]').selectOption("invited_only");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: NEW_BODY }).waitFor();
    await status(page, `${NEW_BODY} has been saved.`).waitFor();
    await page
      .locator("section.body-category", { hasText: "Category b:" })
      .getByText("Attends when invited")
      .waitFor();

    // This page opens the form; another page changes the body's level and saves first.
    await visit(page, "/bodies/space-tf/edit");
    await page.getByRole("heading", { level: 1, name: `Edit ${NEW_BODY}` }).waitFor();
    const other = await context.newPage();
    await visit(other, "/bodies/space-tf/edit");
    await other.locator("select[name=level]").selectOption("membership");
    await other.getByRole("button", { name: "Save changes" }).click();
    await status(other, `${NEW_BODY} has been saved.`).waitFor();
    await other.close();

    await spanishName(page).fill("Equipo Especial sobre la Sostenibilidad Espacial");
    await page.getByRole("button", { name: "Save changes" }).click();
    await alert(page, "This record has changed").waitFor();
    await expectAccessible(page, "body form with a stale version (en)");
    await page.getByRole("button", { name: "Reload the record" }).click();
    // The form starts again from the stored body: the other page's level, none of this page's typing.
    await expect.poll(() => page.locator("select[name=level]").inputValue()).toBe("membership");
    expect(await spanishName(page).inputValue()).toBe("");
    await spanishName(page).fill("Equipo Especial sobre la Sostenibilidad Espacial");
    await page.getByRole("button", { name: "Save changes" }).click();
    await status(page, `${NEW_BODY} has been saved.`).waitFor();
    await page.locator(".details", { hasText: "Membership" }).waitFor();
  });

  it("asks before removing a category with members, and shows the server's refusal", async () => {
    await visit(page, "/bodies/isc-tf/edit");
    await page.getByRole("heading", { level: 1, name: `Edit ${TASK_FORCE}` }).waitFor();
    await settled(page);
    await page.getByRole("button", { name: "Remove category 1" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove this category?" });
    await dialog.waitFor();
    await dialog.getByText(/People holding a seat in category a today: [1-9]\d*\./).waitFor();
    await dialog.getByRole("button", { name: "Remove the category" }).click();
    await dialog.waitFor({ state: "hidden" });
    await status(page, "Category 1 has been removed from the form.").waitFor();
    await page.getByRole("button", { name: "Save changes" }).click();
    const categories = page.getByRole("group", { name: "Member categories" });
    await categories.getByText("A category still held by members cannot be removed").waitFor();
    expect(await categories.getAttribute("aria-describedby")).toBeTruthy();
    await expectAccessible(page, "task force form with a refused removal (en)");
  });

  it("moves a meeting of the task force to another day, shown in its own time zone", async () => {
    await visit(page, "/bodies/isc-tf");
    await page.locator(".meetings-table").getByRole("link", { name: "16th meeting", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "16th meeting" }).waitFor();
    await settled(page);
    meetingPath = new URL(page.url()).pathname;
    const form = page.getByRole("form", { name: "Move the meeting" });
    // The stored times, as the clocks showed them in Geneva.
    expect(await form.locator("input[name=startsAt]").inputValue()).toBe("2017-01-26T10:00");
    expect(await form.locator("select[name=timeZone]").inputValue()).toBe("Europe/Zurich");

    // An end before the start: the server refuses, beside the end.
    await form.locator("input[name=startsAt]").fill("2017-02-02T10:30");
    await form.locator("input[name=endsAt]").fill("2017-02-02T09:00");
    await form.getByRole("button", { name: "Save the new date and place" }).click();
    await expectFieldError(page, "input[name=endsAt]", "Cannot be before the start date.");
    await expectAccessible(page, "move form with an error (en)");

    await form.locator("input[name=endsAt]").fill("2017-02-02T12:00");
    await form.locator("select[name=timeZone]").selectOption("America/New_York");
    await form.locator("select[name=mode]").selectOption("remote");
    await form.locator("input[name=place]").fill("");
    await form.getByRole("button", { name: "Save the new date and place" }).click();
    await status(page, "16th meeting: the new date, time and place have been saved.").waitFor();
    const when = page.locator(".meeting-when");
    await expect.poll(() => when.textContent()).toContain("February 2, 2017");
    expect(await when.textContent()).toContain("10:30");
    expect(await when.textContent()).toContain("12:00");
    expect(await when.textContent()).toContain("Eastern Standard Time");
    expect(await when.textContent()).toContain("America/New_York");
    await page.locator(".details", { hasText: "Remote" }).waitFor();
    // The form shows the new times in the new zone.
    expect(await form.locator("input[name=startsAt]").inputValue()).toBe("2017-02-02T10:30");
  });

  it("offers to reload a meeting moved meanwhile elsewhere (409)", async () => {
    const other = await context.newPage();
    await visit(other, meetingPath);
    await other.locator("input[name=place]").fill("Geneva, Popov room");
    await other.getByRole("button", { name: "Save the new date and place" }).click();
    await status(other, "the new date, time and place have been saved").waitFor();
    await other.close();

    await page.locator("input[name=place]").fill("Geneva, Montreux room");
    await page.getByRole("button", { name: "Save the new date and place" }).click();
    await alert(page, "This record has changed").waitFor();
    await page.getByRole("button", { name: "Reload the record" }).click();
    await expect.poll(() => page.locator("input[name=place]").inputValue()).toBe("Geneva, Popov room");
    await page.locator(".details", { hasText: "Geneva, Popov room" }).waitFor();
  });

  it("keeps both forms accessible in Arabic, right to left", async () => {
    await visit(page, "/bodies/new");
    await chooseLanguage("ar");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByRole("button", { name: "إضافة فئة" }).click();
    await expectAccessible(page, "new body (ar)");

    await visit(page, meetingPath);
    await page.getByRole("form", { name: "نقل الاجتماع" }).waitFor();
    await expectAccessible(page, "meeting with the move form (ar)");
    await chooseLanguage("en");
  });
});
