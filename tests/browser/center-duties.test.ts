import { join } from "node:path";
import type { Locator } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, type WatchedPage, hasChromium, screenshot } from "./support/browser.js";
import { useDemoAppInBrowser } from "./support/demo-suite.js";
import { apiAs, signInContext } from "./support/demo-calls.js";

/**
 * The center's duties in the browser: a 利用勧奨 sheet in each language as the family sees it,
 * the staff's sheet maker, the gap analysis, the ケース会議 summary (audited) and the family
 * map's nearest consultation point.
 */
describe.skipIf(!hasChromium)("the center's duties (browser)", () => {
  const app = useDemoAppInBrowser();
  let api: Awaited<ReturnType<typeof apiAs>>;
  let planId: string;
  let caseRef: string;
  let picks: { serviceId: string; name: string }[];
  beforeAll(async () => {
    api = await apiAs(app.url, "staff1@example.jp");
    // A demo plan with at least two needs that found matches.
    for (const plan of await api.call<{ id: string; caseRef: string }[]>("GET", "/plans")) {
      const m = await api.call<{ needs: { matches: { serviceId: string; name: string }[] }[] }>("GET", `/plans/${plan.id}/matches`);
      const firsts = m.needs.flatMap((n) => n.matches.slice(0, 1));
      if (firsts.length < 2) continue;
      [planId, caseRef, picks] = [plan.id, plan.caseRef, firsts.slice(0, 2)];
      break;
    }
    expect(planId).toBeDefined();
  });

  async function expectPublicAndClean(w: WatchedPage) {
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    expect(await w.cookies()).toEqual([]);
  }

  /** Pages of a PDF that Chromium printed (its page objects). */
  const pdfPages = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

  /** Text without the furigana (<rt>), as the base line reads. */
  const baseTexts = (loc: Locator) =>
    loc.evaluateAll((els) =>
      els.map((el) => {
        const copy = el.cloneNode(true) as Element;
        copy.querySelectorAll("rt, rp").forEach((x) => x.remove());
        return copy.textContent!.trim();
      }),
    );

  const LANGUAGES = [
    { api: "ja", lang: "ja", title: "おすすめの支援のご案内", hours: "開いている日時", cost: "費用", contact: "連絡先" },
    { api: "en", lang: "en", title: "Services recommended for you", hours: "Opening hours", cost: "Cost", contact: "Contact" },
    { api: "easy-ja", lang: "easy", title: "あなたに おすすめの 支援", hours: "開いている 日と 時間", cost: "お金", contact: "れんらくさき" },
  ] as const;

  for (const l of LANGUAGES) {
    it(`shows a recommendation sheet made in ${l.api} to anyone with the link, and nothing about the family`, async () => {
      const sheet = await api.call<{ path: string; token: string }>("POST", `/plans/${planId}/sheets`, { serviceIds: picks.map((p) => p.serviceId), language: l.api }, 201);
      const w = await app.open();
      const { page } = w;
      await page.goto(sheet.path);
      // Opens in the sheet's own language.
      if (l.lang !== "ja") await page.waitForURL(new RegExp(`lang=${l.lang}`));
      await page.locator(".sheet-service").first().waitFor();
      await expect.poll(async () => (await baseTexts(page.locator("h1")))[0]).toBe(l.title);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(l.lang === "en" ? "en" : "ja");

      const cards = page.locator(".sheet-service");
      expect(await cards.count()).toBe(picks.length);
      for (const [i, p] of picks.entries()) expect(await cards.nth(i).locator("h2").innerText()).toContain(p.name);
      const labels = await baseTexts(page.locator(".sheet-service").first().locator("dt"));
      for (const label of [l.hours, l.cost, l.contact]) expect(labels).toContain(label);
      // A QR code per service to its public listing, and the small offline map with a numbered pin per service.
      expect(await page.locator(".sheet-qr svg.qr").count()).toBe(picks.length);
      await expect.poll(() => page.locator(".sheet-map .map-badge").count()).toBe(picks.length);

      if (l.lang === "easy") {
        // やさしい日本語: furigana as <ruby> on the labels (and on names that have a reading).
        expect(await page.locator(".sheet ruby rt").count()).toBeGreaterThan(5);
        expect(await page.locator(".sheet h1 ruby").first().innerText()).toContain("支援");
      } else {
        expect(await page.locator(".sheet-service ruby").count()).toBe(0);
      }

      // Nothing of the family or the plan: no case reference, no plan id, no location of theirs.
      const text = await page.locator("body").innerText();
      expect(text).not.toContain(caseRef);
      expect(text).not.toContain(planId);
      await screenshot(page, `sheet-${l.lang}`, { fullPage: true });

      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".sheet-actions").isVisible()).toBe(false);
      expect(await page.locator(".lang-switch").isVisible()).toBe(false);
      expect(await page.locator(".sheet-qr svg").first().isVisible()).toBe(true);
      if (l.lang === "ja") await screenshot(page, "sheet-ja-print", { fullPage: true });
      // Two services fit on one A4 sheet; furigana makes the やさしい日本語 lines taller, so it may take two.
      const pages = pdfPages(await page.pdf({ format: "A4", path: join(ARTIFACTS, `sheet-${l.lang}.pdf`) }));
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(l.lang === "easy" ? 2 : 1);
      await expectPublicAndClean(w);
      await w.context.close();
    });
  }

  it("answers an unknown or expired sheet link with a plain not-found message", async () => {
    const w = await app.open();
    await w.page.goto(`/sheets/${"A".repeat(22)}`);
    await expect.poll(() => w.page.locator(".sheet .notice").innerText()).toContain("見つかりませんでした");
    await w.page.goto("/sheets/not-a-token");
    await expect.poll(() => w.page.locator(".sheet .notice").innerText()).toContain("見つかりませんでした");
    await w.context.close();
  });

  it("lets staff make a sheet from a plan's matches and hands them the link", async () => {
    const w = await app.open();
    const { page } = w;
    await signInContext(w.context, app.url, "staff1@example.jp");
    await page.goto(`/staff/plans/${planId}/sheet`);
    await page.locator("form fieldset input[type=checkbox]").first().waitFor();
    // The plan's suggestion comes ticked.
    expect(await page.locator("input[type=checkbox]:checked").count()).toBeGreaterThan(0);
    await page.getByLabel("英語").check();
    await page.getByRole("button", { name: "シートを作る" }).click();
    const link = page.locator(".sheet-link a");
    await link.waitFor();
    const url = await link.innerText();
    expect(url).toMatch(/\/sheets\/[A-Za-z0-9_-]{22}\?lang=en$/);
    expect(await page.locator(".sheet-created svg.qr").count()).toBe(1);
    await screenshot(page, "sheet-made-by-staff");
    const audit = await app.db.selectFrom("audit_log").select("action").where("action", "=", "recommendation_sheet.create").execute();
    expect(audit.length).toBeGreaterThanOrEqual(LANGUAGES.length + 1);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it("shows the gap analysis as a table with withheld cells, a map and a CSV download", async () => {
    const w = await app.open();
    const { page } = w;
    await signInContext(w.context, app.url, "staff1@example.jp");
    await page.goto("/staff/gaps");
    await page.locator(".gaps-by-kind tbody tr").first().waitFor();
    expect(await page.locator(".gaps-by-kind tbody tr").count()).toBeGreaterThan(3);
    // Demo plans are spread thin: some counts rest on fewer than five plans and are withheld, and say why.
    expect(await page.locator("td.withheld").count()).toBeGreaterThan(0);
    expect(await page.locator("td.withheld").first().innerText()).toContain("5件未満");
    expect(await page.locator("#gaps-withheld-note").innerText()).toContain("特定されない");
    // Shown counts are numbers; short-stay is the demo's known gap (unmet > 0).
    const shortStay = page.locator(".gaps-by-kind tr", { hasText: "ショートステイ" });
    expect(Number(await shortStay.locator("td").nth(1).innerText())).toBeGreaterThan(0);
    await expect.poll(() => page.locator(".area-map path.leaflet-interactive").count()).toBeGreaterThan(0);

    const csvHref = (await page.getByRole("link", { name: "CSVでダウンロード" }).getAttribute("href"))!;
    expect(csvHref).toContain("format=csv");
    const csv = await w.context.request.get(`${app.url}${csvHref}`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toContain("未充足 unmet");
    await screenshot(page, "gaps-table", { fullPage: true });

    // A filter goes into the URL and reloads the report at that grid size.
    await page.locator("#gap-cell").selectOption("5000");
    await page.waitForURL(/cell=5000/);
    await expect.poll(() => page.locator(".gaps-by-area tbody th").first().innerText()).toMatch(/^\d+\.\d{3}, \d+\.\d{3}$/);
    await page.locator("#gap-kind").selectOption("short-stay");
    await page.waitForURL(/kind=short-stay/);
    await expect.poll(async () => new Set(await page.locator(".gaps-by-area tbody td:nth-child(2)").allInnerTexts()).size).toBe(1);
    await screenshot(page, "gaps-short-stay-5km");
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it("prints the case-conference summary on one page and audits each view", async () => {
    // A plan whose referral has a history, given a next step with an owner.
    const referrals = await api.call<{ planId: string; reference: string; events: unknown[] }[]>("GET", "/referrals");
    const referral = referrals.find((r) => r.events.length >= 2)!;
    const me = await api.call<{ user: { id: string; displayName: string } }>("GET", "/auth/me");
    await api.call("PATCH", `/plans/${referral.planId}`, { nextSteps: [{ action: "保育所見学に同行する", ownerUserId: me.user.id, due: "2026-12-20" }] });
    const plan = await api.call<{ caseRef: string }>("GET", `/plans/${referral.planId}`);

    const views = () => app.db.selectFrom("audit_log").select("actor_role").where("entity_id", "=", referral.planId).where("action", "=", "plan.summary.view").execute();
    const before = (await views()).length;
    const w = await app.open();
    const { page } = w;
    await signInContext(w.context, app.url, "staff1@example.jp");
    await page.goto(`/staff/plans/${referral.planId}/summary`);
    await page.locator(".summary-needs > li").first().waitFor();
    expect(await page.locator(".summary-head").innerText()).toContain(plan.caseRef);
    expect(await page.locator(".summary-needs > li").count()).toBeGreaterThan(0);
    for (const heading of ["ニーズと候補の支援", "つなぎ（紹介）と経過", "今後の対応と担当"]) {
      expect(await page.getByRole("heading", { name: heading }).count()).toBe(1);
    }
    const ref = page.locator(".summary-referrals > li", { hasText: referral.reference });
    expect(await ref.locator(".timeline li").count()).toBe(referral.events.length);
    const step = page.locator("tr", { hasText: "保育所見学に同行する" });
    expect(await step.innerText()).toContain(me.user.displayName);
    expect(await step.innerText()).toContain("2026-12-20");
    // One view, one audit row.
    expect((await views()).length).toBe(before + 1);
    await screenshot(page, "case-summary", { fullPage: true });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".section-nav").isVisible()).toBe(false);
    expect(await page.locator(".summary-actions").isVisible()).toBe(false);
    await screenshot(page, "case-summary-print", { fullPage: true });
    expect(pdfPages(await page.pdf({ format: "A4", path: join(ARTIFACTS, "case-summary.pdf") })), "the summary prints on one A4 page").toBe(1);

    // Another center's staff get "not found", and their attempt shows no summary.
    const other = await app.open();
    await signInContext(other.context, app.url, "staff2@example.jp");
    await other.page.goto(`/staff/plans/${referral.planId}/summary`);
    await expect.poll(() => other.page.locator(".case-summary .notice").innerText()).toContain("見つかりませんでした");
    expect(await other.page.locator(".summary-needs").count()).toBe(0);
    expect((await views()).map((v) => v.actor_role)).toEqual(Array(before + 1).fill("staff"));
    expect(w.errors).toEqual([]);
    await other.context.close();
    await w.context.close();
  });

  it("lists the center's consultation points and the areas none covers; ends and re-designates one", async () => {
    const w = await app.open();
    const { page } = w;
    await signInContext(w.context, app.url, "staff1@example.jp");
    await page.goto("/staff/consultation-points");
    const rows = page.locator(".cp-points tbody tr");
    await rows.first().waitFor();
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    await page.locator(".cp-uncovered tbody tr").first().waitFor();
    await expect.poll(() => page.locator(".area-map path.leaflet-interactive").count()).toBeGreaterThan(0);
    await screenshot(page, "consultation-points", { fullPage: true });

    // End a ひろば designation, then designate it again through the search form.
    const hiroba = rows.filter({ hasText: "子育てひろば" }).first();
    const name = (await hiroba.locator("th").innerText()).split("\n")[0]!.trim();
    await hiroba.getByRole("button").click();
    await expect.poll(() => rows.count()).toBe(count - 1);
    await page.locator("#cp-kind").selectOption("hiroba");
    await page.locator("#cp-q").fill(name);
    await page.getByRole("button", { name: "検索", exact: true }).click();
    await page.getByLabel(name).first().check();
    await page.getByRole("button", { name: "相談機関に指定する" }).click();
    await expect.poll(() => page.locator(".designate .notice-success").innerText()).toContain(name);
    await expect.poll(() => rows.count()).toBe(count);
    const audit = await app.db.selectFrom("audit_log").select("action").where("action", "in", ["consultation_point.end", "consultation_point.designate"]).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["consultation_point.designate", "consultation_point.end"]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it("shows the family their nearest consultation point after they pick a point on the map", async () => {
    const w = await app.open();
    const { page } = w;
    await page.goto("/");
    await page.locator(".leaflet-marker-icon, .marker-cluster").first().waitFor();
    await page.getByRole("button", { name: "地図で地点を選ぶ" }).click();
    const box = (await page.locator(".map").boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/lat=.*lng=/);
    const card = page.locator(".nearest-point");
    await card.waitFor();
    const url = new URL(page.url());
    const [nearest] = (await (await fetch(`${app.url}/api/v1/consultation-points/nearest?lat=${url.searchParams.get("lat")}&lng=${url.searchParams.get("lng")}&limit=1`)).json()) as { point: { name: string } }[];
    expect(await card.locator(".nearest-point-name a").innerText()).toBe(nearest!.point.name);
    expect(await card.getByRole("heading").innerText()).toContain("いちばん近い子育て相談窓口");
    await screenshot(page, "family-nearest-consultation-point");
    // The card's link opens the point's own listing.
    await card.locator(".nearest-point-name a").click();
    await expect.poll(() => page.locator(".detail h2").innerText()).toBe(nearest!.point.name);
    await expectPublicAndClean(w);
    await w.context.close();
  });
});
