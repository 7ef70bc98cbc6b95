// Filters apply as soon as a choice changes; without JavaScript the form's button does it.
(function () {
  document.querySelectorAll("form[data-apply-on-change]").forEach(function (form) {
    form.addEventListener("change", function (event) {
      if (event.target.matches("select, input[type=checkbox], input[type=radio]")) {
        form.requestSubmit ? form.requestSubmit() : form.submit();
      }
    });
    var hint = form.querySelector(".filters__hint");
    if (hint) hint.hidden = false;
    if (!form.querySelector("input[type=search], input[type=text]")) {
      form.querySelectorAll(".filters__apply").forEach(function (button) { button.hidden = true; });
    }
  });
})();
