/**
 * The header search box (overrides/partials/search.html): a type-ahead of the top results.
 *
 * On every page, and all that loads before the reader types: engine.js and the index files
 * come with the first keystroke, by <script> elements, so it works from file:// too. Results
 * are built as elements and their text set with textContent. Enter submits the box's form,
 * which opens the Explore page with the query (also without JavaScript).
 */
(function () {
  "use strict";

  var here = document.currentScript.src;
  var ENGINE = new URL("engine.js", here).href;
  var INDEX = new URL("../../archive/search/", here).href;
  var EXPLORE = new URL("../../explore.html", here).href;
  var SHOWN = 5;  // results in the type-ahead
  var DELAY = 150;  // ms after the last keystroke before searching

  var engine = null;

  /** The engine, loading engine.js first unless the page has it (the Explore page does). */
  function openEngine() {
    if (!engine) {
      engine = (window.ArchiveSearch ? Promise.resolve() : new Promise(function (resolve, reject) {
        var element = document.createElement("script");
        element.src = ENGINE;
        element.onload = resolve;
        element.onerror = function () { reject(new Error("could not load " + ENGINE)); };
        document.head.appendChild(element);
      })).then(function () { return window.ArchiveSearch.open(INDEX); });
    }
    return engine;
  }

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  function exploreUrl(query) {
    return EXPLORE + "?" + new URLSearchParams({ q: query }).toString();
  }

  /** One result, as Material lays out its own: a link around an article with a title and a line. */
  function item(doc) {
    var li = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    link.href = new URL("../../" + doc.url, here).href;
    var article = element("article", "md-search-result__article md-typeset");
    article.appendChild(element("h1", null, doc.title));
    var about = [doc.kind === "statement" ? "Statement" : "Article", doc.date, doc.speaker || doc.source].filter(Boolean);
    article.appendChild(element("p", "archive-typeahead__about", about.join(" · ")));
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function setUp(box) {
    var input = box.querySelector(".md-search__input");
    var form = box.querySelector(".md-search__form");
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    var toggle = document.getElementById("__search");
    var timer = null, asked = 0;

    function show(query) {
      var mine = ++asked;
      if (!query.trim()) {
        meta.textContent = "Type to start searching";
        list.replaceChildren();
        return;
      }
      openEngine().then(function (search) {
        return search.search(query, {}, {}).then(function (results) {
          var top = results.hits.slice(0, SHOWN);
          return Promise.all(top.map(function (hit) { return search.document(hit.doc); })).then(function (docs) {
            if (mine !== asked) return;  // the reader typed on
            var n = results.hits.length;
            meta.textContent = n === 0 ? "No matching documents" : n === 1 ? "1 matching document" : n + " matching documents";
            list.replaceChildren.apply(list, docs.map(item));
            if (n > SHOWN) {
              var more = element("li", "md-search-result__item");
              var link = element("a", "md-search-result__link archive-typeahead__more", "All " + n + " results on the Explore page");
              link.href = exploreUrl(query);
              more.appendChild(link);
              list.appendChild(more);
            }
          });
        });
      }).catch(function (error) {
        if (mine === asked) meta.textContent = "Search is not available: " + error.message;
      });
    }

    input.addEventListener("focus", function () { if (toggle) toggle.checked = true; });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { show(input.value); }, DELAY);
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { show(""); input.focus(); }, 0);
    });
    // Arrow keys move between the box and the results; Escape closes.
    box.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "Escape") {
        if (toggle) toggle.checked = false;
        input.blur();
      } else if (event.key === "ArrowDown" && links.length) {
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        (at === 0 ? input : links[at - 1]).focus();
      } else {
        return;
      }
      event.preventDefault();
    });
    if (toggle) {
      toggle.addEventListener("change", function () {
        if (toggle.checked) input.focus(); else input.blur();
      });
    }
  }

  document.querySelectorAll("[data-archive-search]").forEach(setUp);

  // As with Material's own search: s or / anywhere but in a text field opens the box.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if ((event.key !== "s" && event.key !== "/") || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    var input = document.querySelector("[data-archive-search] .md-search__input");
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
})();
