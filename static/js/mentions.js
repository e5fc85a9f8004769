// @mention autocomplete for the composer (new topic, reply, edit). Typing "@" and the start of a
// handle or name asks the group's suggestions endpoint (data-mention-url on .composer) and shows a
// listbox under the text area. Keyboard: ArrowDown/ArrowUp move, Enter or Tab insert the handle,
// Escape closes. The text area keeps its own role (a multi-line text box) and carries the combobox
// state: aria-autocomplete="list", aria-expanded, aria-controls and aria-activedescendant.
// Without this file the composer works as before: handles are typed by hand.
(function () {
  "use strict";

  // The same shape as a handle in forum/markup.py (MENTION); "@" must not follow a word, "@", "/" or ".".
  var TRIGGER = /(^|[^\w@\/.])@([A-Za-z0-9][A-Za-z0-9._-]{0,31}|)$/;
  var counter = 0;

  function setup(composer) {
    var url = composer.getAttribute("data-mention-url");
    var textarea = composer.querySelector("textarea");
    var list = composer.querySelector(".mention-suggestions");
    var status = composer.querySelector(".mention-status");
    if (!url || !textarea || !list || composer.getAttribute("data-mentions-ready")) { return; }
    composer.setAttribute("data-mentions-ready", "1");
    var listId = "mention-list-" + (++counter);
    list.id = listId;
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-controls", listId);
    textarea.setAttribute("aria-expanded", "false");
    textarea.setAttribute("aria-haspopup", "listbox");

    var members = [], active = -1, query = null, start = -1, timer = null, sequence = 0;
    var cache = {};

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      members = [];
      active = -1;
      textarea.setAttribute("aria-expanded", "false");
      textarea.removeAttribute("aria-activedescendant");
    }

    function announce(text) { if (status) { status.textContent = text; } }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      Array.prototype.forEach.call(options, function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
        option.classList.toggle("active", i === index);
      });
      active = index;
      if (index >= 0 && options[index]) {
        textarea.setAttribute("aria-activedescendant", options[index].id);
        if (options[index].scrollIntoView) { options[index].scrollIntoView({ block: "nearest" }); }
      } else {
        textarea.removeAttribute("aria-activedescendant");
      }
    }

    function show(found) {
      members = found;
      list.innerHTML = "";
      if (!found.length) {
        close();
        announce(list.getAttribute("data-none") || "");
        return;
      }
      found.forEach(function (member, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("data-username", member.username);
        var handle = document.createElement("span");
        handle.className = "mention-handle";
        handle.textContent = "@" + member.username;
        var name = document.createElement("span");
        name.className = "mention-name";
        name.textContent = member.display_name + (member.profession ? " · " + member.profession : "");
        option.appendChild(handle);
        option.appendChild(document.createTextNode(" "));
        option.appendChild(name);
        // mousedown, not click: the text area keeps its focus and caret.
        option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(index); });
        list.appendChild(option);
      });
      list.hidden = false;
      textarea.setAttribute("aria-expanded", "true");
      highlight(0);
      announce(found.length === 1 ? list.getAttribute("data-count-one") :
        (list.getAttribute("data-count-many") || "").replace("{n}", String(found.length)));
    }

    function choose(index) {
      var member = members[index];
      if (!member || start < 0) { return; }
      var caret = textarea.selectionStart;
      var before = textarea.value.slice(0, start);
      var after = textarea.value.slice(caret);
      var inserted = "@" + member.username + (after.charAt(0) === " " ? "" : " ");
      textarea.value = before + inserted + after;
      var position = before.length + inserted.length;
      textarea.setSelectionRange(position, position);
      close();
      announce("");
      // The live preview listens for input.
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }

    function lookup(prefix) {
      if (Object.prototype.hasOwnProperty.call(cache, prefix)) { show(cache[prefix]); return; }
      var mine = ++sequence;
      fetch(url + "?q=" + encodeURIComponent(prefix), {
        credentials: "same-origin", headers: { "Accept": "application/json" }
      })
        .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.json(); })
        .then(function (data) {
          cache[prefix] = data.members || [];
          if (mine === sequence && query === prefix) { show(cache[prefix]); }
        })
        .catch(function () { close(); });
    }

    function update() {
      var caret = textarea.selectionStart;
      if (caret !== textarea.selectionEnd) { close(); query = null; return; }
      var match = TRIGGER.exec(textarea.value.slice(0, caret));
      if (!match) { close(); query = null; return; }
      start = caret - match[2].length - 1;
      if (match[2] === query && !list.hidden) { return; }
      query = match[2];
      clearTimeout(timer);
      timer = setTimeout(function () { lookup(query); }, 120);
    }

    textarea.addEventListener("input", update);
    textarea.addEventListener("click", update);
    textarea.addEventListener("blur", function () { setTimeout(close, 150); });
    textarea.addEventListener("keydown", function (event) {
      if (list.hidden || !members.length) { return; }
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % members.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight((active - 1 + members.length) % members.length);
      } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape") {
        event.preventDefault();  // closes the list, not a surrounding dialog
        close();
        query = null;
        announce("");
      }
    });
  }

  function setupAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".composer[data-mention-url]"), setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupAll);
  } else {
    setupAll();
  }
})();
