import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../seed/load.js";
import { startDemoApp } from "./support/app-server.js";
import { ARTIFACTS, type AxeSummary, DESKTOP, PHONE, axeScan, hasChromium, launchBrowser, openPage, screenshot, seriousOrWorse } from "./support/browser.js";

/**
 * WCAG 2.2 AA checks on every public page and every staff console page, at desktop width and at 360 px: axe-core finds no
 * serious or critical violation, nothing scrolls sideways on a phone, and the keyboard reaches
 * everything with a visible focus.
 */
describe.skipIf(!hasChromium)("accessibility (browser)", () => {
  let app: Awaited<ReturnType<typeof startDemoApp>>;
  let browser: Browser;
  let serviceId: string;
  const results: AxeSummary[] = [];
  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    const page = (await (await fetch(`${app.url}/api/v1/services?per_page=1&search=${encodeURIComponent("子ども食堂")}`)).json()) as { contents: { id: string }[] };
    serviceId = page.contents[0]!.id;
  });
  afterAll(async () => {
    if (results.length) await writeFile(join(ARTIFACTS, "axe-results.json"), JSON.stringify(results, null, 2));
    await browser?.close();
    await app?.close();
  });

  const pages = () => [
    { name: "home", path: "/" },
    { name: "home-en", path: "/?lang=en" },
    { name: "home-easy", path: "/?lang=easy&kind=kodomo-shokudo&free=1" },
    { name: "detail", path: `/?s=${serviceId}` },
    { name: "detail-easy", path: `/?s=${serviceId}&lang=easy` },
    { name: "login", path: "/login" },
    { name: "register", path: "/partner/register" },
    { name: "not-found", path: "/no-such-page" },
  ];

  for (const [device, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    it(`has no serious or critical axe violations (${device})`, async () => {
      const w = await openPage(browser, app.url, viewport);
      for (const p of pages()) {
        await w.page.goto(p.path);
        await w.page.locator("h1").waitFor();
        if (p.name.startsWith("detail")) await w.page.locator(".detail h2").waitFor();
        // Open the report form so its fields are scanned too.
        if (p.name === "detail") await w.page.locator(".report summary").click();
        const summary = { ...(await axeScan(w.page)), url: `${p.path} (${device})` };
        results.push(summary);
        expect(seriousOrWorse(summary), `${p.path} at ${device}`).toEqual([]);
        if (device === "phone") {
          expect(await w.page.evaluate(() => document.documentElement.scrollWidth), `${p.path} scrolls sideways`).toBeLessThanOrEqual(PHONE.width);
        }
        await screenshot(w.page, `20-${device}-${p.name}`, { fullPage: device === "phone" });
      }
      expect(w.foreignRequests).toEqual([]);
      await w.context.close();
    });
  }

  /** The staff console, signed in as staff of center 1, on one of its demo plans and referrals. */
  const staffPages = async () => {
    const centerId = DEMO_ACCOUNTS.find((a) => a.email === "staff1@example.jp")!.centerId!;
    const plan = await app.db.selectFrom("support_plan").select("id").where("center_id", "=", centerId).orderBy("id").executeTakeFirstOrThrow();
    const referral = await app.db.selectFrom("referral").select(["id", "service_id"]).where("center_id", "=", centerId).orderBy("reference").executeTakeFirstOrThrow();
    return [
      { name: "staff-plans", path: "/staff/plans", ready: "table, .page-title" },
      { name: "staff-plan-new", path: "/staff/plans/new", ready: "#plan-case-ref" },
      { name: "staff-plan", path: `/staff/plans/${plan.id}`, ready: ".match, .need .notice" },
      { name: "staff-plan-edit", path: `/staff/plans/${plan.id}/edit`, ready: "#plan-case-ref" },
      { name: "staff-refer-safeguarding", path: `/staff/plans/${plan.id}/refer/${referral.service_id}/safeguarding`, ready: "#safeguarding-yes" },
      { name: "staff-refer-stop", path: `/staff/plans/${plan.id}/refer/${referral.service_id}/stop`, ready: ".call-189" },
      { name: "staff-board", path: "/staff/referrals", ready: ".board" },
      { name: "staff-board-en", path: "/staff/referrals?lang=en&status=sent", ready: ".board" },
      { name: "staff-referral", path: `/staff/referrals/${referral.id}`, ready: ".timeline" },
      { name: "staff-plan-easy", path: `/staff/plans/${plan.id}?lang=easy`, ready: ".match, .need .notice" },
    ];
  };

  for (const [device, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    it(`has no serious or critical axe violations in the staff console (${device})`, async () => {
      const w = await openPage(browser, app.url, viewport);
      await w.page.goto("/login");
      await w.page.locator("#email").fill("staff1@example.jp");
      await w.page.locator("#password").fill(DEMO_PASSWORD);
      await w.page.locator("button[type=submit]").click();
      await w.page.waitForURL((u) => u.pathname === "/staff");
      for (const p of await staffPages()) {
        await w.page.goto(p.path);
        await w.page.locator(p.ready).first().waitFor();
        // The plan form's error summary and field errors are scanned too.
        if (p.name === "staff-plan-new") {
          await w.page.locator("button[type=submit]").click();
          await w.page.locator(".error-summary").waitFor();
        }
        const summary = { ...(await axeScan(w.page)), url: `${p.path} (${device})` };
        results.push(summary);
        expect(seriousOrWorse(summary), `${p.path} at ${device}`).toEqual([]);
        if (device === "phone") {
          expect(await w.page.evaluate(() => document.documentElement.scrollWidth), `${p.path} scrolls sideways`).toBeLessThanOrEqual(PHONE.width);
        }
        await screenshot(w.page, `21-${device}-${p.name}`, { fullPage: device === "phone" });
      }
      expect(w.errors).toEqual([]);
      expect(w.foreignRequests).toEqual([]);
      await w.context.close();
    });
  }

  it("works from the keyboard: skip link, filters, a visible focus ring", async () => {
    const w = await openPage(browser, app.url);
    const { page } = w;
    await page.goto("/");
    await page.locator("h1").waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

    // Tab to the search box, type, submit with Enter: the query lands in the URL.
    await page.locator("#q").focus();
    await page.keyboard.type("食堂");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=/);

    // A kind chip toggles with the space bar and shows a focus ring.
    const chip = page.locator(".chip").first();
    await chip.focus();
    await page.keyboard.press("Space");
    await page.waitForURL(/kind=/);
    expect(await chip.getAttribute("aria-pressed")).toBe("true");
    const ring = await chip.evaluate((el) => getComputedStyle(el).outlineStyle + " " + getComputedStyle(el).boxShadow);
    expect(ring).toMatch(/solid/);
    await screenshot(page, "30-keyboard-focus");
    await w.context.close();
  });
});
