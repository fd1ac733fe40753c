// Chat forms (kanalen.inbox): empty the text field after htmx has sent the message.
document.addEventListener("htmx:afterRequest", function (event) {
  var form = event.target.closest && event.target.closest("form[data-kcc-reset]");
  if (form && event.detail.xhr && event.detail.xhr.status < 300) {
    form.reset();
    var veld = form.querySelector("input[type=text]");
    if (veld) veld.focus();
  }
});
// A refused chat message (400: chat ended, empty message) carries the Dutch reason in the
// message list: show it. htmx drops 4xx answers by default.
document.addEventListener("htmx:beforeSwap", function (event) {
  var bron = event.detail.requestConfig && event.detail.requestConfig.elt;  // who asked
  var form = bron && bron.closest && bron.closest("form[data-kcc-reset]");
  if (form && event.detail.xhr.status === 400) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
