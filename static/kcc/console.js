// KCC console: keyboard navigation of search results, kennisbank "antwoord overnemen",
// Ctrl+Enter submits the contact form. Everything works without this file as well.
(function () {
  "use strict";
  document.documentElement.classList.add("kcc-js");

  function resultLinks() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-kcc-resultaten] a"));
  }

  // Arrow keys move between the search box and the results list.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") { return; }
    var links = resultLinks();
    if (!links.length) { return; }
    var index = links.indexOf(target);
    if (target.matches && target.matches("[data-kcc-zoek]")) {
      if (event.key === "ArrowDown") { event.preventDefault(); links[0].focus(); }
      return;
    }
    if (index === -1) { return; }
    event.preventDefault();
    if (event.key === "ArrowDown" && index < links.length - 1) {
      links[index + 1].focus();
    } else if (event.key === "ArrowUp") {
      if (index === 0) {
        var search = document.querySelector("[data-kcc-zoek]");
        if (search) { search.focus(); }
      } else {
        links[index - 1].focus();
      }
    }
  });

  // "Antwoord overnemen": fill question and answer of the current question, choose the VAC.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-kcc-overnemen]") : null;
    if (!button) { return; }
    var doel = button.getAttribute("data-doel");
    var vraag = document.getElementById("id_" + doel + "-vraag");
    var antwoord = document.getElementById("id_" + doel + "-antwoord");
    var radio = document.getElementById("kb-vac-" + button.getAttribute("data-id"));
    if (vraag && !vraag.value.trim()) { vraag.value = button.getAttribute("data-vraag"); }
    if (radio) { radio.checked = true; }
    if (antwoord) {
      antwoord.value = button.getAttribute("data-antwoord");
      antwoord.focus();
    }
  });

  // Ctrl+Enter (or Cmd+Enter) in a textarea of the contact form registers the contact.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) { return; }
    var form = event.target.form;
    if (!form || form.id !== "contactmoment-form") { return; }
    event.preventDefault();
    var button = form.querySelector("[data-kcc-registreer]");
    if (form.requestSubmit) { form.requestSubmit(button); } else { button.click(); }
  });
})();
