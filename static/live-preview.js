// The editor's live preview (templates/_macros/forms.html editor): on a screen at least
// 1000 px wide the preview stands beside the text, and 600 ms after the last keystroke the
// text is posted (with the form's CSRF token) to the one preview endpoint, which renders
// it through forum.markup as a post is rendered. The panel is aria-live="polite". On a
// phone, or without this script, the Preview button works as before.
(function () {
  "use strict";
  var WIDE = window.matchMedia("(min-width: 1000px)");
  var WAIT = 600;

  function live(area) {
    var box = area.querySelector("textarea[name=body]");
    var panel = area.querySelector("section.preview[data-url]");
    var token = box && box.form.querySelector("input[name=csrf_token]");
    if (!panel || !token) { return; }
    var output = panel.querySelector(".post-body");
    var asked = null, timer = null, requested = false;

    function show(html) { output.innerHTML = html; }  // sanitised by forum.markup

    function refresh() {
      var text = box.value;
      if (text === asked) { return; }
      asked = text;
      if (!text.trim()) { show(""); return; }
      var data = new FormData();
      data.append("csrf_token", token.value);
      data.append("body", text);
      fetch(panel.dataset.url, {method: "POST", body: data, credentials: "same-origin"})
        .then(function (response) {
          if (response.status !== 200 && response.status !== 400) { throw new Error(response.status); }
          return response.text();
        })
        .then(function (html) { if (asked === text) { show(html); } })
        .catch(function () { asked = null; output.textContent = panel.dataset.failed; });
    }

    function layout() {
      var wide = WIDE.matches;
      area.classList.toggle("with-preview", wide || !!output.innerHTML.trim());
      panel.hidden = !wide && !output.innerHTML.trim();
      if (wide && !requested) { requested = true; refresh(); }
    }

    box.addEventListener("input", function () {
      if (!WIDE.matches) { return; }
      clearTimeout(timer);
      timer = setTimeout(refresh, WAIT);
    });
    WIDE.addEventListener("change", layout);
    layout();
  }

  document.querySelectorAll(".editor-area").forEach(live);
})();
