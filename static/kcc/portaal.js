// Portal session (DigiD rules): warn 2 minutes before the 15-minute idle time-out and let
// the citizen stay logged in. The server enforces the time-out; this script only warns.
(function () {
  "use strict";
  var box = document.querySelector("[data-kcc-sessie]");
  if (!box) { return; }
  var inactief = parseInt(box.getAttribute("data-inactief"), 10) * 1000;
  var waarschuwing = parseInt(box.getAttribute("data-waarschuwing"), 10) * 1000;
  var button = box.querySelector("[data-kcc-sessie-verleng]");
  var warnTimer = null;
  var endTimer = null;
  var focusBefore = null;

  function csrfToken() {
    var meta = document.querySelector("meta[name=csrf-token]");
    return meta ? meta.content : "";
  }

  function hide() {
    if (box.hidden) { return; }
    box.hidden = true;
    if (focusBefore && typeof focusBefore.focus === "function") { focusBefore.focus(); }
  }

  function show() {
    focusBefore = document.activeElement;
    box.hidden = false;
    button.focus();
  }

  function start() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    warnTimer = window.setTimeout(show, inactief - waarschuwing);
    endTimer = window.setTimeout(function () {
      window.location.assign(box.getAttribute("data-uitlog-url"));
    }, inactief + 1000);
  }

  button.addEventListener("click", function () {
    fetch(box.getAttribute("data-ping-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() }
    }).then(function (response) {
      if (response.ok) {
        hide();
        start();
      } else {
        window.location.assign(box.getAttribute("data-uitlog-url"));
      }
    });
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); }
  });
  // Every htmx request counts as activity on the server too, except a poll (X-KCC-Poll).
  document.addEventListener("htmx:afterRequest", function (event) {
    var headers = event.detail.requestConfig && event.detail.requestConfig.headers;
    if (!(headers && headers["X-KCC-Poll"])) { start(); }
  });
  start();
})();
