/* Studying a lesson: report presence to the server, which alone counts the time.
   Heartbeats carry the session token, a sequence number, and whether the page is
   visible, focused and in use; the reply may carry an identity check to answer. */
(function () {
  "use strict";
  var panel = document.getElementById("study");
  if (!panel) { return; }
  var csrf = document.querySelector("#study-csrf input[name=csrf_token]").value;
  var status = document.getElementById("study-status");
  var dialog = document.getElementById("check-dialog");
  var form = document.getElementById("check-form");
  var answer = document.getElementById("check-answer");
  var message = document.getElementById("check-message");
  var texts = document.getElementById("study-texts");
  var token = null, seq = 0, active = true, timer = null, check = null, countdown = null;

  function post(url, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf, "Accept": "application/json"},
      body: JSON.stringify(body)
    }).then(function (response) { return response.json(); });
  }

  function say(text) { status.textContent = text; }

  function minutes(seconds) { return Math.floor(seconds / 60); }

  function stop(text) {
    if (timer) { clearInterval(timer); timer = null; }
    say(text);
  }

  function beat() {
    if (!token) { return; }
    seq += 1;
    var body = {token: token, seq: seq, visible: document.visibilityState === "visible",
                focused: document.hasFocus(), active: active};
    active = false;
    post(panel.dataset.beat, body).then(function (reply) {
      if (!reply.ok) { stop(reply.message); return; }
      document.getElementById("study-counted").textContent = minutes(reply.effective_seconds);
      document.getElementById("study-pending").textContent = minutes(reply.pending_seconds);
      document.getElementById("study-progress").value = reply.effective_seconds;
      if (reply.notes.length) { say(reply.notes.join(" ")); }
      if (reply.completed) { say(panel.dataset.done || status.textContent); }
      if (reply.check && (!check || check.id !== reply.check.id)) { ask(reply.check); }
    }).catch(function () { /* the next beat tries again; lost beats earn nothing */ });
  }

  function ask(next) {
    check = next;
    document.getElementById("check-prompt").textContent = next.prompt;
    answer.type = next.secret ? "password" : "text";
    answer.value = "";
    message.textContent = "";
    var left = next.due_in;
    var shown = document.getElementById("check-time");
    clearInterval(countdown);
    countdown = setInterval(function () {
      left = Math.max(0, left - 1);
      shown.textContent = texts.dataset.secondsLeft.replace("{s}", left);
    }, 1000);
    if (!dialog.open) { dialog.showModal(); }
    answer.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!check) { return; }
    post(check.url, {token: token, answer: answer.value}).then(function (reply) {
      clearInterval(countdown);
      check = null;
      dialog.close();
      say(reply.message);
      beat();
    });
  });
  dialog.addEventListener("cancel", function (event) { event.preventDefault(); });

  ["pointerdown", "pointermove", "keydown", "scroll", "touchstart", "wheel"].forEach(function (name) {
    window.addEventListener(name, function () { active = true; }, {passive: true});
  });
  document.addEventListener("visibilitychange", beat);
  window.addEventListener("focus", beat);
  window.addEventListener("blur", beat);

  post(panel.dataset.start, {}).then(function (reply) {
    if (!reply.ok) { say(reply.message); return; }
    token = reply.token;
    timer = setInterval(beat, reply.beat_seconds * 1000);
  });
}());
