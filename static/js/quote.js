// Quote reply on the topic page. "Quote" on a post puts a markdown quote into the reply composer: the
// text selected inside that post, or the whole post when nothing there is selected, under a heading
// that links back to the post. The heading (and the whole post's markdown) come from the server
// (GET /posts/<id>/quote, JSON), so names and links are escaped in one place. Without this file the
// link opens the reply form prefilled by the server.
(function () {
  "use strict";

  var remembered = { post: null, text: "" };

  function postOf(node) {
    while (node && node.nodeType !== 1) { node = node.parentNode; }
    return node ? node.closest("article.post") : null;
  }

  // The selection, if it lies inside one post's text.
  function selectionIn(post) {
    var selection = window.getSelection ? window.getSelection() : null;
    if (!selection || selection.isCollapsed || !selection.rangeCount) { return ""; }
    var body = post.querySelector(".post-body");
    if (!body || !body.contains(selection.anchorNode) || !body.contains(selection.focusNode)) { return ""; }
    return selection.toString().replace(/\s+$/, "").replace(/^\s*\n/, "");
  }

  function quoteLines(text) {
    return text.split("\n").map(function (line) { return line.trim() ? "> " + line : ">"; }).join("\n");
  }

  function insert(textarea, markdown) {
    var value = textarea.value;
    var at = document.activeElement === textarea ? textarea.selectionStart : value.length;
    var before = value.slice(0, at), after = value.slice(at);
    var gap = before && !/\n\n$/.test(before) ? (/\n$/.test(before) ? "\n" : "\n\n") : "";
    textarea.value = before + gap + markdown + after;
    var caret = (before + gap + markdown).length;
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));  // the live preview follows
  }

  document.addEventListener("DOMContentLoaded", function () {
    var textarea = document.querySelector("#reply textarea");
    if (!textarea || !window.fetch) { return; }  // no reply form here: the links do the work

    Array.prototype.forEach.call(document.querySelectorAll("a.post-quote"), function (link) {
      var post = postOf(link);
      // A mouse press on the link would clear the selection before the click: keep it.
      link.addEventListener("mousedown", function () {
        remembered = { post: post, text: selectionIn(post) };
      });
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var selected = selectionIn(post) || (remembered.post === post ? remembered.text : "");
        remembered = { post: null, text: "" };
        fetch(link.href, { credentials: "same-origin", headers: { "Accept": "application/json" } })
          .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.json(); })
          .then(function (data) {
            insert(textarea, selected ? data.heading + "\n" + quoteLines(selected) + "\n\n" : data.markdown);
            document.getElementById("reply").scrollIntoView({ block: "start" });
          })
          .catch(function () { window.location.href = link.href; });
      });
    });
  });
})();
