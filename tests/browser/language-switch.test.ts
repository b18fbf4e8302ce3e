import { describe, expect, it } from "vitest";
import { hasChromium, screenshot } from "./support/browser.js";
import { useDemoAppInBrowser } from "./support/demo-suite.js";

describe.skipIf(!hasChromium)("language switch (browser)", () => {
  const app = useDemoAppInBrowser();

  it("switches between 日本語, English and やさしい日本語 (with furigana) and keeps the language across pages", async () => {
    const { page, context, foreignRequests } = await app.open();
    await page.goto("/");
    await expect.poll(() => page.locator("h1").textContent()).toBe("子育ての支援をさがす");
    expect(await page.getAttribute("html", "lang")).toBe("ja");

    await page.getByRole("link", { name: "English" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Find support for your family");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(page.url()).toContain("lang=en");
    expect(await page.getByRole("button", { name: "Children's cafeteria" }).count()).toBe(1);
    expect(await page.title()).toContain("Tsunagu");
    await screenshot(page, "10-lang-en");

    await page.getByRole("link", { name: "やさしい にほんご" }).click();
    await expect.poll(() => page.url()).toContain("lang=easy");
    expect(await page.getAttribute("html", "lang")).toBe("ja");
    // Furigana: <ruby>子育<rt>こそだ</rt></ruby>て in the heading.
    await expect.poll(() => page.locator("h1 ruby rt").first().textContent()).toBe("こそだ");
    expect(await page.locator(".chip ruby").count()).toBeGreaterThan(0);
    await screenshot(page, "11-lang-easy");

    // The language follows in-app links (the sign-in page) and the switch is on every page.
    await page.getByRole("link", { name: "しょくいん" }).click();
    await page.waitForURL(/\/login\?lang=easy/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("ログイン");
    await page.getByRole("link", { name: "日本語" }).click();
    await page.waitForURL((u) => u.pathname === "/login" && !u.search.includes("lang="));
    expect(await page.locator("label[for=password]").textContent()).toBe("パスワード");
    await screenshot(page, "12-login-ja");

    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
