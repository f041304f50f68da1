// Progressive enhancement for KNM practice: a live exam countdown, keyboard shortcuts and
// "Listen in Dutch". Everything works without this file; the server enforces the time limit.
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
        value.textContent = timer.getAttribute("data-time-up") || "0:00 (time is up)";
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

  // Listen in Dutch: the browser's own speech synthesis reads the document, the situation,
  // the question and the answers. The button stays hidden unless a Dutch voice exists.
  var listen = document.querySelector("button[data-listen]");
  if (listen && "speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
    var dutchVoice = function () {
      var voices = window.speechSynthesis.getVoices();
      for (var i = 0; i < voices.length; i++) {
        if (voices[i].lang && voices[i].lang.toLowerCase().indexOf("nl") === 0) return voices[i];
      }
      return null;
    };
    var spoken = function () {
      var parts = [];
      var add = function (node) {
        if (node && node.textContent.trim()) parts.push(node.textContent.trim());
      };
      add(document.querySelector(".knm-question .document-text p"));
      add(document.querySelector(".knm-question .situation"));
      add(document.querySelector(".knm-question .question-text"));
      var labels = document.querySelectorAll(".knm-question .option label");
      for (var i = 0; i < labels.length; i++) {
        var letter = labels[i].querySelector(".letter");
        var text = labels[i].querySelector('[lang="nl"]');
        if (letter && text) parts.push(letter.textContent.trim() + ". " + text.textContent.trim());
      }
      return parts.join(" ");
    };
    var offer = function () {
      if (dutchVoice()) listen.hidden = false;
    };
    offer();
    window.speechSynthesis.addEventListener("voiceschanged", offer);
    listen.addEventListener("click", function () {
      var voice = dutchVoice();
      if (!voice) return;
      window.speechSynthesis.cancel();
      var utterance = new window.SpeechSynthesisUtterance(spoken());
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      window.speechSynthesis.speak(utterance);
    });
  }
})();
