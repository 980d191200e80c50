/// The review page's HTML, CSS and JavaScript (put together by ``ReviewPage``). Nothing here
/// loads anything from anywhere: the page is one file.
///
/// Spans in the reports are `[start, end)` Unicode scalar offsets; JavaScript strings are UTF-16,
/// so the script maps scalar offsets to UTF-16 indices once per text (`scalarIndex`) before it
/// slices (a character outside the BMP, such as 𠀀, is one scalar but two UTF-16 units).
enum ReviewAssets {
    static let html = """
    <!doctype html>
    <html lang="zh-CN" data-mode="QIYUE_MODE">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Qiyue 合同审阅 · contract review</title>
    <style>/*QIYUE_STYLE*/</style>
    </head>
    <body>
    <header class="top">
      <h1>Qiyue 合同审阅 <span class="en">contract review</span></h1>
      <form id="input-form" class="live-only" aria-label="Contract input">
        <label for="contract-text">粘贴合同文本 Paste a contract</label>
        <textarea id="contract-text" name="text" rows="6" spellcheck="false"></textarea>
        <div class="row">
          <label for="contract-file">或上传文件 or upload a file (txt, html, docx…)</label>
          <input id="contract-file" name="file" type="file">
          <label for="api-key">API key</label>
          <input id="api-key" type="password" autocomplete="off" size="12">
          <button id="analyze" type="submit">分析 Analyze</button>
        </div>
      </form>
      <div id="status" role="status" aria-live="polite"></div>
      <div id="error" role="alert"></div>
    </header>
    <section id="legend" class="legend" aria-label="Legend"></section>
    <nav id="tabs" class="tabs" role="tablist" aria-label="Documents"></nav>
    <main id="docs"></main>
    <script id="qiyue-data" type="application/json">/*QIYUE_DATA*/null</script>
    <script>/*QIYUE_SCRIPT*/</script>
    </body>
    </html>
    """

