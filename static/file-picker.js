// File inputs in Chinese (templates/_macros/forms.html file_picker): the native input is
// hidden visually but keeps the focus and opens by keyboard; a 选择文件 button (its
// label) and a line naming the chosen files, read with the input, stand for it. Without
// this script the browser's own input shows.
(function () {
  "use strict";
  document.querySelectorAll(".file-picker:not(.enhanced)").forEach(function (picker) {
    var input = picker.querySelector("input[type=file]");
    var chosen = picker.querySelector(".file-names");
    var none = chosen.textContent;

    function show() {
      var names = Array.from(input.files || []).map(function (file) { return file.name; });
      chosen.textContent = names.length ? names.join("、") : none;
    }

    picker.classList.add("enhanced");
    picker.querySelector(".file-button").hidden = false;
    chosen.hidden = false;
    var described = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", (described ? described + " " : "") + chosen.id);
    // After the other listeners: the editor uploads chosen files at once and empties the input.
    input.addEventListener("change", function () { setTimeout(show, 0); });
    show();
  });
})();
