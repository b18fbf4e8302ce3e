import { describe, expect, it } from "vitest";
import { type WatchedPage, hasChromium, PHONE, screenshot } from "./support/browser.js";
import { useDemoAppInBrowser } from "./support/demo-suite.js";

describe.skipIf(!hasChromium)("family map (browser)", () => {
  const app = useDemoAppInBrowser();

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
    const w = await app.open();
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
    const again = await app.open();
    await again.page.goto(shared);
    await expect.poll(() => again.page.locator(".detail h2").textContent()).toBe(name);
    await again.context.close();

    // Back to the list keeps the search; printing gives the list with the page's QR code.
    await page.getByRole("link", { name: /一覧に戻る/ }).click();
    await expect.poll(() => page.url()).toContain("kind=kodomo-shokudo");
    await expect.poll(() => page.locator(".result").count()).toBeGreaterThan(0);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".map-pane").isVisible()).toBe(false);
    expect(await page.locator(".print-share svg.qr").isVisible()).toBe(true);
    await screenshot(page, "06-print-list", { fullPage: true });
    await page.emulateMedia({ media: "screen" });

    // The share dialog shows the same address as a QR code.
    await page.getByRole("button", { name: "共有・QRコード" }).click();
    expect(await page.locator("dialog .share-url input").inputValue()).toBe(page.url());
    await screenshot(page, "07-share-qr");
    await page.keyboard.press("Escape");
    await expectClean(w);
    await w.context.close();
  });

  it("searches near the browser's location", async (ctx) => {
    if ((await fetch(`${app.url}/api/v1/search`)).status === 404) return ctx.skip();
    // 川口駅 (JR Kawaguchi station).
    const w = await app.open(PHONE, { geolocation: { latitude: 35.8017, longitude: 139.7173 } });
    await w.page.goto("/?kind=kodomo-shokudo");
    await w.page.getByRole("button", { name: "現在地の近くを探す" }).click();
    await w.page.waitForURL(/lat=35\.802&lng=139\.717/);
    await expect.poll(() => w.page.locator(".result .result-distance").count()).toBeGreaterThan(0);
    await screenshot(w.page, "08-phone-near-me", { fullPage: true });
    await w.page.getByRole("button", { name: "地図", exact: true }).click();
    await w.page.locator(".leaflet-marker-icon").first().waitFor();
    await screenshot(w.page, "09-phone-map");
    await expectClean(w);
    await w.context.close();
  });

  it("opens a service's detail from its address, on a 360 px phone", async () => {
    const services = (await (await fetch(`${app.url}/api/v1/services?search=${encodeURIComponent("子ども食堂")}&per_page=1`)).json()) as {
      contents: { id: string; name: string }[];
    };
    const service = services.contents[0]!;
    const w = await app.open(PHONE);
    await w.page.goto(`/?s=${service.id}`);
    await expect.poll(() => w.page.locator(".detail h2").textContent()).toBe(service.name);
    await expect.poll(() => w.page.locator(".facts dt").count()).toBeGreaterThanOrEqual(5);
    // No sideways scrolling at 360 px.
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(w.page, "04-phone-detail", { fullPage: true });

    // Report a problem: "other" needs a note; then the report is received.
    await w.page.locator(".report summary").click();
    await w.page.getByRole("radio", { name: "その他" }).check();
    await w.page.getByRole("button", { name: "送信する" }).click();
    await expect.poll(() => w.page.locator(".field-error").textContent()).toContain("どこが違うか");
    await w.page.locator("#report-details").fill("土曜日もやっているようです");
    await w.page.getByRole("button", { name: "送信する" }).click();
    await expect.poll(() => w.page.locator(".report [role=status]").textContent()).toContain("ありがとうございました");
    await screenshot(w.page, "05-phone-report-sent");
    const reports = await app.db.selectFrom("service_report").select(["problem", "note"]).where("service_id", "=", service.id).execute();
    expect(reports).toEqual([{ problem: "other", note: "土曜日もやっているようです" }]);
    expect(w.foreignRequests).toEqual([]);
    expect(await w.cookies()).toEqual([]);
    await w.context.close();
  });
});

function toMetres(text: string): number {
  const m = /([\d.]+)\s*(k?m)/.exec(text);
  if (!m) throw new Error(`no distance in ${text}`);
  return Number(m[1]) * (m[2] === "km" ? 1000 : 1);
}
