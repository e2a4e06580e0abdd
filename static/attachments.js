// The editor's attachments: files dropped on the text box, pasted into it or chosen in the
// file input are uploaded at once; each becomes a hidden `attachments` field of the form
// and a Markdown link (an image for pictures) at the cursor. Without this script the file
// input is simply sent with the form.
(function () {
  "use strict";

  function csrfToken(form) {
    var field = form.querySelector("input[name=csrf_token]");
    return field ? field.value : "";
  }

  function insertAtCursor(textarea, text) {
    var start = textarea.selectionStart, end = textarea.selectionEnd, value = textarea.value;
    var before = value.slice(0, start), after = value.slice(end);
    var lead = before && !before.endsWith("\n") ? "\n" : "";
    textarea.value = before + lead + text + "\n" + after;
    var caret = (before + lead + text + "\n").length;
    textarea.setSelectionRange(caret, caret);
    textarea.dispatchEvent(new Event("input", {bubbles: true}));
  }

  function setUp(box) {
    var form = box.closest("form");
    var textarea = form && form.querySelector("textarea[name=body]");
    var input = box.querySelector("input[type=file]");
    var list = box.querySelector(".attachment-list");
    var status = box.querySelector(".upload-status");
    if (!textarea || !input) { return; }

    function show(message, isError) {
      status.textContent = message;
      status.classList.toggle("error", Boolean(isError));
    }

    function added(file) {
      var item = document.createElement("li");
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = "attachments";
      hidden.value = file.token;
      item.appendChild(hidden);
      item.appendChild(document.createTextNode(file.name));
      list.appendChild(item);
      insertAtCursor(textarea, file.markdown);
    }

    function upload(files) {
      if (!files.length) { return; }
      var data = new FormData();
      Array.prototype.forEach.call(files, function (file) { data.append("files", file); });
      show(box.dataset.uploading || "…", false);
      fetch(box.dataset.uploadUrl, {
        method: "POST", body: data, credentials: "same-origin",
        headers: {"X-CSRFToken": csrfToken(form), "Accept": "application/json"}
      }).then(function (response) {
        return response.json().catch(function () { return {error: box.dataset.failed}; });
      }).then(function (answer) {
        if (answer.error) { show(answer.error, true); return; }
        answer.files.forEach(added);
        show(box.dataset.uploaded, false);
      }).catch(function () { show(box.dataset.failed, true); });
    }

    input.addEventListener("change", function () {
      upload(input.files);
      input.value = "";  // uploaded already: the form must not send them a second time
    });
    textarea.addEventListener("paste", function (event) {
      var files = event.clipboardData && event.clipboardData.files;
      if (files && files.length) {
        event.preventDefault();
        upload(files);
      }
    });
    textarea.addEventListener("dragover", function (event) {
      if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) {
        event.preventDefault();
        textarea.classList.add("dropping");
      }
    });
    textarea.addEventListener("dragleave", function () { textarea.classList.remove("dropping"); });
    textarea.addEventListener("drop", function (event) {
      textarea.classList.remove("dropping");
      if (event.dataTransfer && event.dataTransfer.files.length) {
        event.preventDefault();
        upload(event.dataTransfer.files);
      }
    });
  }

  document.querySelectorAll(".attachments-field[data-upload-url]").forEach(setUp);
}());
