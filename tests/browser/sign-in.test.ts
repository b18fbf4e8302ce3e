import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../seed/load.js";
import { type WatchedPage, axeScan, hasChromium, PHONE, screenshot, seriousOrWorse } from "./support/browser.js";
import { useDemoAppInBrowser } from "./support/demo-suite.js";

/** Signing in to the staff console and the partner portal (the shells their pages grow in). */
describe.skipIf(!hasChromium)("sign-in (browser)", () => {
  const app = useDemoAppInBrowser();

  async function signIn(w: WatchedPage, email: string, password = DEMO_PASSWORD) {
    await w.page.locator("#email").fill(email);
    await w.page.locator("#password").fill(password);
    await w.page.getByRole("button", { name: "ログイン" }).click();
  }

  it("sends a signed-out visitor to the sign-in page and back; a wrong password says so", async () => {
    const w = await app.open();
    await w.page.goto("/staff");
    await w.page.waitForURL(/\/login\?next=%2Fstaff/);
    await signIn(w, "staff1@example.jp", "not-the-password");
    await expect.poll(() => w.page.getByRole("alert").textContent()).toContain("パスワードが違います");
    await screenshot(w.page, "40-login-error");
    await signIn(w, "staff1@example.jp");
    await w.page.waitForURL((u) => u.pathname === "/staff");
    await expect.poll(() => w.page.locator(".signed-in-as").textContent()).toContain("さんとしてログイン中");
    const summary = await axeScan(w.page);
    expect(seriousOrWorse(summary)).toEqual([]);
    await screenshot(w.page, "41-staff-console");

    await w.page.getByRole("button", { name: "ログアウト" }).click();
    await w.page.waitForURL(/\/login/);
    await w.page.goto("/staff");
    await w.page.waitForURL(/\/login/);
    // A 401 from /auth/me is expected here; nothing else may fail.
    expect(w.errors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it("takes a partner to the partner portal (360 px)", async () => {
    const w = await app.open(PHONE);
    await w.page.goto("/login");
    await signIn(w, "partner1@example.jp");
    await w.page.waitForURL((u) => u.pathname === "/partner");
    await expect.poll(() => w.page.locator("h1").textContent()).toBe("支援団体ポータル");
    expect(seriousOrWorse(await axeScan(w.page))).toEqual([]);
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(w.page, "42-partner-portal-phone");
    await w.context.close();
  });
});
