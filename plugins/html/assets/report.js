// The report page: overview charts, filters and the document view, in plain
// JavaScript. Documents come from the JSON in #vigil-docs (positional fields,
// see html_sink.cpp); counts for the overview from #vigil-summary. Only the
// visible part of the list is rendered ("Show more" adds the next page), and
// a document's text is laid out only when it is opened, so tens of thousands
// of documents stay responsive.
//
// Filters live in the URL fragment: #lang=fr&topic=terrorism&entity=Europol&q=port&doc=ID
(function () {
  "use strict";
  var PAGE = 100;
  var LABEL_CLASSES = { PER: 1, ORG: 1, LOC: 1, MISC: 1 };
  var PALETTE = ["#2f6fde", "#d9822b", "#2e9a5b", "#8b55c9", "#c0392b", "#16a2b8", "#b5a019", "#6d4c41", "#e05297", "#52606d"];

  var docs = JSON.parse(document.getElementById("vigil-docs").textContent);
  var summary = JSON.parse(document.getElementById("vigil-summary").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var matches = [];
  var shown = 0;
  var filter = { lang: "", topic: "", entity: "", q: "", doc: "" };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "cls") node.className = attrs[k];
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c != null) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (text != null) node.textContent = text;
    return node;
  }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }
  function count(n, one, many) { return fmt(n) + " " + (Number(n) === 1 ? one : many); }
  function labelClass(label) { return LABEL_CLASSES[label] ? label : "OTHER"; }
  function sortedKeys(obj, by) {
    return Object.keys(obj).sort(function (a, b) { return (by(b) - by(a)) || (a < b ? -1 : a > b ? 1 : 0); });
  }

  // --- overview -------------------------------------------------------------

  var languages = sortedKeys(summary.languages, function (k) { return summary.languages[k]; });
  var topicTotals = {};
  Object.keys(summary.topics).forEach(function (t) {
    var n = 0;
    for (var l in summary.topics[t]) n += summary.topics[t][l];
    topicTotals[t] = n;
  });
  var topics = sortedKeys(topicTotals, function (k) { return topicTotals[k]; });
  var langColor = {};
  languages.forEach(function (l, i) { langColor[l] = PALETTE[i % PALETTE.length]; });

  function cards() {
    var items = [
      ["documents", summary.documents, "documents"],
      ["languages", languages.length, "languages"],
      ["topics", topics.length, "topics"],
      ["mentions", summary.entity_mentions, "entity mentions"],
      ["entities", summary.distinct_entities, "distinct entities"]
    ];
    items.forEach(function (it) {
      $("cards").appendChild(el("div", { cls: "card" }, [
        el("span", { cls: "n", id: "stat-" + it[0], text: fmt(it[1]) }), el("span", { cls: "k", text: it[2] })]));
    });
    $("generated").textContent = "Written by " + summary.writer + "; offsets in " + summary.offsets +
      (summary.embedded < summary.documents ? "; the document view holds the first " + fmt(summary.embedded) : "");
  }

  // Horizontal bars, one row per key; each row is a stack of (part, value).
  function barChart(rows, onPick) {
    var rowH = 22, labelW = 130, width = 560, barW = width - labelW - 60;
    var max = 1;
    rows.forEach(function (r) { var s = 0; r.parts.forEach(function (p) { s += p.value; }); r.total = s; if (s > max) max = s; });
    var root = svg("svg", { viewBox: "0 0 " + width + " " + Math.max(rowH * rows.length + 4, 30), width: "100%", role: "img" });
    if (!rows.length) root.appendChild(svg("text", { x: 0, y: 18 }, "nothing to show"));
    rows.forEach(function (r, i) {
      var y = i * rowH + 2;
      root.appendChild(svg("text", { x: labelW - 6, y: y + 14, "text-anchor": "end" }, r.key));
      var x = labelW;
      r.parts.forEach(function (p) {
        var w = Math.max(1, p.value / max * barW);
        var rect = svg("rect", { x: x, y: y, width: w, height: rowH - 6, fill: p.color, "class": "bar" });
        rect.appendChild(svg("title", {}, r.key + (p.name ? " / " + p.name : "") + ": " + fmt(p.value)));
        rect.addEventListener("click", function () { onPick(r.key, p.name); });
        root.appendChild(rect);
        x += w;
      });
      root.appendChild(svg("text", { x: x + 6, y: y + 14, "class": "total" }, fmt(r.total)));
    });
    return root;
  }

  function charts() {
    $("chart-languages").appendChild(barChart(languages.map(function (l) {
      return { key: l, parts: [{ value: summary.languages[l], color: langColor[l] }] };
    }), function (lang) { setFilter({ lang: lang, topic: "" }); }));
    $("chart-topics").appendChild(barChart(topics.map(function (t) {
      return { key: t, parts: languages.filter(function (l) { return summary.topics[t][l]; }).map(function (l) {
        return { name: l, value: summary.topics[t][l], color: langColor[l] };
      }) };
    }), function (topic, lang) { setFilter({ topic: topic, lang: lang || "" }); }));
    var legend = el("div", { cls: "legend" });
    languages.forEach(function (l) { legend.appendChild(el("span", {}, [el("i", { style: "background:" + langColor[l] }), l])); });
    $("chart-topics").appendChild(legend);
  }

  function entityLists() {
    var labels = Object.keys(summary.entities).sort();
    if (!labels.length) $("top-entities").appendChild(el("p", { cls: "empty", text: "No entities in these documents." }));
    labels.forEach(function (label) {
      var list = el("ol");
      summary.entities[label].forEach(function (e) {
        list.appendChild(el("li", { title: "show documents mentioning " + e[0], onclick: function () { setFilter({ entity: e[0] }); } },
          [el("span", { cls: "ent ent-" + labelClass(label), text: e[0] }), " ", el("span", { cls: "c", text: count(e[1], "doc", "docs") + ", " + count(e[2], "mention", "mentions") })]));
      });
      $("top-entities").appendChild(el("div", { "data-label": label }, [el("h3", { text: label }), list]));
    });
    if (!topics.length) $("topic-entities").appendChild(el("p", { cls: "empty", text: "No topics in these documents." }));
    topics.forEach(function (t) {
      var list = el("ol");
      (summary.topic_entities[t] || []).forEach(function (e) {
        list.appendChild(el("li", { onclick: function () { setFilter({ topic: t, entity: e[1] }); } },
          [el("span", { cls: "ent ent-" + labelClass(e[0]), text: e[1] }), " ", el("span", { cls: "c", text: e[0] + ", " + count(e[2], "doc", "docs") })]));
      });
      $("topic-entities").appendChild(el("div", { "data-topic": t }, [el("h3", { text: t + " (" + fmt(topicTotals[t]) + ")" }),
        list.firstChild ? list : el("p", { cls: "empty", text: "no entities" })]));
    });
  }

  // --- filters --------------------------------------------------------------

  function fillFilters() {
    languages.forEach(function (l) { $("f-lang").appendChild(el("option", { value: l, text: l + " (" + fmt(summary.languages[l]) + ")" })); });
    topics.forEach(function (t) { $("f-topic").appendChild(el("option", { value: t, text: t + " (" + fmt(topicTotals[t]) + ")" })); });
    var names = {};
    Object.keys(summary.entities).forEach(function (label) { summary.entities[label].forEach(function (e) { names[e[0]] = 1; }); });
    Object.keys(names).sort().forEach(function (n) { $("entity-names").appendChild(el("option", { value: n })); });
    $("f-lang").addEventListener("change", function () { setFilter({ lang: this.value }); });
    $("f-topic").addEventListener("change", function () { setFilter({ topic: this.value }); });
    $("f-entity").addEventListener("change", function () { setFilter({ entity: this.value.trim() }); });
    var timer = null;
    $("f-q").addEventListener("input", function () {
      var v = this.value;
      clearTimeout(timer);
      timer = setTimeout(function () { setFilter({ q: v }); }, 150);
    });
    $("f-clear").addEventListener("click", function () { setFilter({ lang: "", topic: "", entity: "", q: "", doc: "" }); });
    $("more").addEventListener("click", renderMore);
  }

  function readHash() {
    var f = { lang: "", topic: "", entity: "", q: "", doc: "" };
    var h = location.hash.replace(/^#/, "");
    if (h) h.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i < 0) return;
      try {
        var k = decodeURIComponent(kv.slice(0, i)), v = decodeURIComponent(kv.slice(i + 1).replace(/\+/g, " "));
        if (k in f) f[k] = v;
      } catch (e) { /* a malformed fragment is ignored, not an error */ }
    });
    return f;
  }
  function writeHash() {
    var parts = [];
    for (var k in filter) if (filter[k]) parts.push(k + "=" + encodeURIComponent(filter[k]));
    var h = parts.length ? "#" + parts.join("&") : " ";
    if (history.replaceState) history.replaceState(null, "", h === " " ? location.pathname + location.search : h);
  }

  function setFilter(change) {
    for (var k in change) filter[k] = change[k];
    if (!("doc" in change)) filter.doc = "";
    writeHash();
    apply();
    if (!("doc" in change)) $("documents").scrollIntoView({ block: "start" });
  }

  function docMatches(d, f, needle, entity) {
    if (f.lang && d.l !== f.lang) return false;
    if (f.topic && !d.p.some(function (t) { return t[0] === f.topic; })) return false;
    if (entity && !d.e.some(function (e) { return e[3].toLowerCase() === entity || e[8].toLowerCase() === entity; })) return false;
    if (needle) {
      if (d._lc === undefined) d._lc = ((d.t || "") + "\n" + d.i).toLowerCase();
      if (d._lc.indexOf(needle) < 0) return false;
    }
    return true;
  }

  function apply() {
    $("f-lang").value = filter.lang;
    $("f-topic").value = filter.topic;
    $("f-entity").value = filter.entity;
    if (document.activeElement !== $("f-q")) $("f-q").value = filter.q;
    var needle = filter.q.trim().toLowerCase(), entity = filter.entity.trim().toLowerCase();
    matches = [];
    for (var i = 0; i < docs.length; i++) if (docMatches(docs[i], filter, needle, entity)) matches.push(i);
    $("match-count").textContent = fmt(matches.length);
    $("doc-count").textContent = fmt(docs.length);
    $("truncated").textContent = summary.embedded < summary.documents ?
      " (the report holds the first " + fmt(summary.embedded) + " of " + fmt(summary.documents) + " documents)" : "";
    $("doc-list").textContent = "";
    shown = 0;
    renderMore();
    var open = filter.doc ? docs.findIndex(function (d) { return d.i === filter.doc; }) : -1;
    if (open >= 0) showDocument(open);
    else if (matches.length) showDocument(matches[0], true);
    else $("doc-view").textContent = "No document matches these filters.";
  }

  function renderMore() {
    var list = $("doc-list"), end = Math.min(matches.length, shown + PAGE);
    var frag = document.createDocumentFragment();
    for (; shown < end; shown++) {
      var d = docs[matches[shown]];
      var tags = [el("span", { cls: "tag lang", text: d.l })];
      d.p.forEach(function (t) { tags.push(el("span", { cls: "tag", text: t[0] })); });
      var snippet = d.t ? d.t.slice(0, 200) : d.e.length + " entities";
      frag.appendChild(el("li", { "data-index": matches[shown], onclick: onPick }, [
        el("div", {}, [el("span", { cls: "id", text: d.i }), " "].concat(tags)), el("div", { cls: "snip", dir: "auto", text: snippet })]));
    }
    list.appendChild(frag);
    $("more").hidden = shown >= matches.length;
    if (!$("more").hidden) $("more").textContent = "Show more (" + fmt(matches.length - shown) + " left)";
  }

  function onPick() {
    var index = Number(this.getAttribute("data-index"));
    filter.doc = docs[index].i;
    writeHash();
    showDocument(index);
  }

  // --- the document view ----------------------------------------------------

  // Splits the text at every entity and evidence boundary; each piece gets
  // the innermost entity covering it and whether evidence covers it.
  function highlighted(d) {
    var text = d.t, cuts = { 0: 1 };
    cuts[text.length] = 1;
    d.e.forEach(function (e) { cuts[e[0]] = 1; cuts[e[1]] = 1; });
    var evidence = [];
    d.p.forEach(function (t) { t[2].forEach(function (ev) { evidence.push([ev[0], ev[1], t[0], ev[2]]); cuts[ev[0]] = 1; cuts[ev[1]] = 1; }); });
    var points = Object.keys(cuts).map(Number).filter(function (x) { return x <= text.length; }).sort(function (a, b) { return a - b; });
    var box = el("div", { cls: "text", dir: "auto" });
    for (var i = 0; i + 1 < points.length; i++) {
      var a = points[i], b = points[i + 1], piece = text.slice(a, b), ent = null, ev = [];
      d.e.forEach(function (e) { if (e[0] <= a && b <= e[1] && (!ent || e[1] - e[0] < ent[1] - ent[0])) ent = e; });
      evidence.forEach(function (x) { if (x[0] <= a && b <= x[1]) ev.push(x); });
      if (!ent && !ev.length) { box.appendChild(document.createTextNode(piece)); continue; }
      var cls = (ent ? "ent ent-" + labelClass(ent[2]) : "") + (ev.length ? " ev" : "");
      var title = (ent ? ent[2] + ": " + ent[3] + (ent[4] ? " [" + ent[4] + "]" : "") + " (" + ent[5] + ")" : "") +
        ev.map(function (x) { return (ent ? "\n" : "") + "evidence for " + x[2] + ": " + x[3]; }).join("");
      box.appendChild(el("span", { cls: cls.trim(), title: title, text: piece }));
    }
    return box;
  }

  function showDocument(index, quiet) {
    var d = docs[index], view = $("doc-view");
    view.textContent = "";
    Array.prototype.forEach.call(document.querySelectorAll("#doc-list li.sel"), function (li) { li.className = ""; });
    var li = document.querySelector('#doc-list li[data-index="' + index + '"]');
    if (li) li.className = "sel";
    var topicsLine = d.p.map(function (t) { return t[0] + " " + Number(t[1]).toFixed(2); }).join(", ") || "none";
    view.appendChild(el("h2", { text: d.i }));
    view.appendChild(el("p", { cls: "meta", text: "language " + d.l + " · topics: " + topicsLine + " · " + count(d.e.length, "entity", "entities") }));
    var key = el("p", { cls: "meta key" }, ["Entities:"]);
    ["PER", "ORG", "LOC", "MISC"].forEach(function (l) { key.appendChild(el("i", { cls: "ent-" + l })); key.appendChild(document.createTextNode(l)); });
    key.appendChild(document.createTextNode(" · topic evidence is underlined"));
    view.appendChild(key);
    view.appendChild(d.t != null ? highlighted(d) : el("p", { cls: "hint", text: "The text was not included in this report (text = false)." }));
    if (d.e.length) {
      var rows = d.e.map(function (e) {
        return el("tr", {}, [el("td", {}, [el("span", { cls: "ent ent-" + labelClass(e[2]), text: e[8] })]), el("td", { text: e[2] }),
          el("td", { text: e[3] }), el("td", { text: e[4] }), el("td", { text: Number(e[5]).toFixed(2) }), el("td", { text: e[6] + "–" + e[7] })]);
      });
      view.appendChild(el("table", { cls: "small" }, [el("thead", {}, [el("tr", {}, ["text", "label", "name", "id", "score", "offsets (" + summary.offsets + ")"].map(function (h) { return el("th", { text: h }); }))]),
        el("tbody", {}, rows)]));
    }
    if (d.m && Object.keys(d.m).length) view.appendChild(el("p", { cls: "meta", text: "meta: " + JSON.stringify(d.m) }));
    if (!quiet) view.scrollIntoView({ block: "nearest" });
  }

  cards();
  charts();
  entityLists();
  fillFilters();
  filter = readHash();
  apply();
  window.addEventListener("hashchange", function () { filter = readHash(); apply(); });
  document.body.setAttribute("data-status", "ready");
})();
