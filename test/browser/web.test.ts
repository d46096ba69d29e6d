import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  expectAccessible,
  openSession,
  type RunningIntersect,
  type Session,
  settled,
  signInThroughForm,
} from "./harness.ts";

let session: Session | undefined;
let server: RunningIntersect;
let browser: Browser;
let page: Page;

/** Pages checked with axe in each language, once a unit and a person exist. */
const pages: { name: string; path: () => string }[] = [];
let createdUnitPath = "";
let createdPersonPath = "";

async function visit(path: string) {
  await page.goto(`${server.baseUrl}${path}`);
  await settled(page);
}

async function nav(name: string) {
  await page.getByRole("navigation").getByRole("link", { name }).click();
}

async function chooseLanguage(target: Page, lang: string) {
  await target.locator("select[name=language]").selectOption(lang);
  await target.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
}

beforeAll(async () => {
  session = await openSession();
  ({ server, browser, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe("the web app", () => {
  it("refuses a wrong password with an accessible error, then signs the administrator in", async () => {
    await visit("/units");
    await expect.poll(() => page.url()).toContain("/sign-in");
    await expectAccessible(page, "sign-in (en)");

    await signInThroughForm(page, DEMO_ADMIN, "not-the-password", { refused: true });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/\S/);
    expect(await page.locator("input[name=password]").getAttribute("aria-invalid")).toBe("true");

    await page.locator("input[name=password]").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Organization" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/units");
  });

  it("shows the unit tree, expandable from the keyboard", async () => {
    await settled(page);
    await expect.poll(() => page.title()).toBe("Organization · Intersect");
    const tree = page.getByRole("list", { name: "Units of the organization" });
    await tree.getByRole("link", { name: "International Telecommunication Union" }).waitFor();
    const toggle = page.getByRole("button", { name: "Sub-units of ITU-R" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await toggle.focus();
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await tree.getByRole("link", { name: "Radiocommunication Bureau" }).isVisible()).toBe(false);
    await page.keyboard.press("Space");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await expectAccessible(page, "organization (en)");
  });

  it("shows a unit with its names, people and history", async () => {
    await page.getByRole("link", { name: "Radiocommunication Bureau" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Radiocommunication Bureau" }).waitFor();
    await settled(page);
    await page.getByRole("link", { name: "Ingrid Solberg" }).waitFor();
    await page.getByRole("heading", { name: "History" }).waitFor();
    await page.locator(".history-entry").first().waitFor();
    await expectAccessible(page, "unit detail (en)");
  });

  it("creates a unit through the form, showing each field's error first", async () => {
    await nav("Organization");
    await page.getByRole("link", { name: "New unit" }).click();
    await page.getByRole("heading", { level: 1, name: "New unit" }).waitFor();
    await page.getByRole("button", { name: "Create the unit" }).click();
    await page.getByRole("alert").waitFor();
    const code = page.locator("input[name=code]");
    expect(await code.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "unit form with errors (en)");

    await code.fill("TF-WEB");
    await page.locator("select[name=kind]").selectOption("division");
    await page.locator("select[name=parentCode]").selectOption("SPM");
    await page.locator("select[name=originalLanguage]").selectOption("en");
    await page.getByRole("textbox", { name: /^Name in English/ }).fill("Web Task Force");
    await page.getByRole("button", { name: "Create the unit" }).click();
    await page.getByRole("heading", { level: 1, name: "Web Task Force" }).waitFor();
    await page.getByRole("status").filter({ hasText: "TF-WEB" }).waitFor();
    createdUnitPath = new URL(page.url()).pathname;
    expect(createdUnitPath).toBe("/units/TF-WEB");
  });

  it("creates a person through the form", async () => {
    await nav("People");
    await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
    await settled(page);
    await page.getByRole("link", { name: "Amina Diallo" }).waitFor();
    await expectAccessible(page, "people (en)");
    await page.getByRole("searchbox", { name: "Search by name or e-mail" }).fill("Solberg");
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    await page.getByRole("link", { name: "Ingrid Solberg" }).waitFor();
    await page.getByRole("searchbox", { name: "Search by name or e-mail" }).fill("");
    await page.locator("select[name=unit]").selectOption("SPM");
    await page.getByRole("link", { name: "Hélène Dubois" }).waitFor();
    await expect.poll(() => page.getByRole("link", { name: "Ingrid Solberg" }).count()).toBe(0);

    await page.getByRole("link", { name: "New person" }).click();
    await page.getByRole("heading", { level: 1, name: "New person" }).waitFor();
    await page.locator("input[name=name]").fill("Noor Webtest");
    await page.locator("input[name=email]").fill("noor.webtest@intersect.example");
    await page.locator("select[name=unitCode]").selectOption("TF-WEB");
    await page.locator("input[name=title]").fill("Coordinator");
    await page.getByRole("button", { name: "Create the person" }).click();
    await page.getByRole("heading", { level: 1, name: "Noor Webtest" }).waitFor();
    await settled(page);
    createdPersonPath = new URL(page.url()).pathname;
    await page.getByRole("link", { name: "TF-WEB" }).waitFor();
  });

  it("grants roles to the new person and revokes one after confirmation", async () => {
    const roles = page.locator(".role-list");
    for (const role of ["reader", "focal_point"]) {
      await page.locator("select[name=role]").selectOption(role);
      await page.locator("select[name=unitCode]").selectOption("TF-WEB");
      await page.getByRole("button", { name: "Grant", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "has been granted" }).waitFor();
    }
    await roles.getByText("Focal point").waitFor();
    await expectAccessible(page, "person detail (en)");

    await page.getByRole("button", { name: /^Revoke the role Reader/ }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke this role?" });
    await dialog.waitFor();
    await expectAccessible(page, "revoke confirmation (en)");
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => roles.getByText("Reader").count()).toBe(0);
    await roles.getByText("Focal point").waitFor();
  });

  it("shows both creations in the audit trail", async () => {
    await nav("Audit trail");
    await page.getByRole("heading", { level: 1, name: "Audit trail" }).waitFor();
    await settled(page);
    await page.getByRole("link", { name: "Person Noor Webtest" }).first().waitFor();
    await page.getByRole("link", { name: "Unit TF-WEB" }).first().waitFor();
    await page.getByLabel("Record type").selectOption("unit");
    await page.getByLabel("Action").selectOption("create");
    await expect.poll(() => page.getByRole("link", { name: "Person Noor Webtest" }).count()).toBe(0);
    await page.getByRole("link", { name: "Unit TF-WEB" }).first().waitFor();
    expect(await page.locator(".history-entry").count()).toBeGreaterThan(20);
    await expectAccessible(page, "audit (en)");
  });

  it("creates a personal access token, shown once", async () => {
    await nav("My account");
    await page.getByRole("heading", { level: 1, name: "My account" }).waitFor();
    await settled(page);
    await expectAccessible(page, "account (en)");
    await page.getByLabel("Token name", { exact: true }).fill("browser test");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = page.getByTestId("new-token");
    await token.waitFor();
    expect(await token.textContent()).toMatch(/^isx_/);
    await page.getByRole("cell", { name: "browser test", exact: true }).waitFor();
  });

  it("mirrors the whole layout in Arabic and stays accessible", async () => {
    pages.push(
      { name: "organization", path: () => "/units" },
      { name: "unit detail", path: () => "/units/BR" },
      { name: "people", path: () => "/people" },
      { name: "person detail", path: () => createdPersonPath },
      { name: "audit", path: () => "/audit" },
      { name: "account", path: () => "/account" },
    );
    await visit("/units");
    await chooseLanguage(page, "ar");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByRole("heading", { level: 1, name: "الهيكل التنظيمي" }).waitFor();
    const nav = await page.locator("nav").first().boundingBox();
    const viewport = page.viewportSize();
    expect(nav && viewport ? nav.x : 0).toBeGreaterThan((viewport?.width ?? 0) / 2);
    await page.getByRole("link", { name: "الاتحاد الدولي للاتصالات" }).waitFor();

    for (const target of pages) {
      await visit(target.path());
      expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
      await expectAccessible(page, `${target.name} (ar)`);
    }
  });

  it("keeps the language after a reload and offers the sign-in page in Arabic", async () => {
    await visit("/units");
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      "ar",
      "rtl",
    ]);
    const stranger = await browser.newContext({ locale: "en-GB" });
    const signIn = await stranger.newPage();
    await signIn.goto(`${server.baseUrl}/sign-in`);
    await settled(signIn);
    await chooseLanguage(signIn, "ar");
    await signIn.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
    await expectAccessible(signIn, "sign-in (ar)");
    await stranger.close();
  });

  it("shows unit names in Chinese, and the original, marked, where a translation is missing", async () => {
    await visit("/units");
    await chooseLanguage(page, "zh");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("ltr");
    await page.getByRole("link", { name: "国际电信联盟" }).waitFor();
    await page.getByRole("link", { name: "无线电通信局" }).waitFor();
    await page.getByRole("button", { name: "全部展开" }).click();
    const created = page.getByRole("link", { name: /Web Task Force/ });
    await created.waitFor();
    expect(await created.textContent()).toContain("EN");
    expect(await created.textContent()).toContain("原文为");
  });

  it("returns to English for the remaining pages", async () => {
    await visit("/units");
    await chooseLanguage(page, "en");
    await page.getByRole("heading", { level: 1, name: "Organization" }).waitFor();
    await visit(createdUnitPath);
    await page.getByRole("heading", { level: 1, name: "Web Task Force" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("ltr");
  });

  it("tells the editor when someone else changed the unit meanwhile, and reloads it", async () => {
    await visit(`${createdUnitPath}/edit`);
    await page.getByRole("textbox", { name: /^Name in French/ }).fill("Équipe web");
    // Someone else saves the unit first (same API the app uses, another tab in effect).
    const me = await (await page.request.get(`${server.baseUrl}/api/v1/auth/me`)).json();
    const unit = await (await page.request.get(`${server.baseUrl}/api/v1/units/TF-WEB`)).json();
    const changed = await page.request.patch(`${server.baseUrl}/api/v1/units/TF-WEB`, {
      headers: { "x-csrf-token": me.csrfToken },
      data: { version: unit.version, name: { ...unit.name, es: "Grupo web" } },
    });
    expect(changed.status()).toBe(200);

    await page.getByRole("button", { name: "Save changes" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Someone changed this record" });
    await alert.waitFor();
    await expectAccessible(page, "unit edit conflict (en)");
    await alert.getByRole("button", { name: "Reload the record" }).click();
    await expect
      .poll(() => page.getByRole("textbox", { name: /^Name in Spanish/ }).inputValue())
      .toBe("Grupo web");
    await page.getByRole("textbox", { name: /^Name in French/ }).fill("Équipe web");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: "Web Task Force" }).waitFor();
    await page.getByRole("cell", { name: "Équipe web" }).waitFor();
  });

  it("closes a unit after confirmation", async () => {
    await visit(createdUnitPath);
    await page.getByRole("button", { name: "Close unit" }).click();
    const dialog = page.getByRole("dialog", { name: "Close unit TF-WEB?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Close unit" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("status").filter({ hasText: "Unit TF-WEB has been closed." }).waitFor();
    expect(await page.getByRole("button", { name: "Close unit" }).count()).toBe(0);
  });

  it("deactivates a person after confirmation", async () => {
    await visit(createdPersonPath);
    await page.getByRole("button", { name: "Deactivate" }).click();
    const dialog = page.getByRole("dialog", { name: "Deactivate this person?" });
    await dialog.getByRole("button", { name: "Deactivate" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("status").filter({ hasText: "Noor Webtest has been deactivated." }).waitFor();
    await page.getByRole("button", { name: "Reactivate" }).waitFor();
  });

  it("reactivates a person after confirmation", async () => {
    await page.getByRole("button", { name: "Reactivate" }).click();
    const dialog = page.getByRole("dialog", { name: "Reactivate this person?" });
    await dialog.getByRole("button", { name: "Reactivate" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("status").filter({ hasText: "Noor Webtest has been reactivated." }).waitFor();
    await page.getByRole("button", { name: "Deactivate" }).waitFor();
  });

  it("edits a person's details, reloading when someone else changed them meanwhile", async () => {
    await visit(createdPersonPath);
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Edit Noor Webtest" }).waitFor();
    await settled(page);
    await expectAccessible(page, "person edit (en)");
    await page.locator("input[name=name]").fill("Noor Haddad");
    const me = await (await page.request.get(`${server.baseUrl}/api/v1/auth/me`)).json();
    const personId = createdPersonPath.split("/").pop();
    const person = await (await page.request.get(`${server.baseUrl}/api/v1/people/${personId}`)).json();
    const changed = await page.request.patch(`${server.baseUrl}/api/v1/people/${personId}`, {
      headers: { "x-csrf-token": me.csrfToken },
      data: { version: person.version, preferredLanguage: "fr" },
    });
    expect(changed.status()).toBe(200);

    await page.getByRole("button", { name: "Save changes" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Someone changed this record" });
    await alert.waitFor();
    await expectAccessible(page, "person edit conflict (en)");
    await alert.getByRole("button", { name: "Reload the record" }).click();
    await expect.poll(() => page.locator("select[name=preferredLanguage]").inputValue()).toBe("fr");
    expect(await page.locator("input[name=name]").inputValue()).toBe("Noor Webtest");

    await page.locator("input[name=name]").fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.locator("input[name=name]").getAttribute("aria-invalid")).toBe("true");

    await page.locator("input[name=name]").fill("Noor Haddad");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: "Noor Haddad" }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: "The details of Noor Haddad have been saved." })
      .waitFor();
    await page.locator(".details dd").getByText("French", { exact: true }).waitFor();
  });

  it("adds a post to a person and ends it after confirmation", async () => {
    await settled(page);
    const form = page.getByRole("form", { name: "Add a post" });
    await form.getByRole("button", { name: "Add the post" }).click();
    await form.getByRole("alert").waitFor();
    expect(await page.locator("select[name=postUnitCode]").getAttribute("aria-invalid")).toBe("true");

    await page.locator("select[name=postUnitCode]").selectOption("SPM");
    expect(await page.locator("select[name=postTitleLanguage]").inputValue()).toBe("en");
    await page.locator("input[name=postTitle]").fill("Web adviser");
    await form.getByRole("button", { name: "Add the post" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "The post Web adviser in SPM has been added." })
      .waitFor();
    const row = page.locator(".posts-table tbody tr", { hasText: "Web adviser" });
    await row.getByRole("link", { name: /^SPM — / }).waitFor();
    expect(await row.textContent()).toContain("no end date");
    expect(await page.locator("input[name=postTitle]").inputValue()).toBe("");
    await expectAccessible(page, "person detail with post and password forms (en)");

    await row.getByRole("button", { name: "End the post Web adviser in SPM" }).click();
    const dialog = page.getByRole("dialog", { name: "End this post?" });
    await dialog.waitFor();
    await expectAccessible(page, "end post confirmation (en)");
    // A last day before the post began is refused, and said so beside the date.
    await dialog.getByLabel("Last day of the post").fill("2000-01-01");
    await dialog.getByRole("button", { name: "End post" }).click();
    await dialog.getByRole("alert").waitFor();
    expect(await dialog.getByLabel("Last day of the post").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "end post error (en)");
    await dialog.getByLabel("Last day of the post").fill("2099-12-31");
    await dialog.getByRole("button", { name: "End post" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page
      .getByRole("status")
      .filter({ hasText: "The post Web adviser in SPM has been ended." })
      .waitFor();
    await expect.poll(() => row.textContent()).not.toContain("no end date");
    expect(await row.textContent()).toContain("2099");
  });

  it("sets a person's password after confirmation, explaining a weak one", async () => {
    const password = page.locator("input[name=newPassword]");
    await password.fill("short");
    await page.getByRole("button", { name: "Set the password" }).click();
    let dialog = page.getByRole("dialog", { name: "Set a new password?" });
    await dialog.waitFor();
    await expectAccessible(page, "set password confirmation (en)");
    await dialog.getByRole("button", { name: "Set the password" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("alert").filter({ hasText: "could not be saved" }).waitFor();
    expect(await password.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await password.getAttribute("aria-describedby")) ?? "";
    const explained = await Promise.all(
      describedBy
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    // The server's reason (too short) and the hint (at least 10 characters) both describe the field.
    expect(explained.length).toBe(2);
    expect(explained.join(" ")).toMatch(/too short/);
    expect(explained.join(" ")).toContain("At least 10 characters.");
    await expectAccessible(page, "set password error (en)");

    await password.fill("a-much-longer-password");
    await page.getByRole("button", { name: "Set the password" }).click();
    dialog = page.getByRole("dialog", { name: "Set a new password?" });
    await dialog.getByRole("button", { name: "Set the password" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("status").filter({ hasText: "The password of Noor Haddad has been set." }).waitFor();
    expect(await password.inputValue()).toBe("");
    expect(await page.getByRole("alert").filter({ hasText: "could not be saved" }).count()).toBe(0);
    expect(await password.getAttribute("aria-invalid")).toBeNull();
  });

  it("keeps the person page, its forms and dialogs accessible in Arabic", async () => {
    await visit(createdPersonPath);
    await chooseLanguage(page, "ar");
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByRole("heading", { level: 3, name: "إضافة وظيفة" }).waitFor();
    // The post titles exist only in English: shown as such, and marked as the original.
    const row = page.locator(".posts-table tbody tr", { hasText: "Web adviser" });
    expect(await row.textContent()).toContain("EN");
    await page.locator("select[name=postUnitCode]").selectOption("SPM");
    expect(await page.locator("select[name=postTitleLanguage]").inputValue()).toBe("ar");
    await expectAccessible(page, "person detail with forms (ar)");

    await row.getByRole("button", { name: /^إنهاء الوظيفة/ }).click();
    let dialog = page.getByRole("dialog", { name: "هل تريد إنهاء هذه الوظيفة؟" });
    await dialog.waitFor();
    await expectAccessible(page, "end post confirmation (ar)");
    await dialog.getByRole("button", { name: "إلغاء" }).click();
    await dialog.waitFor({ state: "hidden" });

    await page.locator("input[name=newPassword]").fill("another-long-password");
    await page.getByRole("button", { name: "تعيين كلمة المرور" }).click();
    dialog = page.getByRole("dialog", { name: "هل تريد تعيين كلمة مرور جديدة؟" });
    await dialog.waitFor();
    await expectAccessible(page, "set password confirmation (ar)");
    await dialog.getByRole("button", { name: "إلغاء" }).click();
    await dialog.waitFor({ state: "hidden" });

    await visit(`${createdPersonPath}/edit`);
    await page.getByRole("heading", { level: 1, name: "تعديل بيانات Noor Haddad" }).waitFor();
    await expectAccessible(page, "person edit (ar)");
    await chooseLanguage(page, "en");
  });

  it("hides what a secretariat member may not do, and explains a forbidden page", async () => {
    const other = await browser.newContext({ locale: "en-GB", reducedMotion: "reduce" });
    const secretariat = await other.newPage();
    await secretariat.goto(`${server.baseUrl}/sign-in?next=%2Faudit`);
    await settled(secretariat);
    await secretariat.locator("input[name=email]").fill("head.spm@intersect.example");
    await secretariat.locator("input[name=password]").fill(DEMO_PASSWORD);
    await secretariat.getByRole("button", { name: "Sign in" }).click();
    await secretariat.getByRole("heading", { level: 1, name: "Audit trail" }).waitFor();
    await secretariat.getByRole("alert").waitFor();
    const navigation = secretariat.getByRole("navigation");
    await navigation.getByRole("link", { name: "People" }).waitFor();
    expect(await navigation.getByRole("link", { name: "Audit trail" }).count()).toBe(0);
    await navigation.getByRole("link", { name: "Organization" }).click();
    await settled(secretariat);
    expect(await secretariat.getByRole("link", { name: "New unit" }).count()).toBe(0);
    await other.close();
  });
});
