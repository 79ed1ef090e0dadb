/* realpolitik dashboard: small progressive enhancements; every page works without this file. */
(function () {
  "use strict";

  // "/" jumps to the search box (unless the user is typing somewhere already).
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
    if (ev.key === "/" && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      var box = document.getElementById("search-q");
      if (box) { ev.preventDefault(); box.focus(); box.select(); }
    }
  });

  // Article page: pointing at (or focusing) an event lights up its evidence in the text.
  function marksOf(id) {
    return Array.prototype.filter.call(document.querySelectorAll("mark.ev"), function (m) {
      return (m.getAttribute("data-events") || "").split(" ").indexOf(id) >= 0;
    });
  }
  function light(id, on) {
    marksOf(id).forEach(function (m) { m.classList.toggle("lit", on); });
    var item = document.getElementById("ev-" + id);
    if (item) { item.classList.toggle("lit", on); }
  }
  var current = null;
  function select(id) {
    if (current) { light(current, false); }
    current = id;
    if (id) { light(id, true); }
  }
  Array.prototype.forEach.call(document.querySelectorAll("li.event[data-event]"), function (li) {
    var id = li.getAttribute("data-event");
    li.addEventListener("mouseenter", function () { light(id, true); });
    li.addEventListener("mouseleave", function () { if (current !== id) { light(id, false); } });
    li.addEventListener("focusin", function () { light(id, true); });
    li.addEventListener("focusout", function () { if (current !== id) { light(id, false); } });
  });
  // Clicking highlighted text shows the event(s) it is evidence for.
  Array.prototype.forEach.call(document.querySelectorAll("mark.ev"), function (m) {
    m.addEventListener("click", function () {
      var id = (m.getAttribute("data-events") || "").split(" ")[0];
      var item = id && document.getElementById("ev-" + id);
      if (item) {
        select(id);
        item.setAttribute("tabindex", "-1");
        item.focus();
      }
    });
  });
  function fromHash() {
    var h = decodeURIComponent(location.hash || "");
    if (h.indexOf("#txt-") === 0) { select(h.slice(5)); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
