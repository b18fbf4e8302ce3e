import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../seed/load.js";
import { apiAs } from "./support/demo-calls.js";
import { ARTIFACTS, type AxeSummary, DESKTOP, PHONE, axeScan, hasChromium, screenshot, seriousOrWorse } from "./support/browser.js";
import { useDemoAppInBrowser } from "./support/demo-suite.js";

/**
 * WCAG 2.2 AA checks on every public page, the partner portal, the staff console and the center's duties pages, at desktop width and at 360 px: axe-core finds no
 * serious or critical violation, nothing scrolls sideways on a phone, and the keyboard reaches
 * everything with a visible focus.
 */
describe.skipIf(!hasChromium)("accessibility (browser)", () => {
  const app = useDemoAppInBrowser();
  let serviceId: string;
  let partnerServiceId: string;
  let referralId: string;
  let planId: string;
  const sheets: Record<string, string> = {};
  const results: AxeSummary[] = [];
  beforeAll(async () => {
    const page = (await (await fetch(`${app.url}/api/v1/services?per_page=1&search=${encodeURIComponent("子ども食堂")}`)).json()) as { contents: { id: string }[] };
    serviceId = page.contents[0]!.id;
    const partner1 = await apiAs(app.url, "partner1@example.jp");
    partnerServiceId = (await partner1.call<{ items: { id: string }[] }>("GET", `/organizations/${partner1.user.organizationId}/services`)).items[0]!.id;
    referralId = (await partner1.call<{ id: string }[]>("GET", "/referrals?status=sent"))[0]!.id;
    // A plan with matches, and a recommendation sheet of them in each language.
    const staff1 = await apiAs(app.url, "staff1@example.jp");
    const ref = (await staff1.call<{ planId: string }[]>("GET", "/referrals"))[0]!;
    planId = ref.planId;
    const m = await staff1.call<{ needs: { matches: { serviceId: string }[] }[] }>("GET", `/plans/${planId}/matches`);
    const serviceIds = m.needs.flatMap((n) => n.matches.slice(0, 1).map((x) => x.serviceId)).slice(0, 3);
    for (const language of ["ja", "easy-ja", "en"] as const) {
      sheets[language] = (await staff1.call<{ path: string }>("POST", `/plans/${planId}/sheets`, { serviceIds, language }, 201)).path;
    }
  });
  afterAll(async () => {
    if (results.length) await writeFile(join(ARTIFACTS, "axe-results.json"), JSON.stringify(results, null, 2));
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
  ];

  /** The partner portal, signed in as partner1; `ready` is what shows once the page has its data. */
  const partnerPages = (): SignedInPage[] => [
    { name: "partner-home", path: "/partner", ready: ".record-item" },
    { name: "partner-organization", path: "/partner/organization", ready: "#org-municipality-0" },
    { name: "partner-service-new", path: "/partner/services/new", ready: ".pin-map.leaflet-container" },
    { name: "partner-service-edit", path: `/partner/services/${partnerServiceId}`, ready: ".pin-map img.leaflet-marker-icon" },
    { name: "partner-service-edit-easy", path: `/partner/services/${partnerServiceId}?lang=easy`, ready: ".pin-map img.leaflet-marker-icon" },
    { name: "partner-referrals", path: "/partner/referrals", ready: ".record-item" },
    { name: "partner-referral", path: `/partner/referrals/${referralId}`, ready: ".respond" },
    { name: "partner-referral-en", path: `/partner/referrals/${referralId}?lang=en`, ready: ".respond" },
  ];

  for (const [device, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    it(`has no serious or critical axe violations (${device})`, async () => {
      const w = await app.open(viewport);
      for (const p of pages()) {
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

  it("the partner's forms work from the keyboard with a visible focus", async () => {
    const w = await app.open();
    const { page } = w;
    await page.goto(`/login?next=/partner/referrals/${referralId}`);
    await page.locator("#email").fill("partner1@example.jp");
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.locator("#password").press("Enter");
    await page.locator(".respond").waitFor();
    // Radios: Tab into the group, arrows move and choose; the decline reasons appear.
    await page.locator("#ref-move-accepted").focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("ref-move-declined");
    await page.locator("#ref-reason-no_capacity").waitFor();
    const ring = await page.locator("#ref-move-declined").evaluate((el) => getComputedStyle(el).outlineStyle + " " + getComputedStyle(el).boxShadow);
    expect(ring).toMatch(/solid/);
    await screenshot(page, "31-keyboard-partner-radios");
    await w.context.close();
  });

  /** The staff console, signed in as staff of center 1, on one of its demo plans and referrals. */
  const staffPages = async (): Promise<SignedInPage[]> => {
    const centerId = DEMO_ACCOUNTS.find((a) => a.email === "staff1@example.jp")!.centerId!;
    const plan = await app.db.selectFrom("support_plan").select("id").where("center_id", "=", centerId).orderBy("id").executeTakeFirstOrThrow();
    const referral = await app.db.selectFrom("referral").select(["id", "service_id"]).where("center_id", "=", centerId).orderBy("reference").executeTakeFirstOrThrow();
    return [
      { name: "staff-plans", path: "/staff/plans", ready: "table, .page-title" },
      {
        name: "staff-plan-new",
        path: "/staff/plans/new",
        ready: "#plan-case-ref",
        // The plan form's error summary and field errors are scanned too.
        before: async (page: Page) => {
          await page.locator("button[type=submit]").click();
          await page.locator(".error-summary").waitFor();
        },
      },
      { name: "staff-plan", path: `/staff/plans/${plan.id}`, ready: ".match, .need .notice" },
      { name: "staff-plan-edit", path: `/staff/plans/${plan.id}/edit`, ready: "#plan-case-ref" },
      { name: "staff-refer-safeguarding", path: `/staff/plans/${plan.id}/refer/${referral.service_id}/safeguarding`, ready: "#safeguarding-yes" },
      { name: "staff-refer-stop", path: `/staff/plans/${plan.id}/refer/${referral.service_id}/stop`, ready: ".call-189" },
      { name: "staff-board", path: "/staff/referrals", ready: ".board" },
      { name: "staff-board-en", path: "/staff/referrals?lang=en&status=sent", ready: ".board" },
      { name: "staff-referral", path: `/staff/referrals/${referral.id}`, ready: ".timeline" },
      { name: "staff-plan-easy", path: `/staff/plans/${plan.id}?lang=easy`, ready: ".match, .need .notice" },
      { name: "staff-gaps", path: "/staff/gaps", ready: ".gaps-by-area" },
      { name: "staff-consultation-points", path: "/staff/consultation-points", ready: ".cp-uncovered" },
      { name: "staff-case-summary", path: `/staff/plans/${planId}/summary`, ready: ".summary-needs" },
      { name: "staff-make-sheet", path: `/staff/plans/${planId}/sheet`, ready: "form fieldset" },
    ];
  };

  type SignedInPage = { name: string; path: string; ready: string; before?: (page: Page) => Promise<void> };

  /** Signs in as `email`, then scans each page once its data is shown, as for the public pages. */
  async function scanSignedIn(device: "desktop" | "phone", viewport: typeof DESKTOP, email: string, list: SignedInPage[]) {
    const w = await app.open(viewport);
    await w.page.goto("/login");
    await w.page.locator("#email").fill(email);
    await w.page.locator("#password").fill(DEMO_PASSWORD);
    await w.page.locator("#password").press("Enter");
    await w.page.waitForURL((u) => u.pathname !== "/login");
    for (const p of list) {
      await w.page.goto(p.path);
      await w.page.locator(p.ready).first().waitFor();
      await p.before?.(w.page);
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
  }

  for (const [device, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    it(`has no serious or critical axe violations in the partner portal (${device})`, async () => {
      await scanSignedIn(device, viewport, "partner1@example.jp", partnerPages());
    });
    it(`has no serious or critical axe violations in the staff console (${device})`, async () => {
      await scanSignedIn(device, viewport, "staff1@example.jp", await staffPages());
    });
  }

  it("works from the keyboard: skip link, filters, a visible focus ring", async () => {
    const w = await app.open();
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
