// @mention completion for the post editor: type @ and two characters, pick a name.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.dataset.url;
  var box = document.querySelector("textarea[name=body]");
  if (!url || !box) { return; }

  var list = document.createElement("ul");
  list.className = "mention-list";
  list.id = "mention-list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", script.dataset.label || "");
  list.hidden = true;
  box.insertAdjacentElement("afterend", list);
  box.setAttribute("aria-controls", list.id);
  var active = -1, timer = null, asked = "";

  function token() {
    var before = box.value.slice(0, box.selectionStart);
    var match = /(^|[^\w@.\-])@([\w\-]{1,20})$/.exec(before);
    return match ? match[2] : null;
  }

  function close() { list.hidden = true; list.innerHTML = ""; active = -1; }

  function choose(name) {
    var at = box.selectionStart, before = box.value.slice(0, at);
    var start = before.lastIndexOf("@") + 1;
    box.value = box.value.slice(0, start) + name + " " + box.value.slice(at);
    box.selectionStart = box.selectionEnd = start + name.length + 1;
    close();
    box.focus();
  }

  function show(names) {
    list.innerHTML = "";
    names.forEach(function (person, n) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.id = "mention-" + n;
      item.textContent = person.username + (person.name !== person.username ? " (" + person.name + ")" : "");
      item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(person.username); });
      list.appendChild(item);
    });
    list.hidden = names.length === 0;
    active = -1;
  }

  function highlight(step) {
    var items = list.querySelectorAll("li");
    if (!items.length) { return; }
    active = (active + step + items.length) % items.length;
    items.forEach(function (item, n) { item.setAttribute("aria-selected", n === active ? "true" : "false"); });
    box.setAttribute("aria-activedescendant", items[active].id);
  }

  box.addEventListener("input", function () {
    var prefix = token();
    clearTimeout(timer);
    if (!prefix || prefix.length < 2) { close(); return; }
    timer = setTimeout(function () {
      asked = prefix;
      fetch(url + "?q=" + encodeURIComponent(prefix), {credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (names) { if (asked === prefix) { show(names); } })
        .catch(close);
    }, 200);
  });

  box.addEventListener("keydown", function (event) {
    if (list.hidden) { return; }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      highlight(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(list.querySelectorAll("li")[active].textContent.split(" ")[0]);
    } else if (event.key === "Escape") {
      close();
    }
  });
  box.addEventListener("blur", function () { setTimeout(close, 150); });
})();
