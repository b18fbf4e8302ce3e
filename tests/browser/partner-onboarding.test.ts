import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../seed/load.js";
import { axeScan, hasChromium, PHONE, screenshot, seriousOrWorse } from "./support/browser.js";
import { useDemoAppInBrowser } from "./support/demo-suite.js";

/** A community group registers on its own; staff of the center it serves approve it. */
describe.skipIf(!hasChromium)("partner registration and review (browser)", () => {
  const app = useDemoAppInBrowser();

  it("a partner registers (with the error summary on the way) and staff approve it", async () => {
    const partner = await app.open(PHONE);
    const { page } = partner;
    await page.goto("/login");
    await page.getByRole("link", { name: "支援団体として登録する" }).click();
    await page.waitForURL(/\/partner\/register/);
    expect(seriousOrWorse(await axeScan(page))).toEqual([]);

    // Sending the empty form: an error summary that links to each field.
    await page.getByRole("button", { name: "登録する" }).click();
    await expect.poll(() => page.locator(".error-summary li").count()).toBe(4);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
    expect(seriousOrWorse(await axeScan(page))).toEqual([]);
    await screenshot(page, "50-register-errors", { fullPage: true });
    await page.locator(".error-summary a").first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("reg-name");

    await page.locator("#reg-name").fill("みなみ町こども食堂の会");
    await page.locator("#reg-municipality").selectOption("112038");
    await page.locator("#reg-email").fill("minami@example.jp");
    await page.locator("#reg-password").fill("short");
    await page.getByRole("button", { name: "登録する" }).click();
    // The server's password rule comes back as a field error.
    await expect.poll(() => page.locator("#reg-password-error").count()).toBe(1);
    await page.locator("#reg-password").fill("kodomo-shokudo-2026");
    await page.getByRole("button", { name: "登録する" }).click();
    await expect.poll(() => page.locator(".panel-confirmation h1").textContent()).toBe("登録を受け付けました");
    await screenshot(page, "51-register-done");
    expect(partner.foreignRequests).toEqual([]);
    await partner.context.close();

    const staff = await app.open();
    await staff.page.goto("/login?next=/staff/review");
    await staff.page.locator("#email").fill("staff1@example.jp");
    await staff.page.locator("#password").fill(DEMO_PASSWORD);
    await staff.page.getByRole("button", { name: "ログイン" }).click();
    await staff.page.waitForURL((u) => u.pathname === "/staff/review");
    const row = staff.page.locator(".queue-item", { hasText: "みなみ町こども食堂の会" });
    await row.waitFor();
    expect(seriousOrWorse(await axeScan(staff.page))).toEqual([]);
    await screenshot(staff.page, "52-staff-review-queue", { fullPage: true });
    await row.getByRole("button", { name: /承認して公開/ }).click();
    await expect.poll(() => staff.page.locator(".queue-item", { hasText: "みなみ町こども食堂の会" }).count()).toBe(0);
    const org = await app.db.selectFrom("organization").select("verification_status").where("name", "=", "みなみ町こども食堂の会").executeTakeFirstOrThrow();
    expect(org.verification_status).toBe("published");
    await staff.context.close();
  });
});
