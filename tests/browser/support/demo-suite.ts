import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startDemoApp } from "../../support/demo-app-server.js";
import { DESKTOP, launchBrowser, openPage } from "./browser.js";

type DemoApp = Awaited<ReturnType<typeof startDemoApp>>;

/**
 * The demo app and a Chromium for one suite: call it at the top of a `describe`. It registers a
 * `beforeAll` that starts both (side by side) and an `afterAll` that closes the browser, then the
 * app. Hooks run in the order they are registered and `afterAll`s in reverse (vitest's "stack"), so a
 * suite's own `beforeAll` registered after this one finds the app running, and its own `afterAll`
 * runs while the app is still up.
 */
export function useDemoAppInBrowser() {
  let app: DemoApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  const started = () => {
    if (!app || !browser) throw new Error("the demo app is not started yet: use it inside a hook or a test");
    return { app, browser };
  };
  return {
    /** The app's base url, e.g. `http://127.0.0.1:41234`. */
    get url(): string {
      return started().app.url;
    },
    /** The app's database. */
    get db(): DemoApp["db"] {
      return started().app.db;
    },
    /** A fresh, watched page on the app (see `openPage`). */
    open(viewport = DESKTOP, opts: Parameters<typeof openPage>[3] = {}) {
      const { app, browser } = started();
      return openPage(browser, app.url, viewport, opts);
    },
  };
}
