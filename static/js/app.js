// Konsil enhancements. Every page works without this file; it adds a live preview with
// patient-data highlighting, confirmations and small conveniences.
(function () {
  "use strict";

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function highlight(text, findings) {
    var out = "", pos = 0;
    findings.slice().sort(function (a, b) { return a.start - b.start; }).forEach(function (f) {
      var start = Math.max(f.start, pos), end = Math.min(f.end, text.length);
      if (start >= end) { return; }
      out += escapeHtml(text.slice(pos, start)) + '<mark class="finding" title="' + escapeHtml(f.explanation) + '">' +
        escapeHtml(text.slice(start, end)) + '</mark><span class="finding-note">' + escapeHtml(f.explanation) + "</span>";
      pos = end;
    });
    return '<pre class="highlighted-source">' + out + escapeHtml(text.slice(pos)) + "</pre>";
  }

  function setupComposer(composer) {
    var textarea = composer.querySelector("textarea");
    var form = composer.closest("form");
    var previewBox = composer.querySelector(".composer-preview-box");
    var preview = composer.querySelector(".composer-preview");
    var findingsBox = composer.querySelector(".composer-findings");
    var mentionsBox = composer.querySelector(".composer-mentions");
    var group = composer.getAttribute("data-group");
    var url = composer.getAttribute("data-preview-url");
    if (!textarea || !form || !url) { return; }
    var timer = null, sequence = 0;

    function refresh() {
      var token = form.querySelector("input[name=csrf_token]");
      var body = new FormData();
      body.append("body", textarea.value);
      if (token) { body.append("csrf_token", token.value); }
      if (group) { body.append("group", group); }
      var mine = ++sequence;
      fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (mine !== sequence) { return; }
          preview.innerHTML = data.html || (data.error ? '<p class="errors">' + escapeHtml(data.error) + "</p>" : "");
          var findings = data.findings || [];
          findingsBox.innerHTML = findings.length ? '<p class="banner banner-warn">' +
            escapeHtml(composer.getAttribute("data-findings-note") || "") + "</p>" + highlight(textarea.value, findings) : "";
          composer.classList.toggle("has-findings", findings.length > 0);
          if (mentionsBox) {
            // Mentions that reach nobody: unknown handles, or colleagues who cannot read this group.
            // The handle still being typed at the caret is left out until it is finished.
            var typing = document.activeElement === textarea ?
              (textarea.value.slice(0, textarea.selectionStart).match(/@([\w.-]*)$/) || [])[1] : null;
            mentionsBox.innerHTML = (data.mentions || []).filter(function (m) {
              return !typing || m.handle.toLowerCase() !== typing.toLowerCase();
            }).map(function (m) {
              return '<p class="banner banner-warn mention-unreached">' + escapeHtml(m.message) + "</p>";
            }).join("");
          }
          if (findings.length && previewBox) { previewBox.open = true; }
        })
        .catch(function () { /* the server check on submit still applies */ });
    }

    textarea.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
    if (previewBox) {
      previewBox.addEventListener("toggle", function () { if (previewBox.open) { refresh(); } });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".composer"), setupComposer);

    document.addEventListener("submit", function (event) {
      var form = event.target;
      var message = form.getAttribute("data-confirm");
      if (message && !window.confirm(message)) { event.preventDefault(); return; }
      var button = form.querySelector("button[type=submit], button:not([type])");
      if (button && form.classList.contains("post-form")) {
        // A second click while the first is in flight would post twice.
        setTimeout(function () { button.disabled = true; }, 0);
      }
    });

    Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (button) {
      button.addEventListener("click", function () {
        var field = document.getElementById(button.getAttribute("data-copy"));
        field.select();
        if (navigator.clipboard) { navigator.clipboard.writeText(field.value); } else { document.execCommand("copy"); }
        button.textContent = button.getAttribute("data-copied") || button.textContent;
      });
    });

    Array.prototype.forEach.call(document.querySelectorAll("[data-quote]"), function (link) {
      link.addEventListener("click", function () {
        var reply = document.querySelector("#reply textarea");
        if (reply) { setTimeout(function () { reply.focus(); }, 0); }
      });
    });
  });
})();
