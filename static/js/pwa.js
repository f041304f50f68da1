// The installable app, on every page: registers the service worker, and sends the answers
// given in offline practice once the device is online again. Also the small store that
// offline practice (knm-offline.js) keeps its questions and answers in (IndexedDB).
// Every page works without this file.
(function () {
  "use strict";

  var W = (window.Wegwijs = window.Wegwijs || {});
  var body = document.body;
  var PENDING_FLAG = "wegwijs-pending-answers"; // a count, so pages need not open the store
  var BATCH = 100;

  // ---- the store ---------------------------------------------------------------------
  var opening = null;
  W.db = function () {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        var request = window.indexedDB.open("wegwijs", 1);
        request.onupgradeneeded = function () {
          request.result.createObjectStore("kv");
          request.result.createObjectStore("answers", { keyPath: "id" });
        };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
      });
    }
    return opening;
  };

  function run(store, mode, action) {
    return W.db().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(store, mode);
        var result = action(tx.objectStore(store));
        tx.oncomplete = function () { resolve(result && "result" in result ? result.result : undefined); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error); };
      });
    });
  }

  W.get = function (store, key) {
    return run(store, "readonly", function (s) { return s.get(key); });
  };
  W.put = function (store, value, key) {
    return run(store, "readwrite", function (s) {
      return key === undefined ? s.put(value) : s.put(value, key);
    });
  };
  W.all = function (store) {
    return run(store, "readonly", function (s) { return s.getAll(); });
  };
  W.remove = function (store, keys) {
    return run(store, "readwrite", function (s) {
      keys.forEach(function (key) { s.delete(key); });
    });
  };

  // A random id (UUID 4) for an answer: the server records each id once.
  W.newId = function () {
    if (window.crypto.randomUUID) return window.crypto.randomUUID();
    var b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  };

  // ---- answers waiting to be sent ----------------------------------------------------
  function pendingCount() {
    try {
      return parseInt(window.localStorage.getItem(PENDING_FLAG) || "0", 10) || 0;
    } catch (error) {
      return 0;
    }
  }

  function setPending(count) {
    try {
      window.localStorage.setItem(PENDING_FLAG, String(count));
    } catch (error) { /* private mode: the page still sends what it can */ }
    showPending(count);
  }

  W.pending = function () {
    return W.all("answers").then(function (answers) {
      var waiting = answers.filter(function (a) { return !a.sent; });
      setPending(waiting.length);
      return waiting;
    });
  };

  // A sentence about a number of answers, in the page's language: the element carries both
  // forms (data-waiting-one, data-waiting-many with "{n}"), written by the template.
  function counted(element, name, count) {
    var form = element.getAttribute("data-" + name + (count === 1 ? "-one" : "-many")) || "";
    return form.replace("{n}", count);
  }

  function showPending(count) {
    var line = document.querySelector("[data-pending-answers]");
    if (!line) return;
    line.hidden = count === 0;
    line.textContent = counted(line, "waiting", count);
  }

  function markSent(batch, results) {
    var sent = [];
    var dropped = [];
    batch.forEach(function (answer) {
      var outcome = results[answer.id] || "";
      if (outcome === "recorded" || outcome === "duplicate") sent.push(answer);
      else if (outcome.indexOf("refused") === 0) dropped.push(answer.id);
    });
    return run("answers", "readwrite", function (s) {
      sent.forEach(function (answer) {
        answer.sent = true;
        s.put(answer);
      });
      dropped.forEach(function (id) { s.delete(id); });
    }).then(function () { return { sent: sent.length, dropped: dropped.length }; });
  }

  function post(batch) {
    var payload = batch.map(function (a) {
      return { id: a.id, question: a.question, option: a.option, answered: a.answered };
    });
    return window.fetch(body.getAttribute("data-answers-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answers: payload }),
    }).then(function (response) {
      if ([200, 409, 422].indexOf(response.status) < 0) {
        throw new Error("The server did not take the answers (" + response.status + ").");
      }
      return response.json().then(function (data) { return markSent(batch, data.results || {}); });
    });
  }

  // Sends every answer not sent yet, in batches; each answer has its own id, so sending one
  // twice (two tabs, a lost reply) never counts it twice. Resolves to {sent, dropped, left}.
  var syncing = null;
  W.sync = function () {
    if (syncing) return syncing;
    var total = { sent: 0, dropped: 0, left: 0 };
    var next = function () {
      return W.pending().then(function (waiting) {
        if (!waiting.length || !navigator.onLine) {
          total.left = waiting.length;
          return total;
        }
        return post(waiting.slice(0, BATCH)).then(function (done) {
          total.sent += done.sent;
          total.dropped += done.dropped;
          if (done.sent + done.dropped === 0) {
            total.left = waiting.length;
            return total;
          }
          return next();
        });
      });
    };
    syncing = next().then(
      function (result) {
        syncing = null;
        document.dispatchEvent(new CustomEvent("wegwijs:synced", { detail: result }));
        return result;
      },
      function (error) {
        syncing = null;
        throw error;
      }
    );
    return syncing;
  };
  W.setPending = setPending;

  function syncIfWaiting() {
    if (pendingCount() > 0 && navigator.onLine && window.indexedDB) {
      W.sync().then(function (result) {
        var line = document.querySelector("[data-pending-answers]");
        if (line && result.sent > 0) {
          line.hidden = false;
          line.textContent = counted(line, "added", result.sent);
        }
      }, function () { /* try again next time */ });
    }
  }

  // ---- the service worker ------------------------------------------------------------
  if ("serviceWorker" in navigator && window.isSecureContext) {
    window.addEventListener("load", function () {
      navigator.serviceWorker
        .register(body.getAttribute("data-service-worker"), { scope: "/" })
        .catch(function () { /* the site works without it */ });
    });
  }

  // The offline page lists the pages this device has kept.
  var savedList = document.querySelector("[data-saved-pages]");
  if (savedList && window.caches) {
    window.caches.open("wegwijs-pages").then(function (cache) {
      return cache.keys().then(function (keys) {
        return Promise.all(keys.map(function (key) {
          return cache.match(key).then(function (page) { return { url: key.url, page: page }; });
        }));
      });
    }).then(function (pages) {
      var list = savedList.querySelector("ul");
      pages.reverse().forEach(function (saved) {
        if (!saved.page) return;
        var link = document.createElement("a");
        link.href = saved.url;
        link.textContent = decodeURIComponent(saved.page.headers.get("X-Saved-Title") || saved.url);
        var item = document.createElement("li");
        item.appendChild(link);
        list.appendChild(item);
      });
      savedList.hidden = list.children.length === 0;
    });
  }

  showPending(pendingCount());
  syncIfWaiting();
  window.addEventListener("online", syncIfWaiting);
})();
