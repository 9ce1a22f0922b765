/**
 * The Explore page (docs/explore.md): full-text search with facets, over engine.js.
 *
 * The whole search is in the page's address: `q`, one parameter per facet value (`speaker`,
 * `topic`, `source`, `year`, `event`, `kind`; ids, names or aliases), `sort=date`, `page`, and
 * `all` for each facet whose values are all shown.
 * It is read on load and on back/forward, and written (history.pushState) on every change.
 * Everything from the index reaches the page as text: textContent and created elements only.
 *
 * The page loads this file and engine.js with `async` in its head (overrides/main.html), and
 * carries the index's manifest in itself, so the search of the address starts while the page
 * still loads its style sheets and the theme's script; the results are drawn as soon as the
 * search's part of the page has been parsed, and the facet counts and snippets once they have
 * been painted.
 */
(function () {
  "use strict";

  var here = document.currentScript.src;
  var ROOT = new URL("../../", here).href;
  var ENGINE = new URL("engine.js", here).href;
  var FACETS = ["kind", "speaker", "topic", "source", "year", "event"];
  var NAMES = { kind: "Kind", speaker: "Speaker", topic: "Topic", source: "Source", year: "Year", event: "Event" };
  var PER_PAGE = 10;
  var FACET_VALUES_SHOWN = 10;  // a facet's values past these (or the root's data-facet-values) wait behind "Show all"
  var SNIPPET = 240;  // characters of a paragraph shown around its first match
  var QUOTED = 120;  // characters of the query repeated in a message
  var ROOT_SELECTOR = "[data-archive-explore]";
  var LAST_PART = ROOT_SELECTOR + " .archive-explore__facets";  // once parsed, the whole search box is there

  var root, form, input, sort, status, list, pages, facetsBox;  // the page's parts, once parsed
  var shownValues = FACET_VALUES_SHOWN;
  var engine = null;
  var expanded = new Set();  // facets whose values are all shown: part of the address, not of a search
  var generation = 0;  // the latest search; an older one that finishes later draws nothing

  /** engine.js, run: the page's own copy (still loading, or failed), else one loaded now. */
  function engineScript() {
    if (window.ArchiveSearch) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var element = Array.prototype.filter.call(document.scripts, function (s) { return s.src === ENGINE; })[0];
      if (!element) {
        element = document.createElement("script");
        element.src = ENGINE;
        document.head.appendChild(element);
      }
      element.addEventListener("load", function () { resolve(); });
      element.addEventListener("error", function () { reject(new Error("could not load " + ENGINE)); });
    });
  }

  var opened = engineScript().then(function () {
    engine = window.ArchiveSearch.open(new URL("archive/search/", ROOT).href);
    return engine;
  });

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined && text !== null) made.textContent = text;
    return made;
  }

  function shorten(text, length) {
    return text.length > length ? text.slice(0, length) + "…" : text;
  }

  /** A count with thousands separators, as toLocaleString("en") writes it, without the tens of ms that takes to start. */
  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
  }

  function plural(n, one, many) {
    return number(n) + " " + (n === 1 ? one : many);
  }

  /* State <-> address. */

  function readState(search) {
    var params = new URLSearchParams(search);
    var filters = {};
    FACETS.forEach(function (facet) {
      var values = params.getAll(facet).filter(function (v) { return v.trim(); });
      if (values.length) filters[facet] = values;
    });
    var page = parseInt(params.get("page") || "1", 10);
    expanded = new Set(params.getAll("all").filter(function (f) { return FACETS.indexOf(f) >= 0; }));
    return {
      q: params.get("q") || "",
      filters: filters,
      sort: params.get("sort") === "date" ? "date" : "",
      page: page > 0 ? page : 1
    };
  }

  function address(state) {
    var params = new URLSearchParams();
    if (state.q) params.append("q", state.q);
    FACETS.forEach(function (facet) {
      (state.filters[facet] || []).forEach(function (value) { params.append(facet, value); });
    });
    if (state.sort) params.append("sort", state.sort);
    if (state.page > 1) params.append("page", String(state.page));
    FACETS.forEach(function (facet) { if (expanded.has(facet)) params.append("all", facet); });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "");
  }

  var state = readState(location.search);

  function go(next) {
    state = next;
    history.pushState(null, "", address(state));
    run();
  }

  function withFilters(filters) {
    return { q: state.q, filters: filters, sort: state.sort, page: 1 };
  }

  function without(facet, value) {
    var filters = {};
    Object.keys(state.filters).forEach(function (f) {
      var kept = state.filters[f].filter(function (v) { return f !== facet || v !== value; });
      if (kept.length) filters[f] = kept;
    });
    return withFilters(filters);
  }

  /* Drawing. */

  /** `text` as text nodes, with the given [start, end] ranges in <mark> elements. */
  function marked(text, ranges, from, to) {
    var out = document.createDocumentFragment();
    var at = from;
    ranges.forEach(function (range) {
      var start = Math.max(range[0], at), end = Math.min(range[1], to);
      if (start >= end) return;
      out.appendChild(document.createTextNode(text.slice(at, start)));
      out.appendChild(element("mark", null, text.slice(start, end)));
      at = end;
    });
    out.appendChild(document.createTextNode(text.slice(at, to)));
    return out;
  }

  /**
   * The paragraph with the most matched words, cut to about SNIPPET characters around its first;
   * an article's snippet ends with a link to that paragraph (its anchor is p-N, N counted from 1).
   */
  async function snippet(doc, query) {
    var paragraphs = await engine.text(doc);
    var best = null;
    for (var i = 0; i < paragraphs.length; i++) {
      var ranges = await engine.highlight(paragraphs[i], query);
      if (!best || ranges.length > best.ranges.length) best = { text: paragraphs[i], ranges: ranges, number: i + 1 };
    }
    var out = element("p", "archive-result__snippet");
    if (!best) return out;
    var text = best.text, from = 0, to = text.length;
    if (to > SNIPPET) {
      var first = best.ranges.length ? best.ranges[0][0] : 0;
      from = Math.max(0, first - SNIPPET / 4);
      if (from > 0) from = text.indexOf(" ", from) + 1 || from;  // start at a word
      to = Math.min(text.length, from + SNIPPET);
      if (to < text.length) to = text.lastIndexOf(" ", to) > from ? text.lastIndexOf(" ", to) : to;
    }
    if (from > 0) out.appendChild(document.createTextNode("… "));
    out.appendChild(marked(text, best.ranges, from, to));
    if (to < text.length) out.appendChild(document.createTextNode(" …"));
    var shown = await engine.document(doc);
    if (shown.kind !== "statement") {
      var link = element("a", "archive-result__paragraph", "paragraph " + best.number);
      link.href = new URL(shown.url + "#p-" + best.number, ROOT).href;
      out.appendChild(document.createTextNode(" "));
      out.appendChild(link);
    }
    return out;
  }

  /** A result without its snippet, which `snippet` makes once the document's text has loaded. */
  async function result(doc, query) {
    var shown = await engine.document(doc);
    var item = element("li", "archive-result archive-result--" + (shown.kind === "statement" ? "statement" : "article"));
    item.dataset.id = shown.id;
    if (shown.statement) item.dataset.statement = shown.statement;
    var about = element("p", "archive-result__about");
    about.appendChild(element("span", "archive-result__kind", shown.kind === "statement" ? "Statement" : "Article"));
    [shown.date, shown.speaker, shown.source].forEach(function (part) {
      if (part) about.appendChild(element("span", null, part));
    });
    var heading = element("h2", "archive-result__title");
    var link = element("a");
    link.href = new URL(shown.url, ROOT).href;
    link.appendChild(marked(shown.title, await engine.highlight(shown.title, query), 0, shown.title.length));
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(about);
    item.appendChild(element("p", "archive-result__snippet"));
    return item;
  }

  function checkbox(facet, value, label, count, checked) {
    var id = "archive-facet-" + FACETS.indexOf(facet) + "-" + value.index;
    var row = element("li", "archive-facet__value");
    var box = element("input");
    box.type = "checkbox";
    box.id = id;
    box.checked = checked;
    box.dataset.facet = facet;
    box.dataset.value = value.id;
    box.addEventListener("change", function () {
      var filters = {};
      Object.keys(state.filters).forEach(function (f) { filters[f] = state.filters[f].slice(); });
      var now = (filters[facet] || []).filter(function (v) { return v !== value.id; });
      if (box.checked) now.push(value.id);
      if (now.length) filters[facet] = now; else delete filters[facet];
      go(withFilters(filters));
    });
    var text = element("label", null);
    text.htmlFor = id;
    text.appendChild(element("span", "archive-facet__label", label));
    text.appendChild(element("span", "archive-facet__count", number(count)));
    row.appendChild(box);
    row.appendChild(text);
    return row;
  }

  async function drawFacets(counts, filters) {
    var all = await engine.facets();
    var focused = document.activeElement && document.activeElement.dataset ? document.activeElement : null;
    var refocus = focused && focused.dataset.facet ? [focused.dataset.facet, focused.dataset.value] : null;
    var counted = new Map(counts);
    var groups = [];
    FACETS.forEach(function (facet) {
      var described = all.filter(function (f) { return f.name === facet; })[0];
      if (!described) return;
      var values = new Map(described.values.map(function (v, i) { return [v.id, { id: v.id, label: v.label, index: i }]; }));
      var chosen = filters[facet] || [];
      var rows = (counted.get(facet) || []).map(function (c) { return [c[0], c[1]]; });
      chosen.forEach(function (id) {
        if (!rows.some(function (r) { return r[0] === id; })) rows.push([id, 0]);
      });
      if (facet === "year") rows.sort(function (a, b) { return a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0; });
      if (!rows.length) return;
      var group = element("fieldset", "archive-facet");
      group.dataset.facet = facet;
      group.appendChild(element("legend", null, NAMES[facet]));
      var ul = element("ul", "archive-facet__values");
      var limit = expanded.has(facet) ? rows.length : shownValues;
      rows.forEach(function (row, i) {
        var value = values.get(row[0]) || { id: row[0], label: row[0], index: "x" + i };
        if (i < limit || chosen.indexOf(row[0]) >= 0) ul.appendChild(checkbox(facet, value, value.label, row[1], chosen.indexOf(row[0]) >= 0));
      });
      group.appendChild(ul);
      if (rows.length > shownValues) {
        var more = element("button", "archive-facet__more", expanded.has(facet) ? "Show fewer" : "Show all " + rows.length);
        more.type = "button";
        more.addEventListener("click", function () {
          if (expanded.has(facet)) expanded.delete(facet); else expanded.add(facet);
          history.replaceState(null, "", address(state));  // a shared address shows the same lists
          drawFacets(counts, filters).then(function () {
            var again = facetsBox.querySelector('fieldset[data-facet="' + facet + '"] .archive-facet__more');
            if (again) again.focus();
          });
        });
        group.appendChild(more);
      }
      groups.push(group);
    });
    facetsBox.replaceChildren.apply(facetsBox, groups);
    if (refocus) {
      var again = Array.prototype.filter.call(facetsBox.querySelectorAll("input[type=checkbox]"), function (b) {
        return b.dataset.facet === refocus[0] && b.dataset.value === refocus[1];
      })[0];
      if (again) again.focus();
    }
  }

  /** What was asked, for messages: the query (shortened) and the filters by their labels. */
  async function labelOf(facet, id) {
    var described = (await engine.facets()).filter(function (f) { return f.name === facet; })[0];
    var value = described && described.values.filter(function (v) { return v.id === id; })[0];
    return value ? value.label : id;
  }

  async function drawNothing(query, unknown) {
    var box = element("div", "archive-explore__none");
    var said = state.q.trim() ? "No result for “" + shorten(state.q, QUOTED) + "”" : "No result";
    var active = [];
    FACETS.forEach(function (facet) {
      (state.filters[facet] || []).forEach(function (value) { active.push([facet, value]); });
    });
    box.appendChild(element("p", null, said + (active.length ? " with these filters." : ".")));
    if (query.ignored.length) box.appendChild(element("p", null, "Left out of the search: " + shorten(query.ignored.join(" "), QUOTED)));
    if (active.length) {
      box.appendChild(element("p", null, "Drop a filter:"));
      var buttons = element("ul", "archive-explore__drop");
      for (var i = 0; i < active.length; i++) {
        var facet = active[i][0], value = active[i][1];
        var known = !unknown.some(function (u) { return u[0] === facet && u[1] === value; });
        var button = element("button", "md-button", "Remove " + NAMES[facet] + ": " + (known ? await labelOf(facet, value) : value));
        button.type = "button";
        button.addEventListener("click", go.bind(null, without(facet, value)));
        var li = element("li");
        li.appendChild(button);
        buttons.appendChild(li);
      }
      box.appendChild(buttons);
    }
    status.replaceChildren(box);
  }

  function drawPages(total) {
    var last = Math.max(1, Math.ceil(total / PER_PAGE));
    var links = [];
    [[state.page - 1, "Previous page"], [state.page + 1, "Next page"]].forEach(function (target) {
      if (target[0] < 1 || target[0] > last) return;
      var next = { q: state.q, filters: state.filters, sort: state.sort, page: target[0] };
      var link = element("a", "md-button", target[1]);
      link.href = address(next);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        go(next);
        input.focus();
      });
      links.push(link);
    });
    if (last > 1) links.push(element("span", "archive-explore__page", "Page " + state.page + " of " + last));
    pages.replaceChildren.apply(pages, links);
  }

  /**
   * What the search of `asked` (a state) shows on its page of results, without the facet counts
   * (`counted` adds them, once the results are painted); no part of the page is touched.
   */
  async function find(asked) {
    await opened;
    var resolved = Object.keys(asked.filters).length ? await engine.resolveFilters(asked.filters) : { filters: {}, unknown: [] };
    var results = await engine.search(asked.q, resolved.filters);
    var hits = results.hits.slice();
    // Documents are numbered newest first, so by date is by number.
    if (asked.sort === "date") hits.sort(function (a, b) { return a.doc - b.doc; });
    var first = (asked.page - 1) * PER_PAGE;
    var listed = hits.slice(first, first + PER_PAGE);
    // Each result is drawn once it and those before it are made: the first waits for its own
    // document's file only, not for the others' (a page of results may need ten).
    var made = listed.map(function (hit) { return result(hit.doc, results.query); });
    made.forEach(function (item) { item.catch(function () {}); });  // a failure is run's to show, when it gets there
    if (made.length) await made[0];
    return { resolved: resolved, results: results, hits: hits, first: first, listed: listed, made: made };
  }

  /**
   * Resolves once what is drawn now has been painted: in the second task after the next frame, as
   * the first after it is where whatever else waits for that paint runs (a reader's click, a
   * measurement of the paint), which a long task of ours would hold back.
   */
  function afterPaint() {
    return new Promise(function (resolve) {
      requestAnimationFrame(function () { setTimeout(function () { setTimeout(resolve, 0); }, 0); });
    });
  }

  /** Searches for `state` and draws the results; `found`, if given, is that search already under way. */
  async function run(found) {
    var mine = ++generation;
    input.value = state.q;
    sort.value = state.sort;
    root.setAttribute("aria-busy", "true");
    status.textContent = "Searching…";
    try {
      var got = await (found || find(state));
      if (mine !== generation) return;
      var results = got.results, hits = got.hits, first = got.first, listed = got.listed, made = got.made, resolved = got.resolved;
      var shown = made.length ? [await made[0]] : [];  // made already
      list.replaceChildren.apply(list, shown);
      list.start = first + 1;
      drawPages(hits.length);
      if (!hits.length) {
        await drawNothing(results.query, resolved.unknown);
      } else {
        var line = plural(hits.length, "result", "results");
        if (state.q.trim()) line += " for “" + shorten(state.q, QUOTED) + "”";
        line += state.sort === "date" ? ", newest first" : (state.q.trim() ? ", best first" : ", newest first");
        if (hits.length > PER_PAGE) line += " (" + (first + 1) + "–" + Math.min(first + PER_PAGE, hits.length) + " shown)";
        status.replaceChildren(element("p", null, line + "."));
        if (results.query.ignored.length) status.appendChild(element("p", null, "Left out of the search: " + shorten(results.query.ignored.join(" "), QUOTED)));
      }
      resolved.unknown.forEach(function (u) {
        status.appendChild(element("p", "archive-explore__unknown", "No " + (NAMES[u[0]] || u[0]).toLowerCase() + " is called “" + shorten(u[1], QUOTED) + "”."));
      });
      for (var i = 1; i < made.length; i++) {
        shown.push(await made[i]);
        if (mine !== generation) return;
        list.appendChild(shown[i]);
      }
      // Results show as soon as their titles are known. The rest waits until they have been
      // painted, so that neither their paint nor the bytes before it wait for it: each snippet,
      // with its document's text, and the filters beside the results, whose counts take a second
      // pass over every match.
      await afterPaint();
      if (mine !== generation) return;
      var snippets = Promise.all(listed.map(function (hit, i) {
        return snippet(hit.doc, results.query).then(function (made) {
          if (mine === generation) shown[i].replaceChild(made, shown[i].querySelector(".archive-result__snippet"));
        });
      }));
      var counted = await engine.search(state.q, resolved.filters, { counts: true });
      if (mine === generation) await drawFacets(counted.facets, resolved.filters);
      await snippets;
    } catch (error) {
      if (mine === generation) status.textContent = "The search could not load its index: " + error.message;
    } finally {
      if (mine === generation) root.removeAttribute("aria-busy");
    }
  }

  /** Takes hold of the page's parts and draws the search `early` found. */
  function attach(early) {
    root = document.querySelector(ROOT_SELECTOR);
    if (!root) return;
    form = root.querySelector(".archive-explore__form");
    input = root.querySelector(".archive-explore__query");
    sort = root.querySelector(".archive-explore__sort");
    status = root.querySelector(".archive-explore__status");
    list = root.querySelector(".archive-explore__list");
    pages = root.querySelector(".archive-explore__pages");
    facetsBox = root.querySelector(".archive-explore__facets");
    var asked = parseInt(root.dataset.facetValues, 10);
    shownValues = asked > 0 ? asked : FACET_VALUES_SHOWN;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      go({ q: input.value, filters: state.filters, sort: sort.value === "date" ? "date" : "", page: 1 });
    });
    sort.addEventListener("change", function () {
      go({ q: input.value, filters: state.filters, sort: sort.value === "date" ? "date" : "", page: 1 });
    });
    window.addEventListener("popstate", function () {
      state = readState(location.search);
      run();
    });
    run(early);
  }

  // The search of the address starts now; it is drawn once the page's search box has been parsed
  // (before the rest of the page, and the theme's script, if the search is quicker than they are).
  var early = find(state);
  early.catch(function () {});  // its failure is shown by run
  if (document.querySelector(LAST_PART) || document.readyState !== "loading") {
    attach(early);
  } else {
    var watching = new MutationObserver(function () {
      if (!document.querySelector(LAST_PART)) return;
      watching.disconnect();
      attach(early);
    });
    watching.observe(document, { childList: true, subtree: true });
  }
})();
