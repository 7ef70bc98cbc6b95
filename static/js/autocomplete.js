/* Title suggestions under the search box, as a native <datalist>: the form works without it. */
(function () {
  "use strict";
  if (window.portalAutocomplete || !("fetch" in window)) return;
  window.portalAutocomplete = true;

  function enhance(input) {
    var list = document.createElement("datalist");
    var timer = null;
    var controller = null;
    list.id = input.id + "-suggestions";
    input.after(list);
    input.setAttribute("list", list.id);
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2) return;
      timer = setTimeout(function () {
        if (controller) controller.abort();
        controller = "AbortController" in window ? new AbortController() : null;
        var url = input.dataset.autocomplete + "?q=" + encodeURIComponent(text);
        fetch(url, { signal: controller && controller.signal, headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.suggestions.map(function (item) {
              var option = document.createElement("option");
              option.value = item.title;
              return option;
            }));
          })
          .catch(function () { /* suggestions are a convenience: the form still submits */ });
      }, 200);
    });
  }

  function start() {
    document.querySelectorAll("input[data-autocomplete]").forEach(enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
