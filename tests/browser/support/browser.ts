import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";

/**
 * Browser tests drive Debian's Chromium (`apt-get install chromium fonts-noto-cjk`; .ci/run does
 * it) through playwright-core: no browser is downloaded. Without /usr/bin/chromium the suites skip.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[browser tests] skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk)`);

/** Screenshots land here (git-ignored): `tests/artifacts/browser/<name>.png`. */
export const ARTIFACTS = fileURLToPath(new URL("../../artifacts/browser/", import.meta.url));

/** Flags for a closed network: no background calls to Google's services, no GPU, no sandbox as root. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
}

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 360, height: 740 };

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions and failed same-origin requests. */
  errors: string[];
  /** Any request to another origin (none are allowed: no CDN, no tiles, no tracking). */
  foreignRequests: string[];
  /** Cookies the page ended up with. */
  cookies(): Promise<unknown[]>;
}

/** A fresh context (no storage shared between tests) whose page reports errors and third-party requests. */
export async function openPage(browser: Browser, baseUrl: string, viewport = DESKTOP, opts: { geolocation?: { latitude: number; longitude: number } } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    ...(opts.geolocation ? { geolocation: opts.geolocation, permissions: ["geolocation"] } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(baseUrl).origin;
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => {
    if (r.url().startsWith(origin) && r.failure()?.errorText !== "net::ERR_ABORTED") errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`);
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  return { page, context, errors, foreignRequests, cookies: () => context.cookies() };
}

export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: opts.fullPage ?? false, animations: "disabled" });
  return path;
}

export interface AxeSummary {
  url: string;
  violations: { id: string; impact: string; nodes: number; help: string }[];
  passes: number;
}

/** axe-core with the WCAG 2.0/2.1/2.2 A and AA rules. */
export async function axeScan(page: Page): Promise<AxeSummary> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return {
    url: page.url(),
    violations: result.violations.map((v) => ({ id: v.id, impact: v.impact ?? "unknown", nodes: v.nodes.length, help: v.help })),
    passes: result.passes.length,
  };
}

export const seriousOrWorse = (s: AxeSummary) => s.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
