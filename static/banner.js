// The urgent banner (templates/receipts/_banner.html): a reader who closes it does not see
// that notice's banner again in this browser (localStorage, keyed by the notice's id: no
// cookie, no server write); a page kept open, or served from the guests' cache, drops it
// at its end.
(function () {
  var banner = document.querySelector(".urgent-banner");
  if (!banner) return;
  var key = "urgent-closed-" + banner.dataset.notice;
  function hide() { banner.remove(); }
  try {
    if (localStorage.getItem(key)) { hide(); return; }
  } catch (e) { /* storage off: the banner stays until its end */ }
  var left = Date.parse(banner.dataset.ends) - Date.now();
  if (left <= 0) { hide(); return; }
  if (left < 2147483647) setTimeout(hide, left);
  var close = banner.querySelector(".urgent-close");
  close.hidden = false;
  close.addEventListener("click", function () {
    try { localStorage.setItem(key, "1"); } catch (e) { /* closed for this page only */ }
    hide();
  });
})();
