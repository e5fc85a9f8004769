// A topic opens at the first post its reader has not seen yet, unless the address names a post already.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var thread = document.querySelector(".thread[data-first-unread]");
    if (!thread || window.location.hash) { return; }
    var number = thread.getAttribute("data-first-unread");
    if (!number) { return; }
    var post = document.getElementById("post-" + number);
    if (post) {
      post.scrollIntoView({ block: "start" });
      post.setAttribute("tabindex", "-1");
      post.focus({ preventScroll: true });
    }
  });
})();
