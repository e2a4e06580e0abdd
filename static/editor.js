// The post editor's toolbar (templates/_macros/forms.html editor): buttons and shortcuts
// that put Markdown around the selection, and a character count against the limit. The
// toolbar is one tab stop, its buttons reached with the arrow keys (the ARIA toolbar
// pattern). Without this script the toolbar stays hidden and the textarea works alone.
(function () {
  "use strict";
  var SHORTCUTS = {b: "bold", i: "italic", k: "link"};

  // Each action: text before and after the selection, and what to select when none was.
  var WRAPS = {
    bold: ["**", "**", "text"], italic: ["*", "*", "text"], code: ["`", "`", "code"],
    link: ["[", "](https://)", "link"]
  };
  var LINES = {quote: "> ", list: "- "};
  var TABLE = "| A | B |\n| --- | --- |\n|   |   |\n";

  function replace(box, start, end, text, selectFrom, selectTo) {
    box.setRangeText(text, start, end, "end");
    box.setSelectionRange(start + selectFrom, start + selectTo);
    box.focus();
    box.dispatchEvent(new Event("input", {bubbles: true}));
  }

  function apply(box, action) {
    var start = box.selectionStart, end = box.selectionEnd;
    var chosen = box.value.slice(start, end);
    if (WRAPS[action]) {
      var wrap = WRAPS[action], inner = chosen || wrap[2];
      replace(box, start, end, wrap[0] + inner + wrap[1], wrap[0].length, wrap[0].length + inner.length);
    } else if (LINES[action]) {
      var lineStart = box.value.lastIndexOf("\n", start - 1) + 1;
      var lines = box.value.slice(lineStart, end).split("\n");
      var text = lines.map(function (line) { return LINES[action] + line; }).join("\n");
      replace(box, lineStart, end, text, text.length, text.length);
    } else if (action === "table") {
      var lead = start && box.value[start - 1] !== "\n" ? "\n\n" : "";
      replace(box, start, end, lead + TABLE, lead.length + 2, lead.length + 3);
    } else if (action === "at") {
      replace(box, start, end, "@", 1, 1);
    } else if (action === "image") {
      var input = box.form.querySelector(".attachments-field input[type=file]");
      if (input) { input.click(); }
    }
  }

  function count(box, output) {
    var n = Array.from(box.value.replace(/\r\n?/g, "\n").trim()).length;
    var max = Number(output.dataset.max);
    output.textContent = output.dataset.template.replace("__COUNT__", n);
    output.classList.toggle("over", n > max);
  }

  function roving(toolbar) {
    var buttons = Array.from(toolbar.querySelectorAll("button:not([hidden])"));
    buttons.forEach(function (button, i) { button.tabIndex = i ? -1 : 0; });
    toolbar.addEventListener("keydown", function (event) {
      var at = buttons.indexOf(document.activeElement), to = null;
      if (event.key === "ArrowRight") { to = (at + 1) % buttons.length; }
      if (event.key === "ArrowLeft") { to = (at - 1 + buttons.length) % buttons.length; }
      if (event.key === "Home") { to = 0; }
      if (event.key === "End") { to = buttons.length - 1; }
      if (to === null) { return; }
      event.preventDefault();
      buttons[at].tabIndex = -1;
      buttons[to].tabIndex = 0;
      buttons[to].focus();
    });
  }

  document.querySelectorAll(".editor-toolbar").forEach(function (toolbar) {
    var box = document.getElementById(toolbar.getAttribute("aria-controls"));
    if (!box) { return; }
    if (!box.form.querySelector(".attachments-field input[type=file]")) {
      toolbar.querySelector("[data-action=image]").hidden = true;
    }
    box.insertAdjacentElement("beforebegin", toolbar);  // between the label and the text
    toolbar.hidden = false;
    roving(toolbar);
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (button) { apply(box, button.dataset.action); }
    });
    box.addEventListener("keydown", function (event) {
      var action = (event.ctrlKey || event.metaKey) && !event.altKey && SHORTCUTS[event.key.toLowerCase()];
      if (action) { event.preventDefault(); apply(box, action); }
    });
    var output = document.getElementById(box.id + "-count");
    if (output) {
      output.hidden = false;
      box.setAttribute("aria-describedby", ((box.getAttribute("aria-describedby") || "") + " " + output.id).trim());
      box.addEventListener("input", function () { count(box, output); });
      count(box, output);
    }
  });
})();