    static let css = """
    :root { --ink: #111; --muted: #444; --line: #888; --bg: #fff; --panel: #f6f6f6; --focus: #ffd43b; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 1rem/1.6 system-ui, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: var(--ink); background: var(--bg); }
    .top { padding: 0.75rem 1rem; border-bottom: 1px solid var(--line); }
    h1 { font-size: 1.3rem; margin: 0 0 0.5rem; } h1 .en { font-weight: normal; color: var(--muted); font-size: 1rem; }
    h2 { font-size: 1.1rem; margin: 0.75rem 0 0.25rem; } h3 { font-size: 1rem; margin: 0.5rem 0 0.25rem; }
    form label { display: block; font-weight: 600; }
    form .row label { display: inline; margin-right: 0.25rem; }
    textarea { width: 100%; font: inherit; padding: 0.4rem; border: 1px solid var(--line); }
    .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-top: 0.4rem; }
    button { font: inherit; color: var(--ink); background: #fff; border: 1px solid #555; border-radius: 4px; padding: 0.2rem 0.6rem; cursor: pointer; }
    button:focus-visible, .seg:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
    #analyze { background: #1d4ed8; color: #fff; border-color: #1d4ed8; font-weight: 600; }
    #error:not(:empty) { margin-top: 0.5rem; padding: 0.4rem 0.6rem; border: 2px solid #b91c1c; color: #7f1d1d; background: #fff5f5; }
    html[data-mode="static"] .live-only { display: none; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; padding: 0.4rem 1rem; border-bottom: 1px solid var(--line); }
    .legend .item { white-space: nowrap; }
    .tabs { display: flex; flex-wrap: wrap; gap: 0.25rem; padding: 0.4rem 1rem 0; }
    .tabs:empty { display: none; }
    .tabs [role=tab][aria-selected=true] { background: #111; color: #fff; }
    .doc { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0.75rem 1rem; }
    .doc[hidden] { display: none; }
    .text { flex: 3 1 32rem; min-width: 0; }
    .text pre { white-space: pre-wrap; word-break: break-word; font: inherit; line-height: 1.9; margin: 0; padding: 0.75rem; border: 1px solid var(--line); background: #fff; }
    .side { flex: 2 1 20rem; min-width: 0; max-height: calc(100vh - 2rem); overflow: auto; position: sticky; top: 0.5rem; background: var(--panel); border: 1px solid var(--line); padding: 0.5rem 0.75rem; }
    .meta { color: var(--muted); margin: 0 0 0.4rem; }
    .risks, .facts { list-style: none; margin: 0; padding: 0; }
    .risk, .fact { margin: 0 0 0.4rem; }
    .risk > button, .fact > button { display: block; width: 100%; text-align: left; background: #fff; }
    .risk > button { padding: 0.4rem 0.5rem; }
    .risk .title { font-weight: 700; }
    .risk .msg { display: block; margin-top: 0.2rem; }
    .risk .basis, .risk .evidence { display: block; margin-top: 0.2rem; color: var(--muted); font-size: 0.92rem; }
    .sev { display: inline-block; min-width: 3.2em; text-align: center; border-radius: 3px; padding: 0 0.3em; margin-right: 0.4em; color: #fff; font-weight: 700; font-size: 0.85rem; }
    .sev-high { background: #b91c1c; } .sev-medium { background: #9a3412; } .sev-low { background: #1d4ed8; } .sev-info { background: #374151; }
    .fact .tag { font-weight: 700; margin-right: 0.3em; }
    .seg { color: var(--ink); border-radius: 2px; text-decoration-color: #222; text-decoration-thickness: 2px; text-underline-offset: 0.25em; cursor: pointer; }
    .k-parties { background: #dbeafe; text-decoration-line: underline; text-decoration-style: solid; }
    .k-amounts { background: #d1fae5; text-decoration-line: underline; text-decoration-style: double; }
    .k-dates { background: #fef3c7; text-decoration-line: underline; text-decoration-style: dotted; }
    .k-deadlines { background: #fee2e2; text-decoration-line: underline; text-decoration-style: dashed; }
    .k-periods { background: #ede9fe; text-decoration-line: underline; text-decoration-style: wavy; }
    .k-penalties { background: #fce7f3; text-decoration-line: underline overline; text-decoration-style: solid; }
    .k-risk { box-shadow: inset 0 -0.15em 0 #9a3412; }
    .swatch { display: inline-block; padding: 0 0.35em; margin-right: 0.3em; border: 1px solid #999; }
    .seg.focus, .seg.focus[class*=k-] { background: var(--focus); outline: 2px solid #111; }
    @media (max-width: 50rem) { .side { position: static; max-height: none; } }
    @media print {
      .live-only, .tabs, #status { display: none !important; }
      .doc[hidden] { display: flex !important; }
      .doc { display: block; page-break-after: always; }
      .side { position: static; max-height: none; overflow: visible; border: none; background: none; padding: 0; }
      .side .facts-section { display: none; }
      .risk > button { border: 1px solid #999; }
      .seg, .sev, .swatch { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { font-size: 11pt; }
    }
    """

    static let script = #"""
    (function () {
      "use strict";
      var KINDS = [
        { key: "parties", zh: "当事人", en: "party", cue: "实线 solid underline" },
        { key: "amounts", zh: "金额", en: "amount", cue: "双下划线 double underline" },
        { key: "dates", zh: "日期", en: "date", cue: "点线 dotted underline" },
        { key: "deadlines", zh: "期限", en: "deadline", cue: "虚线 dashed underline" },
        { key: "periods", zh: "期间", en: "period", cue: "波浪线 wavy underline" },
        { key: "penalties", zh: "违约金", en: "penalty", cue: "上下划线 over- and underline" }
      ];
      var SEVERITY = { high: 0, medium: 1, low: 2, info: 3 };
      var SEV_LABEL = { high: "高 high", medium: "中 medium", low: "低 low", info: "注 info" };

      function esc(s) {
        return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
          return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
        });
      }

      // UTF-16 index of every scalar offset of `text` (length: scalars + 1).
      function scalarIndex(text) {
        var map = new Uint32Array(text.length + 1), n = 0, i = 0;
        while (i < text.length) {
          map[n++] = i;
          var c = text.charCodeAt(i);
          i += (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length) ? 2 : 1;
        }
        map[n] = i;
        return { map: map, count: n };
      }

