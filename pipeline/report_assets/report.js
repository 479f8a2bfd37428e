"use strict";
(function () {
  const data = JSON.parse(document.getElementById("vnx-data").textContent);
  const state = { page: 0, query: "", matches: data.documents };
  const docsBox = document.getElementById("documents");

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (key === "class") node.className = value;
      else if (key === "style") node.style.cssText = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function table(headers, rows, numeric) {
    const head = el("tr", null, ...headers.map((h, i) => el("th", { class: numeric.includes(i) ? "num" : null }, h)));
    const body = rows.map((row) => el("tr", null,
      ...row.map((cell, i) => el("td", { class: numeric.includes(i) ? "num" : null }, cell === null ? "" : cell))));
    return el("table", null, el("thead", null, head), el("tbody", null, ...body));
  }

  function searchLink(value) {
    return el("a", { href: "#documents", onclick: () => setQuery(value) }, value);
  }

  function card(title, ...content) {
    return el("div", { class: "card" }, el("h2", null, title), ...content);
  }

  function renderOverview() {
    const o = data.overview;
    const box = document.getElementById("overview");
    const maxType = Math.max(1, ...Object.values(o.types));
    const typeRows = data.types.map((t) => [
      el("span", { class: "key t-" + t }, t), o.types[t],
      el("span", { class: "bar key t-" + t, style: "width:" + Math.round(120 * o.types[t] / maxType) + "px" }),
    ]);
    const totalMentions = Object.values(o.types).reduce((a, b) => a + b, 0);
    const first = el("div", { class: "cards" },
      card("Documents", el("div", { class: "stat", id: "stat-documents" }, o.documents),
        el("div", { class: "muted" }, o.ok + " ok, " + o.error + " error, " + totalMentions + " mentions")),
      card("Mentions per type", table(["type", "mentions", ""], typeRows, [1])),
      card("Timeline of dates", timelineChart(o.timeline)));
    const people = o.people.map((p, i) => [i + 1, p.id ? personLink(p) : searchLink(p.name), p.rank, p.position,
      p.organization, p.mentions, p.documents]);
    const second = el("div", { class: "cards" },
      card("Top people", people.length
        ? table(["#", "name", "rank", "position", "organization", "mentions", "docs"], people, [0, 5, 6])
        : el("p", { class: "empty" }, "no person records")));
    const sections = o.persons.map(personSection);
    const across = el("div", { class: "cards" },
      card("People across documents (" + o.persons.length + ")", sections.length
        ? el("div", { class: "persons" }, ...sections)
        : el("p", { class: "empty" }, "no person named in two documents")));
    const valueRows = (rows) => rows.map((r, i) => [i + 1, searchLink(r.value), r.mentions, r.documents]);
    const third = el("div", { class: "cards" },
      card("Top organizations", table(["#", "organization", "mentions", "docs"], valueRows(o.orgs), [0, 2, 3])),
      card("Top places", table(["#", "place", "mentions", "docs"], valueRows(o.places), [0, 2, 3])));
    box.append(first, second, across, third);
  }

  function personLink(p) {
    return el("a", { href: "#person-" + p.id, onclick: () => {
      const section = document.getElementById("person-" + p.id);
      if (section) section.open = true;
    } }, p.name);
  }

  function personSection(p) {
    const rows = p.timeline.map(([date, docId, rank, position, organization]) =>
      [date, searchLink(docId), rank, position, organization]);
    const dates = (p.first || "?") + " – " + (p.last || "?");
    return el("details", { class: "person", id: "person-" + p.id },
      el("summary", null, el("strong", null, p.name), " · " + p.documents + " documents · " + dates),
      p.aliases.length ? el("div", { class: "muted" }, "also written: " + p.aliases.join(", ")) : null,
      table(["date", "document", "rank", "position", "organization"], rows, []),
      p.ambiguous.length ? el("div", { class: "muted" }, "not told apart from: " + p.ambiguous.join(", ")) : null);
  }

  function timelineChart(months) {
    if (!months.length) return el("p", { class: "empty" }, "no dates");
    const max = Math.max(1, ...months.map((m) => m.mentions + m.documents));
    const cols = months.map((m) => el("div", {
      class: "col", title: m.month + ": " + m.mentions + " date mentions, " + m.documents + " documents published",
    },
      el("div", { class: "mentions", style: "height:" + Math.round(90 * m.mentions / max) + "px" }),
      el("div", { class: "docs", style: "height:" + Math.round(90 * m.documents / max) + "px" }),
      el("div", { class: "label" }, m.month)));
    return el("div", null, el("div", { class: "timeline" }, ...cols),
      el("div", { class: "muted" }, "blue: DATE mentions in the month; orange: documents dated in it"));
  }

  function renderNodes(nodes, parent) {
    for (const node of nodes) {
      if (typeof node === "string") { parent.append(node); continue; }
      const mark = el("mark", { class: "t-" + node.t, "data-type": node.t, title: node.h });
      renderNodes(node.c, mark);
      parent.append(mark);
    }
  }

  function renderDocument(doc) {
    const chips = Object.entries(doc.counts).map(([t, n]) => el("span", { class: "key t-" + t }, t + " " + n));
    const meta = el("div", { class: "meta" }, doc.id, doc.date ? " · " + doc.date : null,
      doc.status === "error" ? el("span", { class: "status-error" }, " · error: " + (doc.error || "")) : null, ...chips);
    const text = el("div", { class: "text" });
    renderNodes(doc.nodes, text);
    const article = el("article", { class: "doc" + (doc.status === "error" ? " error" : ""), "data-doc-id": doc.id },
      el("h3", null, doc.title || doc.id), meta, text);
    if (doc.people.length) {
      article.append(el("details", null, el("summary", null, "People (" + doc.people.length + ")"),
        table(["name", "rank", "position", "organization"], doc.people, [])));
    }
    if (doc.acronyms.length) {
      article.append(el("details", null, el("summary", null, "Acronyms (" + doc.acronyms.length + ")"),
        table(["acronym", "expansion", "source", "count"], doc.acronyms, [3])));
    }
    return article;
  }

  function flatText(nodes, out) {
    for (const node of nodes) {
      if (typeof node === "string") out.push(node);
      else { out.push(" ", node.h, " "); flatText(node.c, out); }
    }
    return out;
  }

  const searchIndex = new Map();
  function haystack(doc) {
    if (!searchIndex.has(doc.id)) {
      searchIndex.set(doc.id, [doc.id, doc.title || "", ...flatText(doc.nodes, [])].join(" ").toLowerCase());
    }
    return searchIndex.get(doc.id);
  }

  function setQuery(value) {
    document.getElementById("search").value = value;
    state.query = value.trim().toLowerCase();
    state.matches = state.query ? data.documents.filter((d) => haystack(d).includes(state.query)) : data.documents;
    state.page = 0;
    renderPage();
  }

  function renderPager(box, pages) {
    box.replaceChildren(
      el("button", { type: "button", "data-go": "prev", disabled: state.page === 0 ? "" : null,
        onclick: () => { state.page -= 1; renderPage(); } }, "‹ prev"),
      el("span", { class: "page-info" }, "page " + (pages ? state.page + 1 : 0) + " of " + pages + " · " +
        state.matches.length + " documents"),
      el("button", { type: "button", "data-go": "next", disabled: state.page >= pages - 1 ? "" : null,
        onclick: () => { state.page += 1; renderPage(); } }, "next ›"));
  }

  function renderPage() {
    const size = data.pageSize;
    const pages = Math.ceil(state.matches.length / size);
    const shown = state.matches.slice(state.page * size, (state.page + 1) * size);
    docsBox.replaceChildren(...(shown.length ? shown.map(renderDocument) : [el("p", { class: "empty" }, "no documents")]));
    renderPager(document.getElementById("pager-top"), pages);
    renderPager(document.getElementById("pager-bottom"), pages);
  }

  function renderFilter() {
    const box = document.getElementById("type-filter");
    for (const t of data.types) {
      const input = el("input", { type: "checkbox", checked: "", "data-type": t,
        onchange: (event) => docsBox.classList.toggle("off-" + t, !event.target.checked) });
      box.append(el("label", null, input, " ", el("span", { class: "key t-" + t }, t)));
    }
    const labels = document.getElementById("show-labels");
    docsBox.classList.toggle("labels", labels.checked);
    labels.addEventListener("change", () => docsBox.classList.toggle("labels", labels.checked));
    let pending = null;
    document.getElementById("search").addEventListener("input", (event) => {
      clearTimeout(pending);
      pending = setTimeout(() => setQuery(event.target.value), 200);
    });
  }

  renderOverview();
  renderFilter();
  renderPage();
})();
