import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoApp } from "./support/app-server.js";
import { type WatchedPage, hasChromium, launchBrowser, openPage, PHONE, screenshot } from "./support/browser.js";

describe.skipIf(!hasChromium)("family map (browser)", () => {
  let app: Awaited<ReturnType<typeof startDemoApp>>;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Every page must stay clean: no console errors, nothing fetched from elsewhere, no cookies. */
  async function expectClean(w: WatchedPage) {
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    expect(await w.cookies()).toEqual([]);
  }

  it("a family finds a 子ども食堂 near a point on the map and opens it", async (ctx) => {
    if ((await fetch(`${app.url}/api/v1/search`)).status === 404) {
      console.warn("[browser tests] GET /api/v1/search is not in this build yet: the family search journey is skipped");
      return ctx.skip();
    }
    const w = await openPage(browser, app.url);
    const { page } = w;
    await page.goto("/");
    await expect.poll(() => page.locator(".result").count()).toBeGreaterThan(0);
    await page.locator(".leaflet-marker-icon, .marker-cluster").first().waitFor();
    await screenshot(page, "01-family-home");

    // Pick a point: the button arms the map, the next click on it sets the point.
    await page.getByRole("button", { name: "地図で地点を選ぶ" }).click();
    await expect.poll(() => page.locator(".map.is-picking").count()).toBe(1);
    const box = (await page.locator(".map").boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/lat=.*lng=/);
    await page.getByRole("button", { name: "子ども食堂" }).click();
    await page.waitForURL(/kind=kodomo-shokudo/);
    await expect.poll(() => page.locator(".result .result-distance").count()).toBeGreaterThan(0);
    const first = page.locator(".result").first();
    await expect.poll(() => first.textContent()).toContain("子ども食堂");
    // Nearest first: the distances shown are in ascending order.
    const metres = (await page.locator(".result-distance").allTextContents()).map(toMetres);
    expect(metres).toEqual([...metres].sort((a, b) => a - b));
    await screenshot(page, "02-family-kodomo-shokudo-near-point");

    const name = (await first.locator("h3 a").textContent())!;
    await first.locator("h3 a").click();
    await page.waitForURL(/[?&]s=/);
    await expect.poll(() => page.locator(".detail h2").textContent()).toBe(name);
    for (const label of ["開いている日時", "費用", "対象となる方", "連絡先", "行き方"]) {
      await expect.poll(() => page.locator(".facts dt", { hasText: label }).count()).toBe(1);
    }
    await screenshot(page, "03-family-detail", { fullPage: true });

    // The URL is the state: opening it afresh shows the same service.
    const shared = page.url();
    const again = await openPage(browser, app.url);
    await again.page.goto(shared);
    await expect.poll(() => again.page.locator(".detail h2").textContent()).toBe(name);
    await again.context.close();

    // Back to the list keeps the search.
    await page.getByRole("link", { name: /一覧に戻る/ }).click();
    await expect.poll(() => page.url()).toContain("kind=kodomo-shokudo");
    await expect.poll(() => page.locator(".result").count()).toBeGreaterThan(0);
    await expectClean(w);
    await w.context.close();
  });

  it("opens a service's detail from its address, on a 360 px phone", async () => {
    const services = (await (await fetch(`${app.url}/api/v1/services?search=${encodeURIComponent("子ども食堂")}&per_page=1`)).json()) as {
      contents: { id: string; name: string }[];
    };
    const service = services.contents[0]!;
    const w = await openPage(browser, app.url, PHONE);
    await w.page.goto(`/?s=${service.id}`);
    await expect.poll(() => w.page.locator(".detail h2").textContent()).toBe(service.name);
    await expect.poll(() => w.page.locator(".facts dt").count()).toBeGreaterThanOrEqual(5);
    // No sideways scrolling at 360 px.
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(w.page, "04-phone-detail", { fullPage: true });
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });
});

function toMetres(text: string): number {
  const m = /([\d.]+)\s*(k?m)/.exec(text);
  if (!m) throw new Error(`no distance in ${text}`);
  return Number(m[1]) * (m[2] === "km" ? 1000 : 1);
}