      function factValue(kind, f) {
        switch (kind) {
          case "parties": return [f.role, f.name || (f.blank ? "（空白 blank）" : ""), f.side].filter(Boolean).join(" · ");
          case "amounts": return (f.value != null ? f.value.toLocaleString("zh-CN") + " " + (f.currency || "") : f.blank ? "（空白 blank）" : f.text) + (f.purpose ? " · " + f.purpose : "");
          case "dates": return f.value + (f.bound ? " · " + f.bound : "");
          case "deadlines": return [f.date || (f.relative ? (f.relative.amount != null ? f.relative.amount : "") + " " + f.relative.unit + " / " + f.relative.anchor : ""), f.bound, f.obligor, f.action].filter(Boolean).join(" · ");
          case "periods": return [f.kind, f.start && f.end ? f.start + " – " + f.end : "", f.duration ? f.duration.amount + " " + f.duration.unit : ""].filter(Boolean).join(" · ");
          case "penalties": return [f.form, f.rate != null ? f.rate + " / " + f.per : "", f.annualizedRate != null ? "≈ " + (f.annualizedRate * 100).toFixed(2) + "% / year" : "", f.amount != null ? f.amount : "", f.payer ? f.payer + " → " + (f.payee || "") : ""].filter(Boolean).join(" · ");
        }
        return "";
      }

      function legend() {
        var el = document.getElementById("legend");
        el.innerHTML = "<strong>图例 Legend:</strong> " + KINDS.map(function (k) {
          return '<span class="item"><span class="swatch seg k-' + k.key + '">' + esc(k.zh) + "</span>" + esc(k.en) + " — " + esc(k.cue) + "</span>";
        }).join("") + '<span class="item"><span class="swatch seg k-risk">风险</span>risk evidence — 底边线 bottom rule</span>';
      }

