import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../seed/load.js";
import { consent, publishedServiceOf } from "../plans/support.js";
import { PHONE, axeScan, hasChromium, screenshot, seriousOrWorse } from "./support/browser.js";
import { useDemoAppInBrowser } from "./support/demo-suite.js";
import { apiAs } from "./support/demo-calls.js";

/**
 * A referral end to end: staff of center 1 refer a family to a service of ひだまりネット (the demo
 * partner with a receiving account, partner1) through the API; the partner signs in in the
 * browser, finds it in the inbox, sees only what the family agreed to share, and accepts it; the
 * center's API then reports it accepted.
 */
describe.skipIf(!hasChromium)("partner answers a referral (browser)", () => {
  const app = useDemoAppInBrowser();

  it("staff refer, the partner sees it in the inbox and accepts it, staff see it accepted", async () => {
    const staff = await apiAs(app.url, "staff1@example.jp");
    const partner1 = await apiAs(app.url, "partner1@example.jp");
    const service = await publishedServiceOf(app.db, partner1.user.organizationId!);
    const waitingBefore = (await partner1.call<unknown[]>("GET", "/referrals?status=sent&size=200")).length;
    const plan = await staff.call<{ id: string }>(
      "POST",
      "/plans",
      {
        caseRef: "K-2026-0420",
        family: { lat: 35.81, lng: 139.73, children: [{ ageMonths: 40 }], languages: ["ja", "vi"], flags: {} },
        needs: [{ kind: service.kind, note: "夕食の支援（ケースメモ：パートナーには見せない）" }],
      },
      201,
    );
    const sent = await staff.call<{ id: string; reference: string; status: string }>(
      "POST",
      "/referrals",
      {
        planId: plan.id,
        serviceId: service.id,
        message: "土曜の夕食を希望しています。",
        consent: consent({ shareContact: true, shareFamilyDetails: true }),
        contactPreference: "phone",
        contact: { name: "田中", phone: "048-000-1234" },
      },
      201,
    );
    expect(sent.status).toBe("sent");

    const w = await app.open(PHONE);
    const { page } = w;
    await page.goto("/partner");
    await page.waitForURL(/\/login\?next=/);
    await page.locator("#email").fill("partner1@example.jp");
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL((u) => u.pathname === "/partner");
    w.errors.length = 0; // the signed-out visit's 401 from /auth/me is how the shell finds out

    // The home counts it among the referrals waiting for an answer.
    await expect.poll(() => page.locator(".big-number").textContent()).toBe(`${waitingBefore + 1}件`);
    await page.locator(".record-item").first().waitFor();
    expect(seriousOrWorse(await axeScan(page))).toEqual([]);
    await screenshot(page, "60-partner-home", { fullPage: true });

    await page.getByRole("link", { name: "紹介の一覧を見る" }).click();
    await page.waitForURL(/\/partner\/referrals\?status=sent/);
    const row = page.locator(".record-item", { hasText: sent.reference });
    await row.waitFor();
    expect(await row.textContent()).toContain("返事待ち");
    expect(seriousOrWorse(await axeScan(page))).toEqual([]);
    await screenshot(page, "61-partner-inbox", { fullPage: true });

    await row.getByRole("link").click();
    await page.waitForURL(new RegExp(`/partner/referrals/${sent.id}$`));
    await page.locator(".summary-list").waitFor();
    const details = (await page.locator(".summary-list").textContent()) ?? "";
    expect(details).toContain(sent.reference);
    expect(details).toContain("048-000-1234");
    expect(details).toContain("電話"); // the family's contact preference
    expect(details).toContain("子ども 3歳4か月");
    // Never the case reference or the plan's notes.
    expect(await page.locator("main").textContent()).not.toContain("K-2026-0420");
    expect(await page.locator("main").textContent()).not.toContain("ケースメモ");
    expect(seriousOrWorse(await axeScan(page))).toEqual([]);

    // Sending without choosing: the error summary names the question.
    await page.getByRole("button", { name: "返事を送る" }).click();
    await expect.poll(() => page.locator(".error-summary li").count()).toBe(1);
    await screenshot(page, "62-partner-referral-errors", { fullPage: true });

    await page.getByLabel("受け入れる").check();
    await page.locator("#ref-note").fill("土曜日にお電話します。");
    await page.getByRole("button", { name: "返事を送る" }).click();
    await expect.poll(() => page.locator(".notice-success").textContent()).toContain("受け入れ");
    expect(await page.locator(".timeline li").count()).toBe(2);
    // Next, the form offers the moves after accepting.
    await page.getByLabel("支援を始めた").waitFor();
    expect(seriousOrWorse(await axeScan(page))).toEqual([]);
    await screenshot(page, "63-partner-referral-accepted", { fullPage: true });
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();

    const seen = await staff.call<{ status: string; events: { status: string; note: string | null; by: string }[] }>("GET", `/referrals/${sent.id}`);
    expect(seen.status).toBe("accepted");
    expect(seen.events.at(-1)).toMatchObject({ status: "accepted", note: "土曜日にお電話します。", by: "partner" });
  });

  it("declining needs a reason from the fixed list", async () => {
    const staff = await apiAs(app.url, "staff1@example.jp");
    const partner1 = await apiAs(app.url, "partner1@example.jp");
    const service = await publishedServiceOf(app.db, partner1.user.organizationId!);
    const plan = await staff.call<{ id: string }>("POST", "/plans", { caseRef: "K-2026-0421", family: { lat: 35.81, lng: 139.73 }, needs: [{ kind: service.kind }] }, 201);
    const sent = await staff.call<{ id: string }>("POST", "/referrals", { planId: plan.id, serviceId: service.id, consent: consent(), contactPreference: "via_center" }, 201);

    const w = await app.open();
    const { page } = w;
    await page.goto(`/login?next=/partner/referrals/${sent.id}`);
    await page.locator("#email").fill("partner1@example.jp");
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL((u) => u.pathname === `/partner/referrals/${sent.id}`);
    // Nothing shared: the page says so instead of showing contact details.
    await expect.poll(() => page.locator(".summary-list").textContent()).toContain("家庭の同意がないため共有されていません");

    await page.getByLabel("お断りする").check();
    await page.getByRole("button", { name: "返事を送る" }).click();
    await expect.poll(() => page.locator(".error-summary li").textContent()).toBe("お断りの理由を選んでください");
    await page.locator(".error-summary a").click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("ref-reason-no_capacity");
    expect(seriousOrWorse(await axeScan(page))).toEqual([]);
    await screenshot(page, "64-partner-referral-decline");
    await page.getByLabel("受け入れる余裕がない").check();
    await page.getByRole("button", { name: "返事を送る" }).click();
    await expect.poll(() => page.locator(".notice-success").textContent()).toContain("お断り");
    await w.context.close();

    const seen = await staff.call<{ status: string; events: { reason: string | null }[] }>("GET", `/referrals/${sent.id}`);
    expect(seen).toMatchObject({ status: "declined" });
    expect(seen.events.at(-1)?.reason).toBe("no_capacity");
  });
});
