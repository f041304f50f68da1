// Offline KNM practice: keeps the practice bank on the device (a versioned JSON file, in
// IndexedDB through pwa.js) and runs a round of ten questions with no connection at all:
// choose, answer, see the explanation, see the score. Answers are stored on the device with
// ids made here, and pwa.js sends them when the device is online; each counts once.
(function () {
  "use strict";

  var W = window.Wegwijs;
  var app = document.getElementById("offline-app");
  if (!app) return;
  var statusLine = document.getElementById("offline-status");
  var syncLine = document.getElementById("offline-sync");
  var startSection = document.getElementById("offline-start");
  var startForm = document.getElementById("offline-start-form");
  var themeSelect = document.getElementById("offline-theme");
  var screen = document.getElementById("offline-screen");
  var bank = null;
  var round = null;
  // Every word this script shows, in the page's language: a JSON data block the template
  // writes (knm/offline_views.py offline_strings). "{n}" and other names in braces are
  // filled in by say(); "_one"/"_many" are the forms for 1 and for other numbers.
  var stringsNode = document.getElementById("offline-strings");
  var S = stringsNode ? JSON.parse(stringsNode.textContent) : {};
  var LANG = S.lang || document.documentElement.lang || "en";

  function say(key, values) {
    var text = S[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  }

  function sayCount(key, n, values) {
    var all = Object.assign({ n: n }, values || {});
    return say(key + (n === 1 ? "_one" : "_many"), all);
  }

  if (!W || !window.indexedDB || !window.Promise) {
    statusLine.textContent = say("cannot_keep");
    return;
  }

  // ---- small helpers ---------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs.text;
      else if (name === "html") node.innerHTML = attrs.html; // sanitised by the server
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function shuffle(list) {
    var copy = list.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = copy[i];
      copy[i] = copy[j];
      copy[j] = swap;
    }
    return copy;
  }

  function byId() {
    var map = {};
    bank.questions.forEach(function (q) { map[q.id] = q; });
    return map;
  }

  function themeOf(slug) {
    return bank.themes.filter(function (t) { return t.slug === slug; })[0] || { title: slug, dutch_title: "" };
  }

  function show(node, focusTarget) {
    screen.replaceChildren(node);
    var target = focusTarget || node.querySelector("h2");
    if (target) {
      target.setAttribute("tabindex", "-1");
      target.focus();
    }
  }

  // ---- the bank ----------------------------------------------------------------------
  function loadBank() {
    return W.get("kv", "bank").then(function (stored) {
      if (!navigator.onLine) return stored;
      var headers = stored ? { "If-None-Match": '"' + stored.version + '"' } : {};
      return window.fetch(app.getAttribute("data-bank-url"), {
        headers: headers, cache: "no-store", credentials: "same-origin",
      }).then(function (response) {
        if (response.status === 304 || !response.ok) return stored;
        return response.json().then(function (fresh) {
          fresh.checked = new Date().toISOString();
          return W.put("kv", fresh, "bank").then(function () { return fresh; });
        });
      }, function () { return stored; });
    });
  }

  function showReady() {
    var counts = {};
    bank.questions.forEach(function (q) { counts[q.theme] = (counts[q.theme] || 0) + 1; });
    while (themeSelect.options.length > 1) themeSelect.remove(1);
    bank.themes.forEach(function (t) {
      if (!counts[t.slug]) return;
      themeSelect.appendChild(el("option", {
        value: t.slug, text: t.title + " (" + t.dutch_title + "): " + sayCount("questions", counts[t.slug]),
      }));
    });
    var when = new Date(bank.checked || Date.now());
    statusLine.textContent = sayCount("ready", bank.questions.length, {
      date: when.toLocaleDateString(LANG === "en" ? "en-GB" : LANG, { day: "numeric", month: "long", year: "numeric" }),
    });
    startSection.hidden = false;
  }

  // ---- a round -----------------------------------------------------------------------
  function lastAnswers() {
    return W.all("answers").then(function (answers) {
      var last = {};
      answers.forEach(function (a) {
        if (!last[a.question] || last[a.question].answered < a.answered) last[a.question] = a;
      });
      return last;
    });
  }

  function startRound(theme) {
    return lastAnswers().then(function (last) {
      // Missed last time first, then never answered here, then the rest; random within each.
      var rank = function (q) { return !last[q.id] ? 1 : last[q.id].correct ? 2 : 0; };
      var pool = shuffle(bank.questions.filter(function (q) { return theme === "all" || q.theme === theme; }));
      pool.sort(function (a, b) { return rank(a) - rank(b); });
      var chosen = shuffle(pool.slice(0, bank.practice_length));
      round = {
        theme: theme,
        position: 0,
        items: chosen.map(function (q) {
          return { question: q.id, order: shuffle(q.options.map(function (o) { return o.n; })), chosen: null, correct: null };
        }),
      };
      return W.put("kv", round, "round");
    }).then(function () {
      startSection.hidden = true;
      showQuestion();
    });
  }

  function shownOptions(question, item) {
    return item.order.map(function (n, index) {
      var option = question.options.filter(function (o) { return o.n === n; })[0];
      return { option: option, letter: "ABCDEFG".charAt(index) };
    });
  }

  function documentFigure(question) {
    var doc = question.document;
    if (!doc) return null;
    var titleId = "offline-doc-" + question.id;
    return el("figure", { class: "document document-" + doc.kind, "aria-labelledby": titleId }, [
      el("figcaption", { id: titleId }, [
        el("span", { class: "document-kind", text: ((S.kinds || {})[doc.kind] || doc.label) + ":" }),
        document.createTextNode(" "),
        el("span", { lang: "nl", text: doc.title }),
      ]),
      el("div", { class: "document-body", lang: "nl", html: doc.html }),
      el("details", { class: "document-text" }, [
        el("summary", { text: say("plain_text") }),
        el("p", { lang: "nl", text: doc.text }),
      ]),
    ]);
  }

  // "Show in English", closed until opened. On English pages the options show their English
  // next to the Dutch; on pages in another language it is here, behind the same toggle.
  function translation(question, item) {
    var options = null;
    if (!S.english_inline && item) {
      options = el("ul", { class: "options-en", lang: "en" }, shownOptions(question, item).map(function (shown) {
        return el("li", {}, [
          el("span", { class: "letter", text: shown.letter }),
          document.createTextNode(" " + shown.option.en),
        ]);
      }));
    }
    return el("details", { class: "translation" }, [
      el("summary", { lang: "en", text: say("show_english") }),
      question.situation_en ? el("p", { lang: "en", text: question.situation_en }) : null,
      el("p", { lang: "en", text: question.question_en }),
      options,
    ]);
  }

  function optionEnglish(option) {
    if (!S.english_inline) return [];
    return [document.createTextNode(" "), el("span", { class: "option-en", text: option.en })];
  }

  function heading() {
    var theme = round.theme === "all" ? say("all_themes") : themeOf(round.theme).title;
    return [
      el("p", { class: "eyebrow", text: say("eyebrow", { theme: theme }) }),
      el("h2", { text: say("question_of", { n: round.position + 1, total: round.items.length }) }),
    ];
  }

  function showQuestion() {
    var item = round.items[round.position];
    var question = byId()[item.question];
    var theme = themeOf(question.theme);
    var fieldset = el("fieldset", {}, [el("legend", { class: "question-text", lang: "nl", text: question.question_nl })]);
    shownOptions(question, item).forEach(function (shown) {
      var id = "offline-option-" + shown.option.n;
      fieldset.appendChild(el("div", { class: "option" }, [
        el("input", { type: "radio", name: "option", id: id, value: String(shown.option.n), required: "" }),
        el("label", { for: id }, [
          el("span", { class: "letter", "aria-hidden": "true", text: shown.letter }),
          document.createTextNode(" "),
          el("span", { lang: "nl", text: shown.option.nl }),
        ].concat(optionEnglish(shown.option))),
      ]));
    });
    var form = el("form", { class: "answer-form", id: "offline-answer-form" }, [
      fieldset,
      el("button", { class: "button", type: "submit", text: say("check") }),
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var checked = form.querySelector("input[name=option]:checked");
      if (checked) answer(item, question, parseInt(checked.value, 10));
    });
    show(el("div", {}, heading().concat([
      el("p", { class: "meta", text: say("theme", { theme: theme.title + " (" + theme.dutch_title + ")" }) }),
      documentFigure(question),
      question.situation_nl ? el("p", { class: "situation", lang: "nl", text: question.situation_nl }) : null,
      translation(question, item),
      form,
    ])));
  }

  function answer(item, question, n) {
    var option = question.options.filter(function (o) { return o.n === n; })[0];
    item.chosen = n;
    item.correct = option.correct;
    var stored = {
      id: W.newId(), question: question.id, option: n, correct: option.correct,
      answered: new Date().toISOString(), sent: false,
    };
    W.put("answers", stored)
      .then(function () { return W.put("kv", round, "round"); })
      .then(function () { return W.pending(); })
      .then(function () {
        showFeedback(item, question);
        sendAnswers();
      });
  }

  function showFeedback(item, question) {
    var review = el("ul", { class: "option-review" });
    shownOptions(question, item).forEach(function (shown) {
      var o = shown.option;
      var li = el("li", { class: o.correct ? "is-correct" : o.n === item.chosen ? "is-chosen" : "" }, [
        el("span", { class: "letter", text: shown.letter }),
        document.createTextNode(" "),
        el("span", { lang: "nl", text: o.nl }),
      ].concat(optionEnglish(o)));
      if (o.correct) li.appendChild(el("strong", { class: "badge", text: say("correct") }));
      if (o.n === item.chosen && !o.correct) li.appendChild(el("strong", { class: "badge", text: say("yours") }));
      review.appendChild(li);
    });
    var readMore = el("a", { href: question.read_url, text: question.read_label });
    if (question.read_external) readMore.setAttribute("rel", "external");
    var last = round.position + 1 >= round.items.length;
    var next = el("button", { class: "button", type: "button", text: last ? say("see_result") : say("next") });
    next.addEventListener("click", function () {
      round.position += 1;
      W.put("kv", round, "round").then(last ? showResult : showQuestion);
    });
    var verdict = el("h3", { text: item.correct ? say("right") : say("not_quite") });
    show(el("div", {}, heading().concat([
      documentFigure(question),
      question.situation_nl ? el("p", { class: "situation", lang: "nl", text: question.situation_nl }) : null,
      el("p", { class: "question-text", lang: "nl", text: question.question_nl }),
      translation(question, item),
      el("div", { class: "feedback " + (item.correct ? "feedback-right" : "feedback-wrong"), role: "status" }, [
        verdict,
        review,
        el("div", { class: "prose", html: question.explanation_html }),
        el("p", {}, [document.createTextNode(say("read_more") + " "), readMore]),
      ]),
      el("p", {}, [next]),
    ])), verdict);
  }

  function showResult() {
    var questions = byId();
    var right = 0;
    var perTheme = {};
    round.items.forEach(function (item) {
      var slug = questions[item.question] ? questions[item.question].theme : "";
      perTheme[slug] = perTheme[slug] || { right: 0, total: 0 };
      perTheme[slug].total += 1;
      if (item.correct) { right += 1; perTheme[slug].right += 1; }
    });
    var total = round.items.length;
    var rows = el("tbody");
    bank.themes.forEach(function (t) {
      var s = perTheme[t.slug];
      if (!s) return;
      rows.appendChild(el("tr", {}, [
        el("th", { scope: "row", text: t.title }),
        el("td", { text: say("of", { right: s.right, total: s.total }) }),
      ]));
    });
    var again = el("button", { class: "button", type: "button", text: say("again") });
    again.addEventListener("click", function () {
      screen.replaceChildren();
      startSection.hidden = false;
      themeSelect.focus();
    });
    var verdict = el("h2", { text: say("result", { right: right, total: total }) });
    show(el("div", { class: "offline-result" }, [
      el("p", { class: "eyebrow", text: say("offline_practice") }),
      verdict,
      el("p", { class: "lead", text: say("percent", { percent: Math.round((100 * right) / total) }) }),
      el("table", { class: "score-table" }, [
        el("caption", { text: say("per_theme") }),
        el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: say("theme_column") }), el("th", { scope: "col", text: say("right_column") })])]),
        rows,
      ]),
      el("p", { text: say("kept") }),
      el("p", { class: "actions" }, [again, document.createTextNode(" "),
        el("a", { href: app.getAttribute("data-progress-url"), text: say("progress") })]),
    ]), verdict);
    round = null;
    W.put("kv", null, "round");
  }

  // ---- sending answers -----------------------------------------------------------------
  var dropped = 0; // answers the server could not count (their question left the bank)

  function describePending(waiting) {
    if (waiting === 0) {
      W.all("answers").then(function (all) {
        var line = all.length ? say("all_added") : "";
        if (dropped) line += " " + sayCount("dropped", dropped);
        syncLine.textContent = line.trim();
      });
    } else {
      syncLine.textContent = sayCount(navigator.onLine ? "sending" : "waiting", waiting);
    }
  }

  // Whoever sent them (this page or pwa.js when the connection came back), say how it went.
  document.addEventListener("wegwijs:synced", function (event) {
    dropped += event.detail.dropped;
    describePending(event.detail.left);
  });

  function sendAnswers() {
    return W.pending().then(function (waiting) {
      describePending(waiting.length);
      if (!waiting.length || !navigator.onLine) return;
      return W.sync().catch(function () {
        syncLine.textContent = say("not_sent");
      });
    });
  }

  window.addEventListener("online", function () {
    sendAnswers();
    loadBank().then(function (fresh) {
      if (fresh && (!bank || fresh.version !== bank.version)) {
        bank = fresh;
        dropRemoved();
        if (!round) showReady();
      }
    });
  });
  window.addEventListener("offline", function () { W.pending().then(function (w) { describePending(w.length); }); });

  // A question removed from the bank is removed from a round that was still going.
  function dropRemoved() {
    if (!round) return;
    var known = byId();
    var position = round.items[round.position] ? round.items[round.position].question : null;
    round.items = round.items.filter(function (item) { return known[item.question]; });
    round.position = Math.max(0, round.items.map(function (i) { return i.question; }).indexOf(position));
    if (!round.items.length) round = null;
    W.put("kv", round, "round");
  }

  startForm.addEventListener("submit", function (event) {
    event.preventDefault();
    startRound(themeSelect.value);
  });

  loadBank().then(function (loaded) {
    bank = loaded;
    if (!bank) {
      statusLine.textContent = say("not_saved");
      return;
    }
    showReady();
    return W.get("kv", "round").then(function (saved) {
      round = saved || null;
      dropRemoved();
      if (round) {
        startSection.hidden = true;
        var item = round.items[round.position];
        if (item && item.chosen !== null) showFeedback(item, byId()[item.question]);
        else if (item) showQuestion();
        else showResult();
      }
    });
  }).then(sendAnswers, function () {
    statusLine.textContent = say("cannot_open");
  });
})();