      // One document: the highlighted text and the side panel; returns its section element.
      function renderDocument(report, index, pageText) {
        var text = pageText != null ? pageText : (report.source && report.source.text) || "";
        var idx = scalarIndex(text);
        var base = report.source && report.source.span ? report.source.span[0] : 0;
        var end = report.source && report.source.span ? report.source.span[1] : idx.count;
        function u(s) { return idx.map[Math.max(0, Math.min(idx.count, s))]; }
        var items = [];
        KINDS.forEach(function (k) {
          (report[k.key] || []).forEach(function (f, i) {
            if (!f.span) return;
            items.push({ id: "d" + index + "-" + k.key + "-" + i, kind: k.key, label: k.zh + " " + k.en, value: factValue(k.key, f), start: f.span[0], end: f.span[1], fact: f });
          });
        });
        var risks = (report.risks || []).map(function (r, i) {
          return { id: "d" + index + "-risk-" + i, kind: "risk", label: "风险 risk", value: r.title, start: r.span[0], end: r.span[1], risk: r, order: i };
        });
        risks.sort(function (a, b) {
          return (SEVERITY[a.risk.severity] != null ? SEVERITY[a.risk.severity] : 9) - (SEVERITY[b.risk.severity] != null ? SEVERITY[b.risk.severity] : 9) || a.start - b.start;
        });
        var all = items.concat(risks);
        // Boundaries of every span within the document, then one piece per gap between them.
        var points = [base, end];
        all.forEach(function (it) { points.push(Math.max(base, Math.min(end, it.start)), Math.max(base, Math.min(end, it.end))); });
        points.sort(function (a, b) { return a - b; });
        var cuts = [];
        points.forEach(function (p) { if (cuts.length === 0 || cuts[cuts.length - 1] !== p) cuts.push(p); });
        var starts = {}, ends = {};
        all.forEach(function (it) {
          if (it.end <= it.start) return;
          (starts[it.start] = starts[it.start] || []).push(it);
          (ends[it.end] = ends[it.end] || []).push(it);
        });
        var active = [], html = [];
        for (var c = 0; c < cuts.length - 1; c++) {
          var a = cuts[c], b = cuts[c + 1];
          if (ends[a]) active = active.filter(function (it) { return ends[a].indexOf(it) < 0; });
          if (starts[a]) active = active.concat(starts[a]);
          var piece = esc(text.slice(u(a), u(b)));
          if (active.length === 0) { html.push(piece); continue; }
          var inner = null, hasRisk = false;
          active.forEach(function (it) {
            if (it.kind === "risk") { hasRisk = true; return; }
            if (!inner || (it.end - it.start) < (inner.end - inner.start)) inner = it;
          });
          var title = active.map(function (it) { return it.label + ": " + it.value; }).join("\n");
          html.push('<span class="seg' + (inner ? " k-" + inner.kind : "") + (hasRisk ? " k-risk" : "") + '" data-ids="' +
            active.map(function (it) { return it.id; }).join(" ") + '" data-inner="' + (inner ? inner.id : active[0].id) +
            '" title="' + esc(title) + '">' + piece + "</span>");
        }
        // Ends exactly at the last cut close nothing further.
        var section = document.createElement("section");
        section.className = "doc";
        section.id = "doc-" + index;
        section.setAttribute("role", "tabpanel");
        section.setAttribute("aria-label", "Document " + (index + 1));
        var cls = report.classification || {};
        var side = ['<aside class="side" aria-label="Findings">',
          '<p class="meta">', esc(report.document && report.document.title || report.source.path), " · ",
          esc(cls.isContract ? (cls.category || "contract") : "非合同 not a contract"), "</p>",
          "<h2>风险 Risks (" + risks.length + ")</h2>",
          risks.length ? '<ol class="risks">' : '<p class="meta">没有发现风险 No risk found.</p>'];
        risks.forEach(function (it) {
          var r = it.risk;
          side.push('<li class="risk" data-rule="' + esc(r.rule) + '" data-span="' + r.span[0] + "," + r.span[1] + '">',
            '<button type="button" data-target="' + it.id + '" aria-describedby="' + it.id + '-ev">',
            '<span class="sev sev-' + esc(r.severity) + '">' + esc(SEV_LABEL[r.severity] || r.severity) + "</span>",
            '<span class="title">' + esc(r.title) + "</span>",
            '<span class="msg">' + esc(r.message) + "</span>",
            (r.basis && r.basis.length ? '<span class="basis">依据 Basis: ' + r.basis.map(esc).join("；") + "</span>" : ""),
            '<span class="evidence" id="' + it.id + '-ev">原文 Evidence: “' + esc(r.evidence) + "”</span>",
            "</button></li>");
        });
        if (risks.length) side.push("</ol>");
        side.push('<div class="facts-section"><h2>要素 Facts (' + items.length + ")</h2>");
        KINDS.forEach(function (k) {
          var list = items.filter(function (it) { return it.kind === k.key; });
          if (!list.length) return;
          side.push("<h3>" + esc(k.zh) + " " + esc(k.en) + " (" + list.length + ')</h3><ul class="facts">');
          list.forEach(function (it) {
            side.push('<li class="fact"><button type="button" data-target="' + it.id + '"><span class="tag seg k-' + k.key + '">' +
              esc(k.zh) + "</span>" + esc(it.value || it.fact.text || "") + "</button></li>");
          });
          side.push("</ul>");
        });
        side.push("</div></aside>");
        section.innerHTML = '<div class="text"><pre>' + html.join("") + "</pre></div>" + side.join("");
        return section;
      }

      var segIndex = {};
      function indexSegments(root) {
        var segs = root.querySelectorAll(".seg[data-ids]");
        for (var i = 0; i < segs.length; i++) {
          var ids = segs[i].getAttribute("data-ids").split(" ");
          for (var j = 0; j < ids.length; j++) (segIndex[ids[j]] = segIndex[ids[j]] || []).push(segs[i]);
        }
      }
      var focused = [];
      function highlight(id) {
        focused.forEach(function (el) { el.classList.remove("focus"); });
        focused = segIndex[id] || [];
        focused.forEach(function (el) { el.classList.add("focus"); });
        if (focused.length) focused[0].scrollIntoView({ block: "center" });
      }

