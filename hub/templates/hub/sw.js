{% autoescape off %}// Wegwijs service worker (served at /sw.js by hub/pwa.py, which fills in CONFIG).
//
// - On install it stores the offline practice page, the offline page and the site's files.
// - Pages: network first, so new content always wins when online. Pages a person opened are
//   kept (the newest CONFIG.page_limit, at most CONFIG.byte_limit bytes) and shown offline
//   with a "saved copy from ..." note. KNM pages open the offline practice page offline.
// - Site files (/static/): from the store, refreshed in the background.
// - Every language has its own offline pages (CONFIG.languages, /nl/ before /): a page under
//   /nl/ falls back to the Dutch ones, and its "saved copy" note is in Dutch.
// Everything else (answers, the question bank, forms) goes to the network untouched.
"use strict";

const CONFIG = {{ config }};
const FILES = "wegwijs-files-" + CONFIG.version;
const PAGES = "wegwijs-pages";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(FILES)
      .then((cache) => cache.addAll(CONFIG.precache))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith("wegwijs-files-") && key !== FILES)
            .map((key) => caches.delete(key))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(page(event, url));
  } else if (url.pathname.startsWith(CONFIG.static)) {
    event.respondWith(file(event, request));
  }
});

async function page(event, url) {
  try {
    const response = await fetch(event.request);
    if (response.ok && !response.redirected && isHtml(response)) {
      if (CONFIG.languages.some((l) => url.pathname === l.practice || url.pathname === l.offline)) {
        const copy = response.clone();
        event.waitUntil(caches.open(FILES).then((cache) => cache.put(url.pathname, copy)));
      } else if (worthSaving(url)) {
        event.waitUntil(save(url, response.clone()));
      }
    }
    return response;
  } catch (error) {
    return offlineResponse(url);
  }
}

function isHtml(response) {
  return (response.headers.get("Content-Type") || "").startsWith("text/html");
}

function worthSaving(url) {
  if (url.search) return false;
  return !CONFIG.not_saved.some((prefix) => url.pathname.startsWith(prefix));
}

function pageKey(url) {
  return url.origin + url.pathname;
}

async function save(url, response) {
  const html = await response.text();
  if (html.includes('class="wrap messages"')) return; // a one-time message, not the page
  const bytes = new Blob([html]).size;
  if (bytes > CONFIG.byte_limit / 4) return;
  const title = (html.match(/<title>([^<]*)<\/title>/) || [])[1] || url.pathname;
  const headers = {
    "Content-Type": response.headers.get("Content-Type"),
    "X-Saved-At": String(Date.now()),
    "X-Saved-Bytes": String(bytes),
    "X-Saved-Title": encodeURIComponent(title.trim()),
  };
  const policy = response.headers.get("Content-Security-Policy");
  if (policy) headers["Content-Security-Policy"] = policy;
  const cache = await caches.open(PAGES);
  const key = pageKey(url);
  await cache.delete(key); // re-added at the end: the newest page is the last key
  await cache.put(key, new Response(html, { headers }));
  await trim(cache);
}

async function trim(cache) {
  const keys = await cache.keys();
  const sizes = await Promise.all(
    keys.map((key) =>
      cache.match(key).then((hit) => Number(hit && hit.headers.get("X-Saved-Bytes")) || 0)
    )
  );
  let total = sizes.reduce((sum, size) => sum + size, 0);
  let count = keys.length;
  for (let i = 0; i < keys.length && (count > CONFIG.page_limit || total > CONFIG.byte_limit); i++) {
    await cache.delete(keys[i]);
    total -= sizes[i];
    count -= 1;
  }
}

function languageOf(url) {
  return CONFIG.languages.find((l) => url.pathname.startsWith(l.prefix)) || CONFIG.languages[CONFIG.languages.length - 1];
}

async function offlineResponse(url) {
  const language = languageOf(url);
  const saved = await caches.open(PAGES).then((cache) => cache.match(pageKey(url), { ignoreVary: true }));
  if (saved) return withSavedNote(saved, language);
  if (url.pathname.startsWith(language.knm)) {
    const practice = await caches.match(language.practice, { ignoreVary: true });
    if (practice) return practice;
  }
  const fallback = await caches.match(language.offline, { ignoreVary: true });
  if (fallback) return fallback;
  return new Response(language.not_saved, {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

async function withSavedNote(saved, language) {
  const when = new Date(Number(saved.headers.get("X-Saved-At")));
  const locale = language.code === "en" ? "en-GB" : language.code;
  const date = when.toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric" });
  const time = when.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
  const note =
    '<div class="wrap"><p class="saved-copy" role="note">' +
    language.saved.replace("{date}", date + ", " + time) + "</p></div>";
  const html = (await saved.text()).replace(
    /(<main id="main"[^>]*>)/,
    (main) => main + note
  );
  const headers = { "Content-Type": saved.headers.get("Content-Type") };
  const policy = saved.headers.get("Content-Security-Policy");
  if (policy) headers["Content-Security-Policy"] = policy;
  return new Response(html, { headers });
}

async function file(event, request) {
  const cache = await caches.open(FILES);
  const hit = await cache.match(request, { ignoreVary: true });
  const fresh = fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(cache.put(request, copy));
    }
    return response;
  });
  if (hit) {
    event.waitUntil(fresh.catch(() => undefined));
    return hit;
  }
  return fresh;
}
{% endautoescape %}
