// Search as you type: up to six pages under the search box while typing. The form works
// the same without this file (Enter searches); the suggestions are plain links.
(function () {
  "use strict";
  var form = document.querySelector("form[data-suggest]");
  if (!form || !window.fetch) return;
  var input = form.querySelector('input[type="search"]');
  var box = document.createElement("div");
  box.className = "suggestions";
  box.setAttribute("aria-live", "polite");
  form.insertAdjacentElement("afterend", box);
  var timer = null;
  var last = "";

  function clear() { box.textContent = ""; }

  function show(results) {
    clear();
    if (!results.length) return;
    var label = document.createElement("p");
    label.className = "visually-hidden";
    // The words come from the page, in its language (data-suggestions-one/-many on the form).
    label.textContent = results.length === 1
      ? form.getAttribute("data-suggestions-one") || "1 suggestion"
      : (form.getAttribute("data-suggestions-many") || "{n} suggestions").replace("{n}", results.length);
    var list = document.createElement("ul");
    results.forEach(function (r) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = r.url;
      link.textContent = r.title;
      var kind = document.createElement("span");
      kind.className = "suggestion-kind";
      kind.textContent = r.kind;
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(kind);
      list.appendChild(item);
    });
    box.appendChild(label);
    box.appendChild(list);
  }

  input.addEventListener("input", function () {
    var q = input.value.trim();
    window.clearTimeout(timer);
    if (q.length < 2) { last = ""; clear(); return; }
    timer = window.setTimeout(function () {
      if (q === last) return;
      last = q;
      fetch(form.getAttribute("data-suggest") + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === q) show(data.results || []); })
        .catch(clear);
    }, 200);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") clear();
  });
})();
