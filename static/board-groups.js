// The board index's unit groups (templates/boards/_index_list.html) are <details>, open
// by default and working without this script; a reader who closes one finds it closed
// again in this browser (localStorage: no cookie, no server write, the cached page stays
// shared).
(function () {
  var groups = document.querySelectorAll("details[data-remember]");
  groups.forEach(function (group) {
    var key = "board-group-" + group.dataset.remember;
    try {
      if (localStorage.getItem(key) === "closed") group.open = false;
    } catch (e) { /* storage off: every group open */ }
    group.addEventListener("toggle", function () {
      try {
        if (group.open) localStorage.removeItem(key);
        else localStorage.setItem(key, "closed");
      } catch (e) { /* remembered for this page only */ }
    });
  });
})();
