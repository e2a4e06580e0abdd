/* Drafts of new threads and replies, kept in this browser's localStorage.
 *
 * Every few seconds the editor's text is saved under the account and the form's target
 * path (/b/<slug>/new, /t/<id>/reply), so the quick reply of a thread and its reply page
 * share one draft. On the next visit the page offers to restore it. A submitted draft
 * is cleared on the page that follows, unless that page is the same form again with
 * the text in it (the post was refused and is still being edited).
 * A shared computer must not hand one person's text to the next: drafts are the
 * account's own, logging out forgets them all, a page of another account forgets the
 * others', and a form marked data-no-draft (a letter to a mailbox) is never kept.
 * Texts come from the script tag's data- attributes, so they are translated.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var TARGET = /\/(b\/[^\/]+\/new|t\/\d+\/reply)$/;
  var PREFIX = "forum-draft:";
  // The account is named in the header's account links, the page's own part for its
  // reader (forum/holes.py): this tag is shared by every member who sees the page alike.
  var MINE = PREFIX + document.querySelector("nav.account[data-account]").dataset.account + ":";
  var SENT = "forum-draft-sent";
  var EVERY_MS = 3000;

  function keyFor(form) {
    var path = new URL(form.getAttribute("action") || location.href, location.href).pathname;
    return TARGET.test(path) ? MINE + path : null;
  }

  function forget(keep) {
    Object.keys(localStorage).forEach(function (key) {
      if (key.indexOf(PREFIX) === 0 && !keep(key)) localStorage.removeItem(key);
    });
  }

  function editors() {
    return Array.prototype.filter.call(document.querySelectorAll("form"), function (form) {
      return form.elements.body && form.elements.body.tagName === "TEXTAREA" && keyFor(form)
        && !form.hasAttribute("data-no-draft");
    });
  }

  function snapshot(form) {
    var title = form.elements.title;
    return {body: form.elements.body.value, title: title ? title.value : ""};
  }

  function isEmpty(draft) {
    return !draft.body.trim() && !draft.title.trim();
  }

  function read(key) {
    try {
      var draft = JSON.parse(localStorage.getItem(key));
      return draft && typeof draft.body === "string" ? draft : null;
    } catch (error) {
      return null;
    }
  }

  function clearSent(forms) {
    var key = sessionStorage.getItem(SENT);
    if (!key) return;
    sessionStorage.removeItem(SENT);
    var again = forms.filter(function (form) { return keyFor(form) === key; })[0];
    if (again && (again.elements.body.value.trim() || again.querySelector(".has-error"))) return;
    localStorage.removeItem(key);
  }

  function button(text, className, onClick) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.textContent = text;
    element.addEventListener("click", onClick);
    return element;
  }

  function offer(form, key) {
    var draft = read(key);
    if (!draft || isEmpty({body: draft.body, title: draft.title || ""})) return;
    var now = snapshot(form);
    if (now.body === draft.body && now.title === (draft.title || "")) return;
    var bar = document.createElement("div");
    bar.className = "draft-offer";
    bar.setAttribute("role", "status");
    var when = new Date(draft.saved || Date.now()).toLocaleString();
    var text = document.createElement("span");
    text.textContent = script.dataset.saved.replace("__TIME__", when);
    bar.appendChild(text);
    bar.appendChild(button(script.dataset.restore, "secondary draft-restore", function () {
      form.elements.body.value = draft.body;
      if (form.elements.title && draft.title) form.elements.title.value = draft.title;
      bar.remove();
      form.elements.body.focus();
    }));
    bar.appendChild(button(script.dataset.discard, "link-button draft-discard", function () {
      localStorage.removeItem(key);
      bar.remove();
    }));
    form.insertBefore(bar, form.firstChild);
  }

  function watch(form, key) {
    var last = JSON.stringify(snapshot(form));
    function save() {
      var now = snapshot(form);
      var text = JSON.stringify(now);
      if (text === last) return;
      last = text;
      if (isEmpty(now)) {
        localStorage.removeItem(key);
      } else {
        localStorage.setItem(key, JSON.stringify({body: now.body, title: now.title, saved: Date.now()}));
      }
    }
    setInterval(save, EVERY_MS);
    form.addEventListener("submit", function (event) {
      save();
      if (event.submitter && event.submitter.name === "preview") return;
      sessionStorage.setItem(SENT, key);
    });
  }

  try {
    localStorage.setItem(PREFIX + "probe", "1");
    localStorage.removeItem(PREFIX + "probe");
  } catch (error) {
    return;  // storage is off (private mode, a policy): no drafts, nothing breaks
  }
  forget(function (key) { return key.indexOf(MINE) === 0; });
  Array.prototype.forEach.call(document.querySelectorAll("form[data-forget-drafts]"), function (form) {
    form.addEventListener("submit", function () { forget(function () { return false; }); });
  });
  var forms = editors();
  clearSent(forms);
  forms.forEach(function (form) {
    var key = keyFor(form);
    offer(form, key);
    watch(form, key);
  });
}());
