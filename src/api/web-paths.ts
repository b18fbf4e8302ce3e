/** Which requests the web app's files answer, shared by the Node and the Workers static handlers. */

/** `/api` and below belong to the API (its docs' assets aside, which each runtime serves itself). */
export const isApiPath = (path: string) => path === "/api" || path.startsWith("/api/");

/** A page address (no file extension): the browser app's router handles it, so it gets index.html. */
export const isPagePath = (path: string) => !/\.[a-z0-9]+$/i.test(path);

/** Hashed build assets never change; everything else (index.html, the basemap) is revalidated. */
export const webCacheControl = (path: string) => (path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
