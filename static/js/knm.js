// Progressive enhancement for KNM practice: a live exam countdown and keyboard shortcuts.
// Everything works without this file; the server enforces the time limit.
(function () {
  "use strict";

  var timer = document.getElementById("timer");
  var value = document.getElementById("timer-value");
  if (timer && value) {
    var end = Date.now() + parseInt(timer.getAttribute("data-seconds-left"), 10) * 1000;
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      value.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      if (left === 0) {
        timer.classList.add("timer-done");
        value.textContent = "0:00 (time is up)";
        return;
      }
      window.setTimeout(tick, 1000);
    };
    timer.setAttribute("aria-live", "off");
    tick();
  }

  var form = document.getElementById("answer-form");
  if (form) {
    var radios = form.querySelectorAll('input[type="radio"][name="option"]');
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var target = event.target;
      if (target && (target.tagName === "TEXTAREA" || target.tagName === "SELECT" ||
          (target.tagName === "INPUT" && target.type === "text"))) return;
      var index = "123".indexOf(event.key);
      if (index < 0) index = "abc".indexOf(event.key.toLowerCase());
      if (index >= 0 && index < radios.length) {
        radios[index].checked = true;
        radios[index].focus();
        event.preventDefault();
      }
    });
  }
})();
