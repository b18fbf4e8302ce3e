import type { AnchorHTMLAttributes, ComponentChildren, TargetedMouseEvent } from "preact";
import { useEffect, useState } from "preact/hooks";

/**
 * A small History API router: the whole state of a page is its URL (path + query), so every
 * view can be shared, bookmarked, printed and reopened. `navigate` pushes (or replaces) and tells
 * the subscribers; the back button works through `popstate`.
 */
export interface Location {
  path: string;
  query: URLSearchParams;
  /** path + "?" + query, as written in the address bar. */
  href: string;
}

const listeners = new Set<() => void>();

export function currentLocation(): Location {
  const { pathname, search } = window.location;
  return { path: pathname, query: new URLSearchParams(search), href: pathname + search };
}

export function navigate(href: string, opts: { replace?: boolean } = {}): void {
  const target = new URL(href, window.location.href);
  const next = target.pathname + target.search;
  if (next === window.location.pathname + window.location.search) return;
  if (opts.replace) history.replaceState(null, "", next);
  else history.pushState(null, "", next);
  for (const fn of listeners) fn();
}

// Guarded so the pure helpers (matchPath) load in Node for unit tests.
if (typeof window !== "undefined") {
  window.addEventListener("popstate", () => {
    for (const fn of listeners) fn();
  });
}

export function useLocation(): Location {
  const [loc, setLoc] = useState(currentLocation);
  useEffect(() => {
    const update = () => setLoc(currentLocation());
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return loc;
}

/** `/partner/services/:id` against `/partner/services/42` → `{ id: "42" }`; a trailing `*` matches the rest. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split("/").filter(Boolean);
  const s = path.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!;
    if (part === "*") return params;
    const seg = s[i];
    if (seg === undefined) return undefined;
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(seg);
    else if (part !== seg) return undefined;
  }
  return p.length === s.length ? params : undefined;
}

/** An in-app link: plain `<a href>` (works without JS, opens in a new tab), navigated in place on a plain click. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children?: ComponentChildren }) {
  const onClick = (e: TargetedMouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(props.href);
  };
  return <a {...props} onClick={onClick} />;
}
