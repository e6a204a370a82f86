// herodotus pages: the dyad chart's event list and the paste form. No libraries.
(function () {
  "use strict";
  var enc = new TextEncoder();
  var dec = new TextDecoder();

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // The sentence with the event's source, target and verb highlighted.
  // Spans are byte offsets into the article text; the sentence starts at
  // sentence_span[0].
  function sentence(ev) {
    var p = el("p", "sentence");
    var bytes = enc.encode(ev.sentence || "");
    var base = (ev.sentence_span || [0, 0])[0];
    var marks = [[ev.source_span, "actor"], [ev.target_span, "actor"], [ev.verb_span, "verb"]]
      .filter(function (m) { return m[0] && m[0][1] > m[0][0]; })
      .map(function (m) { return [m[0][0] - base, m[0][1] - base, m[1]]; })
      .filter(function (m) { return m[0] >= 0 && m[1] <= bytes.length; })
      .sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    marks.forEach(function (m) {
      if (m[0] < pos) return; // overlapping: keep the first
      if (m[0] > pos) p.appendChild(document.createTextNode(dec.decode(bytes.subarray(pos, m[0]))));
      p.appendChild(el("span", m[2], dec.decode(bytes.subarray(m[0], m[1]))));
      pos = m[1];
    });
    if (pos < bytes.length) p.appendChild(document.createTextNode(dec.decode(bytes.subarray(pos))));
    return p;
  }

  function renderEvents(box, events, from, to) {
    box.textContent = "";
    box.appendChild(el("h2", null, events.length + (events.length === 1 ? " event" : " events") +
      " from " + from + " to " + to));
    if (!events.length) { box.appendChild(el("p", "muted", "No events in this bucket.")); return; }
    var ol = el("ol", "evlist");
    events.forEach(function (ev) {
      var li = el("li", "ev q" + ev.quad_class);
      var head = el("div");
      head.appendChild(el("b", null, ev.source_code));
      head.appendChild(document.createTextNode(" " + ev.event_code + " "));
      head.appendChild(el("b", null, ev.target_code || "—"));
      head.appendChild(el("span", "muted", " " + (ev.date || "undated") + " · " + ev.event_label +
        " · Goldstein " + (ev.goldstein > 0 ? "+" : "") + ev.goldstein));
      li.appendChild(head);
      li.appendChild(sentence(ev));
      (ev.quotes || []).forEach(function (q) {
        li.appendChild(el("p", "muted", "“" + q.quote + "” — " + (q.speaker || "unknown speaker")));
      });
      var a = el("a", null, ev.title || ev.article_id);
      a.href = "/article/" + encodeURIComponent(ev.article_id) + "#s" + ev.sentence_index;
      li.appendChild(a);
      ol.appendChild(li);
    });
    box.appendChild(ol);
  }

  var chart = document.querySelector("[data-dyad]");
  if (chart) {
    var box = document.getElementById("events");
    var select = function (g) {
      chart.querySelectorAll(".bucket.selected").forEach(function (x) { x.classList.remove("selected"); });
      g.classList.add("selected");
      var from = g.getAttribute("data-from"), to = g.getAttribute("data-to");
      var qs = new URLSearchParams({
        source: chart.getAttribute("data-a"), target: chart.getAttribute("data-b"),
        from: from, to: to, limit: "500"
      });
      if (chart.getAttribute("data-directed") !== "1") qs.set("undirected", "1");
      box.textContent = "";
      box.appendChild(el("p", "muted", "Loading…"));
      fetch("/api/events?" + qs.toString())
        .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw new Error(j.error || r.status); return j; }); })
        .then(function (j) { renderEvents(box, j.events, from, to); })
        .catch(function (e) { box.textContent = ""; box.appendChild(el("p", "err", "Could not load events: " + e.message)); });
    };
    chart.querySelectorAll(".bucket").forEach(function (g) {
      g.addEventListener("click", function () { select(g); });
      g.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(g); }
      });
    });
  }

  var form = document.getElementById("paste");
  if (form) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var status = document.getElementById("paste-status");
      var f = form.elements;
      var body = { text: f.text.value };
      ["title", "date", "source", "url"].forEach(function (k) { if (f[k].value.trim()) body[k] = f[k].value.trim(); });
      var headers = { "content-type": "application/json" };
      if (f.token && f.token.value) headers.authorization = "Bearer " + f.token.value;
      status.textContent = "Coding…";
      fetch("/api/articles", { method: "POST", headers: headers, body: JSON.stringify(body) })
        .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw new Error(j.error || r.status); return j; }); })
        .then(function (j) { location.href = "/article/" + encodeURIComponent(j.id); })
        .catch(function (err) { status.textContent = "Failed: " + err.message; status.className = "err"; });
    });
  }
})();
