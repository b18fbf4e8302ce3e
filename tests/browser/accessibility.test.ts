import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoApp } from "./support/app-server.js";
import { ARTIFACTS, type AxeSummary, DESKTOP, PHONE, axeScan, hasChromium, launchBrowser, openPage, screenshot, seriousOrWorse } from "./support/browser.js";
import { demoStaffApi, signInContext } from "./support/staff.js";

/**
 * WCAG 2.2 AA checks on every public page and the center's duties pages, at desktop width and at 360 px: axe-core finds no
 * serious or critical violation, nothing scrolls sideways on a phone, and the keyboard reaches
 * everything with a visible focus.
 */
describe.skipIf(!hasChromium)("accessibility (browser)", () => {
  let app: Awaited<ReturnType<typeof startDemoApp>>;
  let browser: Browser;
  let serviceId: string;
  let planId: string;
  const sheets: Record<string, string> = {};
  const results: AxeSummary[] = [];
  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    const page = (await (await fetch(`${app.url}/api/v1/services?per_page=1&search=${encodeURIComponent("子ども食堂")}`)).json()) as { contents: { id: string }[] };
    serviceId = page.contents[0]!.id;
    // A plan with matches, and a recommendation sheet of them in each language.
    const api = await demoStaffApi(app.url, "staff1@example.jp");
    const ref = (await api<{ planId: string }[]>("/referrals"))[0]!;
    planId = ref.planId;
    const m = await api<{ needs: { matches: { serviceId: string }[] }[] }>(`/plans/${planId}/matches`);
    const serviceIds = m.needs.flatMap((n) => n.matches.slice(0, 1).map((x) => x.serviceId)).slice(0, 3);
    for (const language of ["ja", "easy-ja", "en"] as const) {
      sheets[language] = (await api<{ path: string }>(`/plans/${planId}/sheets`, { method: "POST", body: { serviceIds, language } })).path;
    }
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
    { name: "sheet", path: sheets.ja!, ready: ".sheet-service" },
    { name: "sheet-easy", path: sheets["easy-ja"]!, ready: ".sheet-service" },
    { name: "sheet-en", path: sheets.en!, ready: ".sheet-service" },
    { name: "nearest-point", path: "/?lat=35.808&lng=139.724", ready: ".nearest-point" },
    // Signed in as center staff from here on.
    { name: "staff-gaps", path: "/staff/gaps", ready: ".gaps-by-area", staff: true },
    { name: "staff-consultation-points", path: "/staff/consultation-points", ready: ".cp-uncovered", staff: true },
    { name: "staff-case-summary", path: `/staff/plans/${planId}/summary`, ready: ".summary-needs", staff: true },
    { name: "staff-make-sheet", path: `/staff/plans/${planId}/sheet`, ready: "form fieldset", staff: true },
  ];

  for (const [device, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    it(`has no serious or critical axe violations (${device})`, async () => {
      const w = await openPage(browser, app.url, viewport);
      let signedIn = false;
      for (const p of pages()) {
        if ("staff" in p && !signedIn) {
          await signInContext(w.context, app.url, "staff1@example.jp");
          signedIn = true;
        }
        await w.page.goto(p.path);
        await w.page.locator("h1").waitFor();
        if ("ready" in p && p.ready) await w.page.locator(p.ready).first().waitFor();
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
