// The route check, a little quicker: the next screen is fetched and swapped in without a
// full page load, the address changes as it would (so Back, bookmarks and sharing work the
// same), and focus moves to the new question. Without this file the forms are plain GET
// forms and every link is an ordinary link: the check works the same.
(function () {
  "use strict";
  if (!window.fetch || !window.history || !window.history.pushState || !window.DOMParser) return;
  var main = document.getElementById("main");
  if (!main) return;

  function swap(html, url, push) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var next = page.getElementById("main");
    if (!next || !page.querySelector("[data-check]")) {
      window.location.href = url;  // not a check screen: load it normally
      return;
    }
    main.innerHTML = next.innerHTML;
    document.title = page.title;
    if (push) window.history.pushState({ check: true }, "", url);
    var target = main.querySelector(".error-summary a, h1");
    if (target) {
      if (!target.hasAttribute("tabindex") && target.tagName === "H1") target.setAttribute("tabindex", "-1");
      target.focus();
    }
    window.scrollTo(0, 0);
  }

  function load(url, push) {
    main.setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        return response.text().then(function (text) { return { url: response.url, text: text }; });
      })
      .then(function (page) { swap(page.text, page.url, push); })
      .catch(function () { window.location.href = url; })
      .then(function () { main.removeAttribute("aria-busy"); });
  }

  main.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList.contains("check-form")) return;
    event.preventDefault();
    var data = new FormData(form, event.submitter || undefined);
    var query = new URLSearchParams(data).toString();
    load(form.action + (query ? "?" + query : ""), true);
  });

  main.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a") : null;
    if (!link || link.hasAttribute("download") || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var path = link.pathname;
    if (link.origin !== window.location.origin) return;
    // /check/… in English, /nl/check/… (any language prefix) in the other languages.
    if (!/^(\/[a-z]{2}(-[a-z]+)?)?\/check\/(questions|result)\//.test(path)) return;
    event.preventDefault();
    load(link.href, true);
  });

  window.addEventListener("popstate", function () {
    if (/^(\/[a-z]{2}(-[a-z]+)?)?\/check\//.test(window.location.pathname)) load(window.location.href, false);
  });
})();
