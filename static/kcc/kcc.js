// Console keyboard shortcuts: "/" focuses the search box of the page, Escape leaves it.
document.addEventListener("keydown", function (event) {
  var target = event.target;
  var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
  if (event.key === "/" && !typing) {
    var search = document.querySelector("[data-kcc-zoek]");
    if (search) {
      event.preventDefault();
      search.focus();
      search.select();
    }
  } else if (event.key === "Escape" && typing && target.matches("[data-kcc-zoek]")) {
    target.blur();
  }
});
// htmx: send the CSRF token with every request that changes something.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector("meta[name=csrf-token]");
  if (token) { event.detail.headers["X-CSRFToken"] = token.content; }
});
