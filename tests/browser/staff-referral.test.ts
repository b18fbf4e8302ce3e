import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../seed/load.js";
import { PHONE, axeScan, hasChromium, screenshot, seriousOrWorse } from "./support/browser.js";
import { useDemoAppInBrowser } from "./support/demo-suite.js";

/**
 * The staff console end to end: a staff member signs in, writes a support plan (meeting the
 * error summary on the way), reads the matches with their reasons, refers the family through the
 * guided flow and finds the referral on the board; then tries an organization with no account.
 */
describe.skipIf(!hasChromium)("staff: plan → matches → referral → board (browser)", () => {
  const app = useDemoAppInBrowser();

  const noAxeProblems = async (page: Page) => expect(seriousOrWorse(await axeScan(page)), page.url()).toEqual([]);
  const cont = (page: Page) => page.getByRole("button", { name: "次へ進む" }).click();

  it("creates a plan, refers the family to a match and sees it on the board", async () => {
    const w = await app.open();
    const { page } = w;
    await page.goto("/login?next=/staff/plans");
    await page.locator("#email").fill("staff1@example.jp");
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL((u) => u.pathname === "/staff/plans");
    await page.locator("h1", { hasText: "サポートプラン" }).waitFor();
    await screenshot(page, "60-staff-plans", { fullPage: true });

    await page.getByRole("link", { name: "プランを作成する" }).click();
    await page.locator("#plan-case-ref").waitFor();
    // The empty form: the API's own schema, checked in the browser, names each field.
    await page.getByRole("button", { name: "プランを作成" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
    const summary = await page.locator(".error-summary li").allTextContents();
    expect(summary).toEqual(expect.arrayContaining([expect.stringContaining("ケース番号"), expect.stringContaining("緯度"), expect.stringContaining("経度"), expect.stringContaining("子ども1"), expect.stringContaining("ニーズ1")]));
    await noAxeProblems(page);
    await screenshot(page, "61-staff-plan-form-errors", { fullPage: true });
    await page.locator(".error-summary a", { hasText: "ケース番号" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("plan-case-ref");

    // A name is not a case number: the server's rule, the same sentence.
    await page.locator("#plan-case-ref").fill("山田花子");
    await page.locator("#plan-lat").fill("35.8037");
    await page.locator("#plan-lng").fill("139.7229");
    await page.locator("#plan-child-0-years").fill("7");
    await page.locator("#plan-lang-zh").check();
    await page.locator("#plan-need-0-kind").selectOption("kodomo-shokudo");
    await page.locator("#plan-need-0-urgency").selectOption("high");
    await page.locator("#plan-need-0-note").fill("平日の夕食");
    await page.getByRole("button", { name: "ニーズを追加" }).click();
    await page.locator("#plan-need-1-kind").selectOption("home-help");
    await page.locator("#plan-distance").fill("5");
    await page.getByRole("button", { name: "プランを作成" }).click();
    await expect.poll(() => page.locator(".error-summary li").allTextContents()).toEqual([expect.stringContaining("ケース番号")]);
    await page.locator("#plan-case-ref").fill("BR-0001");
    await page.getByRole("button", { name: "プランを作成" }).click();

    // The plan page: matches per need, best first, with reasons and the near misses.
    await page.waitForURL(/\/staff\/plans\/[0-9a-f-]{36}$/);
    const planId = new URL(page.url()).pathname.split("/").pop()!;
    const shokudo = page.locator("section.need", { has: page.locator("h2", { hasText: "子ども食堂" }) });
    await shokudo.locator(".match").first().waitFor();
    expect(await shokudo.locator(".match").first().locator(".reason").count()).toBeGreaterThan(0);
    expect(await page.locator(".reason-pass .reason-status").first().textContent()).toContain("合致");
    expect(await page.locator(".match-pin").count()).toBe(await page.locator(".match").count());
    await noAxeProblems(page);
    await screenshot(page, "62-staff-plan-matches", { fullPage: true });

    // Refer to ひだまり食堂, whose organization has an account to receive it.
    const hidamari = shokudo.locator(".match", { hasText: "ひだまり食堂" });
    await hidamari.getByRole("link", { name: "紹介する" }).click();
    await page.waitForURL(/\/refer\/[0-9a-f-]{36}\/safeguarding/);
    await page.locator(".inset-warning", { hasText: "189" }).waitFor();
    await cont(page);
    await page.locator(".error-summary").waitFor();
    await noAxeProblems(page);
    await screenshot(page, "63-staff-refer-safeguarding", { fullPage: true });
    await page.getByLabel("いいえ").check();
    await cont(page);

    await page.waitForURL(/\/consent/);
    await cont(page);
    await expect.poll(() => page.locator(".error-summary li").count()).toBe(2);
    await page.locator("#consent-given").check();
    await page.locator("#consent-notice").check();
    await noAxeProblems(page);
    await screenshot(page, "64-staff-refer-consent", { fullPage: true });
    await cont(page);

    await page.waitForURL(/\/sharing/);
    await page.locator("#share-contact").check();
    await page.locator("#share-family").check();
    await noAxeProblems(page);
    await screenshot(page, "65-staff-refer-sharing", { fullPage: true });
    await cont(page);

    await page.waitForURL(/\/contact/);
    await page.locator("#contact-pref-phone").check();
    await cont(page);
    await page.locator("#contact-phone-error").waitFor();
    await page.locator("#contact-name").fill("お母さん");
    await page.locator("#contact-phone").fill("048-000-0000");
    await noAxeProblems(page);
    await screenshot(page, "66-staff-refer-contact", { fullPage: true });
    await cont(page);

    await page.waitForURL(/\/message/);
    await page.locator("#referral-message").fill("平日夕方の利用を希望");
    await screenshot(page, "67-staff-refer-message", { fullPage: true });
    await cont(page);

    // Check your answers; a change link goes to the question and comes straight back.
    await page.waitForURL(/\/check/);
    await page.locator(".summary-list").waitFor();
    await page.locator("#change-message").click();
    await page.waitForURL(/\/message\?.*return=check/);
    await page.locator("#referral-message").fill("平日夕方の利用を希望します");
    await cont(page);
    await page.waitForURL(/\/check/);
    expect(await page.locator(".summary-list").textContent()).toContain("平日夕方の利用を希望します");
    await noAxeProblems(page);
    await screenshot(page, "68-staff-refer-check", { fullPage: true });
    await page.getByRole("button", { name: "紹介を送信する" }).click();

    await page.waitForURL(/\/done\?/);
    const reference = (await page.locator(".panel-confirmation .reference").textContent())!;
    expect(reference).toMatch(/^TSN-/);
    await noAxeProblems(page);
    await screenshot(page, "69-staff-refer-done", { fullPage: true });
    const row = await app.db.selectFrom("referral").select(["status", "consent_share_contact", "contact_preference", "plan_id"]).where("reference", "=", reference).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", consent_share_contact: true, contact_preference: "phone", plan_id: planId });

    // The board shows it under 送信済み; its page has the timeline and the staff's moves.
    await page.getByRole("link", { name: "紹介ボード" }).last().click();
    await page.waitForURL((u) => u.pathname === "/staff/referrals");
    const card = page.locator("#column-sent").locator("xpath=..").locator(".board-card", { hasText: reference });
    await card.waitFor();
    await noAxeProblems(page);
    await screenshot(page, "70-staff-board", { fullPage: true });
    await page.locator("#board-overdue").check();
    await page.getByRole("button", { name: "絞り込む" }).click();
    await page.waitForURL(/overdue=1/);
    await expect.poll(() => page.locator(".board-card", { hasText: reference }).count()).toBe(0);

    await page.goto(`/staff/referrals?status=sent`);
    await page.locator(".board-card", { hasText: reference }).getByRole("link", { name: reference }).click();
    await page.locator(".timeline li").first().waitFor();
    await noAxeProblems(page);
    await screenshot(page, "71-staff-referral", { fullPage: true });
    await page.locator("#move-withdrawn").check();
    await page.locator("#move-note").fill("家庭の希望で取り下げ");
    await page.getByRole("button", { name: "記録する" }).click();
    await expect.poll(() => page.locator(".timeline li").count()).toBe(2);
    expect(await page.locator(".caption .tag").first().textContent()).toBe("取下げ");
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it("shows the contact details when the organization cannot receive referrals in Tsunagu", async () => {
    const w = await app.open(PHONE);
    const { page } = w;
    await page.goto("/login?next=/staff/plans");
    await page.locator("#email").fill("staff1@example.jp");
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.locator("table a", { hasText: "BR-0001" }).click();
    // もとごう子ども食堂 is run by a network with no partner account.
    await page.locator(".match", { hasText: "もとごう子ども食堂" }).getByRole("link", { name: "紹介する" }).click();
    await page.getByLabel("いいえ").check();
    await cont(page);
    await page.locator("#consent-given").check();
    await page.locator("#consent-notice").check();
    await cont(page);
    await cont(page);
    await page.locator("#contact-pref-via_center").check();
    await cont(page);
    await cont(page);
    await page.getByRole("button", { name: "紹介を送信する" }).click();
    await page.locator("h2", { hasText: "この団体はつなぐで紹介を受け取れません" }).waitFor();
    expect(await page.locator(".summary-list").textContent()).toContain("あらかわ子ども食堂ネットワーク");
    await noAxeProblems(page);
    await screenshot(page, "72-staff-refer-no-account", { fullPage: true });
    expect(w.errors.filter((e) => !e.includes("409"))).toEqual([]);
    await w.context.close();
  });
});
