// Chat forms (kanalen.inbox): empty the text field after htmx has sent the message.
document.addEventListener("htmx:afterRequest", function (event) {
  var form = event.target.closest && event.target.closest("form[data-kcc-reset]");
  if (form && event.detail.successful) {
    form.reset();
    var veld = form.querySelector("input[type=text]");
    if (veld) veld.focus();
  }
});