      function selectTab(i) {
        var tabs = document.querySelectorAll("#tabs [role=tab]");
        for (var t = 0; t < tabs.length; t++) {
          tabs[t].setAttribute("aria-selected", t === i ? "true" : "false");
          tabs[t].tabIndex = t === i ? 0 : -1;
        }
        var docs = document.querySelectorAll("#docs .doc");
        for (var d = 0; d < docs.length; d++) docs[d].hidden = d !== i;
      }

      function render(reports) {
        var t0 = performance.now();
        var docs = document.getElementById("docs"), tabs = document.getElementById("tabs");
        docs.innerHTML = ""; tabs.innerHTML = ""; segIndex = {}; focused = [];
        var pageText = reports.length && reports[0].source ? reports[0].source.text : null;
        reports.forEach(function (r, i) {
          var section = renderDocument(r, i, r.source && r.source.text != null ? r.source.text : pageText);
          docs.appendChild(section);
          if (reports.length > 1) {
            var b = document.createElement("button");
            b.type = "button"; b.setAttribute("role", "tab"); b.id = "tab-" + i;
            b.setAttribute("aria-controls", "doc-" + i);
            b.textContent = (i + 1) + ". " + ((r.document && r.document.title) || (r.classification && r.classification.category) || "文档 document") + " (" + (r.risks || []).length + ")";
            b.addEventListener("click", function () { selectTab(i); });
            tabs.appendChild(b);
          }
        });
        indexSegments(docs);
        if (reports.length > 1) selectTab(0);
        var ms = performance.now() - t0;
        window.qiyueRenderMs = ms;
        var segs = docs.querySelectorAll(".seg").length;
        document.getElementById("status").textContent = reports.length + " 份文档 document(s), " + segs + " 处标注 highlights, rendered in " + ms.toFixed(0) + " ms";
        document.documentElement.setAttribute("data-rendered", String(reports.length));
      }

      document.addEventListener("click", function (e) {
        var b = e.target.closest && e.target.closest("button[data-target]");
        if (b) { highlight(b.getAttribute("data-target")); return; }
        var s = e.target.closest && e.target.closest(".seg[data-inner]");
        if (s) highlight(s.getAttribute("data-inner"));
      });
      document.getElementById("tabs").addEventListener("keydown", function (e) {
        if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
        var tabs = Array.prototype.slice.call(document.querySelectorAll("#tabs [role=tab]"));
        var i = tabs.indexOf(document.activeElement);
        if (i < 0) return;
        var j = (i + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length;
        selectTab(j); tabs[j].focus();
      });

      function showError(message) { document.getElementById("error").textContent = message; }

      document.getElementById("input-form").addEventListener("submit", function (e) {
        e.preventDefault();
        showError("");
        var file = document.getElementById("contract-file").files[0];
        var text = document.getElementById("contract-text").value;
        var headers = {}, body;
        var key = document.getElementById("api-key").value;
        if (key) headers["X-API-Key"] = key;
        if (file) { body = new FormData(); body.append("file", file, file.name); }
        else { headers["Content-Type"] = "text/plain; charset=utf-8"; body = text; }
        document.getElementById("status").textContent = "分析中 Analyzing…";
        window.qiyueFetchStart = performance.now();
        fetch("v1/extract?include_text=true", { method: "POST", headers: headers, body: body })
          .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, json: j }; }); })
          .then(function (res) {
            if (!res.ok) {
              var err = res.json && res.json.error || {};
              showError((err.code || "error") + ": " + (err.message || "the request failed"));
              document.getElementById("status").textContent = "";
              return;
            }
            window.qiyueReports = res.json;
            render(res.json);
          })
          .catch(function (err) { showError("请求失败 The request failed: " + err); });
      });

      window.qiyueRender = render;
      legend();
      var embedded = JSON.parse(document.getElementById("qiyue-data").textContent);
      if (embedded) { window.qiyueReports = embedded; render(embedded); }
    })();
    """#
}
