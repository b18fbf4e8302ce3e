import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../seed/load.js";
import { DESKTOP, PHONE, axeScan, hasChromium, screenshot, seriousOrWorse } from "./support/browser.js";
import { useDemoAppInBrowser } from "./support/demo-suite.js";
import { apiAs } from "./support/demo-calls.js";

type Slot = { days: string[]; opensAt: string; closesAt: string };
type Record = {
  status: string;
  draft: { schedule?: Slot[]; location: { lat: number; lng: number; coordSource?: string } };
  revision: { status: string; draft: { schedule?: Slot[]; location: { lat: number; lng: number; coordSource?: string } } } | null;
};

/**
 * A partner edits a published service in the browser: adds opening hours, moves the pin on the
 * map (a click, then a drag), saves, and sees the change waiting for the center's review while
 * the published version stays as it was.
 */
describe.skipIf(!hasChromium)("partner edits a service (browser)", () => {
  const app = useDemoAppInBrowser();

  for (const [device, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    it(`edits the schedule and moves the pin; the change waits for review (${device})`, async () => {
      const partner1 = await apiAs(app.url, "partner1@example.jp");
      const w = await app.open(viewport);
      const { page } = w;
      await page.goto("/login?next=/partner");
      await page.locator("#email").fill("partner1@example.jp");
      await page.locator("#password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "ログイン" }).click();
      await page.waitForURL((u) => u.pathname === "/partner");
      await page.getByRole("link", { name: "ひだまり食堂" }).click();
      await page.waitForURL(/\/partner\/services\/[0-9a-f-]{36}$/);
      const serviceId = page.url().split("/").at(-1)!;
      const before = await partner1.call<Record>("GET", `/services/${serviceId}/record`);
      await expect.poll(() => page.locator("#svc-name").inputValue()).toBe("ひだまり食堂");
      const base = before.revision?.status === "pending" ? before.revision.draft : before.draft;
      const slotsBefore = base.schedule?.length ?? 0;
      expect(await page.locator(".schedule-row").count()).toBe(slotsBefore);
      expect(seriousOrWorse(await axeScan(page))).toEqual([]);
      await screenshot(page, `70-${device}-service-edit`, { fullPage: true });

      // A new row, first filled wrongly: no day, closing before opening.
      await page.locator("#svc-add-slot").click();
      const row = slotsBefore; // index of the new row
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`svc-slot-${row}-day-mon`);
      await page.locator(`#svc-slot-${row}-opens`).fill("12:00");
      await page.locator(`#svc-slot-${row}-closes`).fill("10:00");
      await page.getByRole("button", { name: "変更を保存する" }).click();
      await expect.poll(() => page.locator(".error-summary li").allTextContents()).toEqual(["曜日を1つ以上選んでください", "終了時刻は開始時刻より後にしてください"]);
      expect(seriousOrWorse(await axeScan(page))).toEqual([]);
      await screenshot(page, `71-${device}-service-edit-errors`);
      await page.locator(`#svc-slot-${row}-day-sat`).check();
      await page.locator(`#svc-slot-${row}-opens`).fill("10:00");
      await page.locator(`#svc-slot-${row}-closes`).fill("12:30");

      // The server's own rule comes back in the summary, led by the field's name.
      const phone = await page.locator("#svc-phone").inputValue();
      await page.locator("#svc-phone").fill("電話ください");
      await page.getByRole("button", { name: "変更を保存する" }).click();
      await expect.poll(() => page.locator(".error-summary li").allTextContents()).toEqual(["電話（任意）: must be a phone number"]);
      await page.locator(".error-summary a").click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("svc-phone");
      await page.locator("#svc-phone").fill(phone);

      // Move the pin: a click on the map, then a drag of the marker.
      const lat0 = Number(await page.locator("#svc-lat").inputValue());
      const lng0 = Number(await page.locator("#svc-lng").inputValue());
      const map = page.locator(".pin-map");
      await map.scrollIntoViewIfNeeded();
      const box = (await map.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40);
      await expect.poll(async () => Number(await page.locator("#svc-lng").inputValue())).toBeGreaterThan(lng0);
      const lat1 = Number(await page.locator("#svc-lat").inputValue());
      expect(lat1).toBeLessThan(lat0);
      const pin = (await page.locator(".pin-map img.leaflet-marker-icon").boundingBox())!;
      await page.mouse.move(pin.x + pin.width / 2, pin.y + pin.height - 5);
      await page.mouse.down();
      await page.mouse.move(pin.x + pin.width / 2 - 30, pin.y + pin.height - 25, { steps: 8 });
      await page.mouse.up();
      await expect.poll(async () => Number(await page.locator("#svc-lat").inputValue())).toBeGreaterThan(lat1);
      const lat = Number(await page.locator("#svc-lat").inputValue());
      const lng = Number(await page.locator("#svc-lng").inputValue());
      await screenshot(page, `72-${device}-service-pin-moved`);

      await page.getByRole("button", { name: "変更を保存する" }).click();
      await expect.poll(() => page.locator(".notice-success").textContent()).toContain("保存しました");
      expect(await page.locator(".notice-success").textContent()).toContain("審査待ち");
      expect(await page.locator(".record-state .tag").textContent()).toBe("公開中・変更の審査待ち");
      expect(seriousOrWorse(await axeScan(page))).toEqual([]);
      await screenshot(page, `73-${device}-service-saved`, { fullPage: true });

      const after = await partner1.call<Record>("GET", `/services/${serviceId}/record`);
      expect(after.status).toBe("published");
      expect(after.revision?.status).toBe("pending");
      expect(after.revision!.draft.schedule).toContainEqual({ days: ["sat"], opensAt: "10:00", closesAt: "12:30" });
      expect(after.revision!.draft.location).toMatchObject({ lat, lng, coordSource: "manual" });
      // The published version is untouched until the center approves.
      expect(after.draft.location).toMatchObject({ lat: before.draft.location.lat, lng: before.draft.location.lng });
      expect(after.draft.schedule ?? []).toEqual(before.draft.schedule ?? []);

      await page.getByRole("link", { name: "ポータルのホームへ戻る" }).click();
      const item = page.locator(".record-item", { hasText: "ひだまり食堂" });
      await expect.poll(() => item.locator(".tag").first().textContent()).toBe("公開中・変更の審査待ち");
      expect(w.foreignRequests).toEqual([]);
      await w.context.close();
    });
  }

  it("adds a new service with the pin placed from the keyboard; it waits for its first review", async () => {
    const w = await app.open();
    const { page } = w;
    await page.goto("/login?next=/partner/services/new");
    await page.locator("#email").fill("partner1@example.jp");
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL((u) => u.pathname === "/partner/services/new");
    await page.locator("#svc-name").waitFor();
    await page.getByRole("button", { name: "登録する" }).click();
    await expect.poll(() => page.locator(".error-summary li").count()).toBe(5);
    expect(seriousOrWorse(await axeScan(page))).toEqual([]);
    await screenshot(page, "74-service-new-errors", { fullPage: true });

    await page.locator("#svc-name").fill("ひだまり夜間学習会");
    await page.locator("#svc-kana").fill("ヒダマリヤカンガクシュウカイ");
    await page.locator("#svc-kind").selectOption("ibasho");
    await page.locator("#svc-age-min").fill("6");
    await page.locator("#svc-age-max").fill("15");
    await page.locator("#svc-age-max-m").fill("11");
    await page.locator("#svc-prefecture").fill("埼玉県");
    await page.locator("#svc-city").fill("川口市");
    await page.locator("#svc-line1").fill("並木2-1-1");
    await page.locator("#svc-lat").fill("35.8123");
    await page.locator("#svc-lng").fill("139.7301");
    await page.locator("#svc-add-slot").press("Enter");
    await page.keyboard.press("Space"); // focus is on Monday of the new row
    await page.locator("#svc-slot-0-opens").fill("18:00");
    await page.locator("#svc-slot-0-closes").fill("20:00");
    await page.getByRole("button", { name: "登録する" }).click();
    await page.waitForURL(/\/partner\/services\/[0-9a-f-]{36}\?saved=1$/);
    await expect.poll(() => page.locator(".record-state .tag").textContent()).toBe("審査待ち（非公開）");
    const id = new URL(page.url()).pathname.split("/").at(-1)!;
    const partner1 = await apiAs(app.url, "partner1@example.jp");
    const created = await partner1.call<Record & { draft: { ageMinMonths: number; ageMaxMonths: number } }>("GET", `/services/${id}/record`);
    expect(created).toMatchObject({ status: "pending", draft: { ageMinMonths: 72, ageMaxMonths: 191, location: { lat: 35.8123, lng: 139.7301 }, schedule: [{ days: ["mon"], opensAt: "18:00", closesAt: "20:00" }] } });
    await screenshot(page, "75-service-new-saved", { fullPage: true });
    await w.context.close();
  });
});
