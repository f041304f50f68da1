// Progressive enhancement for every page: on phones, "Menu" opens the site menu in the
// header instead of jumping to the copy at the foot of the page.
(function () {
  "use strict";
  var toggle = document.querySelector("[data-menu-toggle]");
  var header = document.querySelector(".site-header");
  var nav = document.getElementById("main-nav");
  if (!toggle || !header || !nav) return;
  toggle.setAttribute("role", "button");
  toggle.setAttribute("aria-expanded", "false");
  toggle.addEventListener("click", function (event) {
    event.preventDefault();
    var open = header.classList.toggle("menu-open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      var first = nav.querySelector("a");
      if (first) first.focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && header.classList.contains("menu-open")) {
      header.classList.remove("menu-open");
      toggle.setAttribute("aria-expanded", "false");
      toggle.focus();
    }
  });
})();
