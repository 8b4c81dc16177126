/* spbe-arch publish: full-text search over the prebuilt index (aset/indeks-cari.js).
   No network, no framework: works from file:// and from any static host. */
(function () {
  "use strict";
  var data = window.SPBE_CARI;
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var count = document.getElementById("count");
  if (!data || !input || !list || !count) { return; }
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var docs = data.docs.map(function (d) {
    return { d: d, id: fold(d[0]), name: fold(d[1]), all: fold(d.join(" ")) };
  });
  function score(doc, words, whole) {
    var s = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (doc.all.indexOf(w) < 0) { return -1; }
      if (doc.name.indexOf(w) >= 0) { s += 2; }
    }
    if (doc.id === whole) { s += 100; } else if (doc.id.indexOf(whole) === 0) { s += 20; }
    return s;
  }
  function show(query) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var whole = fold(query).trim();
    if (!whole) { count.textContent = ""; return; }
    var words = whole.split(/\s+/);
    var found = [];
    for (var i = 0; i < docs.length; i++) {
      var s = score(docs[i], words, whole);
      if (s >= 0) { found.push([s, i]); }
    }
    found.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    count.textContent = found.length ? data.words.found.replace("{n}", found.length) : data.words.none;
    for (var j = 0; j < found.length && j < 200; j++) {
      var d = docs[found[j][1]].d;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = d[5];
      a.textContent = d[0] + " — " + d[1];
      var kind = document.createElement("div");
      kind.className = "kind";
      kind.textContent = d[2] + (d[4] ? " · " + d[4] : "");
      li.appendChild(a);
      li.appendChild(kind);
      list.appendChild(li);
    }
  }
  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  show(initial);
  input.addEventListener("input", function () { show(input.value); });
})();
