/**
 * ArchiveSearch: the archive's search engine in the browser.
 *
 * The same specification as archive/search.py (read its docstring for the query language,
 * matching, scores and facet counts); tests/test_search_browser.py checks that both give the
 * same results in the same order. The index is a folder of scripts written by the build
 * (archive/search_index.py describes them), each calling ArchiveSearch.register(name, data).
 * They are loaded by adding <script> elements, so this works from file:// as well as over
 * http, and only when a query needs them: nothing before the first query. A page may carry one
 * in itself instead, as a JSON data block naming the file's address (the Explore page carries
 * the manifest, index.js: tools/mkdocs_hooks.py), which then costs no request.
 *
 *   var engine = ArchiveSearch.open("archive/search/");
 *   engine.search('"New START" -nato', {speaker: ["sergey-lavrov"]}, {counts: true})
 *     .then(function (results) { ... results.hits[0].doc ... });
 *
 * lunr.js's stemmer and stop word list (vendored in ../vendor/lunr/) are loaded with the
 * first query.
 */
(function () {
  "use strict";

  // Loaded twice (the Explore page starts it early, the header search asks for it on a keystroke),
  // the second copy keeps the first: the index files register their data with the first.
  if (window.ArchiveSearch) return;

  var WHITESPACE = "\t\n\v\f\r \u0085\u1680\u2028\u2029";
  var here = document.currentScript ? document.currentScript.src : document.baseURI;
  var VENDOR = new URL("../vendor/lunr/", here).href;
  var registered = Object.create(null);
  var lunrReady = null;
  var stems = new Map();

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /** Called by every index file as it loads. */
  function register(name, data) {
    registered[name] = data;
  }

  function addScript(url) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement("script");
      element.src = url;
      // Chromium holds a script added while the page still parses back as low priority, behind
      // the theme's files: every file here is one a result waits for.
      element.fetchPriority = "high";
      element.onload = function () { element.remove(); resolve(); };
      element.onerror = function () { element.remove(); reject(new Error("could not load " + url)); };
      document.head.appendChild(element);
    });
  }

  function loadLunr() {
    if (!lunrReady) {
      if (window.lunr && window.lunr.stemmer && window.lunr.stopWordFilter) {
        lunrReady = Promise.resolve();
      } else {
        // The two files need only this of lunr.js: a registry of pipeline functions.
        window.lunr = window.lunr || { Pipeline: { registerFunction: function () {} } };
        lunrReady = Promise.all([addScript(VENDOR + "stemmer.js"), addScript(VENDOR + "stop_word_filter.js")]);
      }
    }
    return lunrReady;
  }

  /* Text, as archive/search_text.py reads it. */

  function fold(text, table) {
    // NFKD leaves ASCII as it is, and is slow to start: most text here needs none of it.
    var lowered = (/[^\x00-\x7f]/.test(text) ? text.normalize("NFKD").replace(/\p{Mn}/gu, "") : text).toLowerCase();
    var out = "";
    for (var ch of lowered) out += own(table, ch) ? table[ch] : ch;
    return out;
  }

  function words(folded) {
    return folded.replace(/'/g, "").match(/[\p{L}\p{N}]+/gu) || [];
  }

  function stem(word) {
    if (!stems.has(word)) {
      var out = word;
      window.lunr.stemmer({ update: function (fn) { out = fn(word); } });
      stems.set(word, out);
    }
    return stems.get(word);
  }

  function isStopWord(word) {
    return !window.lunr.stopWordFilter({ toString: function () { return word; } });
  }

  /* The query, as archive/search.py's parse_query reads it. */

  function parseQuery(text, limits, table) {
    var q = fold(text, table);
    var clauses = [], ignored = [];
    var i = 0, n = q.length;
    while (i < n) {
      if (WHITESPACE.indexOf(q[i]) >= 0) { i += 1; continue; }
      var sign = "";
      if (q[i] === "+" || q[i] === "-") { sign = q[i]; i += 1; }
      var piece, quoted, end;
      if (i < n && q[i] === '"') {
        end = q.indexOf('"', i + 1);
        if (end < 0) end = n;
        piece = q.slice(i + 1, end); quoted = true; i = end + 1;
      } else {
        end = i;
        while (end < n && WHITESPACE.indexOf(q[end]) < 0 && q[end] !== '"') end += 1;
        piece = q.slice(i, end); quoted = false; i = end;
      }
      var clause = makeClause(sign, piece, quoted, limits, ignored);
      if (!clause) continue;
      if (clauses.length < limits.clauses) clauses.push(clause);
      else ignored.push(piece);
    }
    var blank = true;
    for (var j = 0; j < n; j++) if (WHITESPACE.indexOf(q[j]) < 0) blank = false;
    return { clauses: clauses, ignored: ignored, blank: blank };
  }

  function makeClause(sign, piece, quoted, limits, ignored) {
    var found = words(piece);
    if (!found.length) return null;
    if (!quoted && piece.endsWith("*") && found.length === 1 && Array.from(found[0]).length >= limits.prefix) {
      return { sign: sign, kind: "prefix", terms: [found[0]] };
    }
    found = found.slice(0, limits.phrase_words);
    if (found.length === 1) {
      if (isStopWord(found[0])) { ignored.push(found[0]); return null; }
      return { sign: sign, kind: "term", terms: [stem(found[0])] };
    }
    return { sign: sign, kind: "phrase", terms: found.map(stem) };
  }

  function decodeDocuments(encoded) {
    var out = [], doc = -1;
    encoded.forEach(function (value) {
      if (value > 0) { doc += value; out.push(doc); }
      else for (var k = 0; k < -value; k++) { doc += 1; out.push(doc); }
    });
    return out;
  }

  /** Pairs of a phrase whose positions are enough to check it, as archive/search.py's _cover chooses them. */
  function cover(costs) {
    var best = [];
    costs.forEach(function (cost, j) {
      var before = [0, []];
      [2, 1].forEach(function (d) {
        if (j >= d && (before[1].length === 0 || best[j - d][0] < before[0])) before = best[j - d];
      });
      best.push([before[0] + cost, before[1].concat([j])]);
    });
    return best[best.length - 1][1];
  }

  function intersect(maps) {
    var smallest = maps.reduce(function (a, b) { return b.size < a.size ? b : a; });
    return Array.from(smallest.keys()).filter(function (doc) {
      return maps.every(function (m) { return m.has(doc); });
    });
  }

  /** The data of the file at `url` if the page carries it (see the top of this file), else undefined. */
  function carried(url) {
    var blocks = document.querySelectorAll('script[type="application/json"][data-archive-search-file]');
    for (var i = 0; i < blocks.length; i++) {
      if (new URL(blocks[i].dataset.archiveSearchFile, document.baseURI).href === url) return JSON.parse(blocks[i].textContent);
    }
    return undefined;
  }

  /* The index: files loaded once each, when first needed. */

  function Engine(base) {
    this.base = base;
    this.files = new Map();
    this.loaded = [];  // names of the files loaded so far, in order
    this.manifest = null;
    this.bounds = [];  // each terms chunk's bound, from the manifest
    this.members = null;  // each facet's values' documents as sets, once a search needed them
  }

  Engine.prototype.load = function (name) {
    var self = this, url = this.base + name + ".js";
    if (!this.files.has(name)) {
      var inPage = carried(url);
      this.files.set(name, (inPage !== undefined ? Promise.resolve(inPage) : addScript(url).then(function () {
        if (!own(registered, name)) throw new Error(name + ".js did not register its data");
        var data = registered[name];
        delete registered[name];
        return data;
      })).then(function (data) {
        self.loaded.push(name);
        return data;
      }));
    }
    return this.files.get(name);
  };

  Engine.prototype.ready = async function () {
    if (!this.manifest) {
      var loaded = await Promise.all([this.load("index"), loadLunr()]);
      this.bounds = frontDecode(loaded[0].bounds);
      this.manifest = loaded[0];
    }
    return this.manifest;
  };

  /** archive/search_index.py's front_code undone: lines of "<code points shared with the previous> <the rest>". */
  function frontDecode(text) {
    // Shared lengths count code points, which are code units unless a bound has a character past U+FFFF.
    var wide = /[\ud800-\udfff]/.test(text);
    var out = [], previous = "";
    (text ? text.split("\n") : []).forEach(function (line) {
      var space = line.indexOf(" "), shared = parseInt(line.slice(0, space), 10);
      previous = (wide ? Array.from(previous).slice(0, shared).join("") : previous.slice(0, shared)) + line.slice(space + 1);
      out.push(previous);
    });
    return out;
  }

  /** The index of the last of the sorted `firsts` that is not after `key`, or 0. */
  function lastAtOrBefore(firsts, key) {
    var low = 0, high = firsts.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (firsts[middle] <= key) low = middle + 1; else high = middle;
    }
    return Math.max(0, low - 1);
  }

  /** The terms chunk that holds `key`, if the index has it: the last whose bound is not after it. */
  Engine.prototype.chunkNumber = function (key) {
    return lastAtOrBefore(this.bounds, key);
  };

  /** Whether terms chunk `number` exists and its bound starts with `prefix`. */
  Engine.prototype.startsWith = function (number, prefix) {
    return number < this.bounds.length && this.bounds[number].startsWith(prefix);
  };

  Engine.prototype.chunk = function (number) {
    return number < this.manifest.chunks ? this.load("terms/" + number) : Promise.resolve({ s: {}, w: {} });
  };

  /** A stem's or pair's documents and weights (idf * tf), in document order. */
  Engine.prototype.postings = async function (term) {
    var chunk = await this.chunk(this.chunkNumber(term));
    var out = new Map();
    if (!own(chunk.s, term)) return out;
    var encoded = chunk.s[term], idf = encoded[0], doc = -1;
    for (var i = 1; i < encoded.length; i += 2) {
      doc += encoded[i];
      out.set(doc, idf * encoded[i + 1]);
    }
    return out;
  };

  /** Where two stems stand next to each other: the first one's positions in each document. */
  Engine.prototype.placed = async function (first, second) {
    var key = first + " " + second, number = this.chunkNumber(key);
    var chunk = await this.chunk(number);
    var out = new Map();
    if (!own(chunk.s, key)) return out;
    var places = (await this.load("positions/" + number + "-" + lastAtOrBefore(chunk.p, key)))[key];
    Array.from((await this.postings(key)).keys()).forEach(function (doc, i) { out.set(doc, new Set(places[i])); });
    return out;
  };

  /** Stems of the indexed words that start with `prefix`, and stems that do. */
  Engine.prototype.prefixed = async function (prefix) {
    var numbers = [this.chunkNumber(prefix)];
    // A chunk whose bound is past the prefix's words without sharing the prefix holds none of them.
    while (this.startsWith(numbers[numbers.length - 1] + 1, prefix)) numbers.push(numbers[numbers.length - 1] + 1);
    var loaded = await Promise.all(numbers.map(this.chunk, this));
    var found = new Set();
    loaded.forEach(function (chunk) {
      Object.keys(chunk.s).forEach(function (k) { if (k.startsWith(prefix) && k.indexOf(" ") < 0) found.add(k); });
      Object.keys(chunk.w).forEach(function (w) { if (w.startsWith(prefix)) found.add(chunk.w[w]); });
    });
    return Array.from(found).sort();
  };

  /** The documents a clause matches and the weight it gives each. */
  Engine.prototype.match = async function (clause) {
    var self = this;
    if (clause.kind === "term") return this.postings(clause.terms[0]);
    if (clause.kind === "prefix") {
      var best = new Map();
      var all = await Promise.all((await this.prefixed(clause.terms[0])).map(this.postings, this));
      all.forEach(function (postings) {
        postings.forEach(function (weight, doc) { best.set(doc, Math.max(best.has(doc) ? best.get(doc) : 0, weight)); });
      });
      return best;
    }
    var pairs = clause.terms.slice(1).map(function (second, j) { return [clause.terms[j], second]; });
    var found = await Promise.all(pairs.map(function (pair) { return self.postings(pair.join(" ")); }));
    var docs = intersect(found);
    if (pairs.length > 1 && docs.length) {
      var chosen = cover(found.map(function (f) { return f.size; }));
      var placed = await Promise.all(chosen.map(function (j) { return self.placed(pairs[j][0], pairs[j][1]); }));
      docs = docs.filter(function (doc) {
        return Array.from(placed[0].get(doc)).some(function (x) {
          return chosen.every(function (j, c) { return placed[c].get(doc).has(x + j); });
        });
      });
    }
    var out = new Map();
    docs.forEach(function (doc) {
      out.set(doc, found.reduce(function (sum, f) { return sum + f.get(doc); }, 0));
    });
    return out;
  };

  Engine.prototype.facets = function () {
    return this.load("facets");
  };

  /** Each facet's values and their documents, facet name -> value id -> set: decoded once, as every search with filters or counts needs them. */
  Engine.prototype.facetMembers = function () {
    if (!this.members) {
      this.members = this.facets().then(function (all) {
        return new Map(all.map(function (f) {
          return [f.name, new Map(f.values.map(function (v, i) { return [v.id, new Set(decodeDocuments(f.docs[i]))]; }))];
        }));
      });
    }
    return this.members;
  };

  /** Filter values as value ids; a value may be given by id, label or alias, in any case and accents. */
  Engine.prototype.resolveFilters = async function (asked) {
    var both = await Promise.all([this.ready(), this.facets()]);  // neither waits for the other's file
    var table = both[0].fold;
    var facets = new Map(both[1].map(function (f) { return [f.name, f.values]; }));
    var spelled = function (name) { return words(fold(name, table)).join(" "); };
    var filters = {}, unknown = [];
    Object.keys(asked).forEach(function (facet) {
      var ids = [];
      asked[facet].forEach(function (value) {
        var wanted = spelled(value);
        var matching = (facets.get(facet) || []).filter(function (v) {
          return wanted && [v.id, v.label].concat(v.aliases).some(function (name) { return spelled(name) === wanted; });
        });
        if (!matching.length) unknown.push([facet, value]);
        matching.forEach(function (v) { if (ids.indexOf(v.id) < 0) ids.push(v.id); });
      });
      filters[facet] = ids;
    });
    return { filters: filters, unknown: unknown };
  };

  /** Every document matching the query and the filters (value ids), best first; facet counts when options.counts. */
  Engine.prototype.search = async function (text, filters, options) {
    var manifest = await this.ready();
    var counts = Boolean(options && options.counts);
    var query = parseQuery(text, manifest.limits, manifest.fold);
    var positive = query.clauses.filter(function (c) { return c.sign !== "-"; });
    var excluded = query.clauses.filter(function (c) { return c.sign === "-"; });
    var scores = new Map();
    if (!positive.length) {
      if (query.blank || query.clauses.length) for (var d = 0; d < manifest.documents; d++) scores.set(d, 0);
    } else {
      var matched = await Promise.all(positive.map(this.match, this));
      var required = matched.filter(function (m, i) { return positive[i].sign === "+"; });
      if (required.length) {
        intersect(required).forEach(function (doc) {
          scores.set(doc, matched.reduce(function (sum, m) { return sum + (m.has(doc) ? m.get(doc) : 0); }, 0));
        });
      } else {
        // Summed clause by clause, without lists of every match: a common word matches them all.
        matched.forEach(function (m) {
          m.forEach(function (weight, doc) { scores.set(doc, (scores.has(doc) ? scores.get(doc) : 0) + weight); });
        });
      }
    }
    (await Promise.all(excluded.map(this.match, this))).forEach(function (m) {
      m.forEach(function (weight, doc) { scores.delete(doc); });
    });
    var asked = {};
    Object.keys(filters || {}).forEach(function (f) { if (filters[f].length) asked[f] = filters[f]; });
    var facetCounts = [];
    if (Object.keys(asked).length || counts) {
      var members = await this.facetMembers();
      var kept = function (docs, skip) {
        return docs.filter(function (doc) {
          return Object.keys(asked).every(function (facet) {
            return facet === skip || asked[facet].some(function (v) {
              var values = members.get(facet);
              return values && values.has(v) && values.get(v).has(doc);
            });
          });
        });
      };
      var matching = Array.from(scores.keys());
      if (counts) {
        members.forEach(function (values, facet) {
          var docs = new Set(kept(matching, facet)), found = [];
          values.forEach(function (set, value) {
            var n = 0;
            set.forEach(function (doc) { if (docs.has(doc)) n += 1; });
            if (n) found.push([value, n]);
          });
          found.sort(function (a, b) { return b[1] - a[1]; });  // stable: equal counts keep the index's order
          facetCounts.push([facet, found]);
        });
      }
      var keep = new Set(kept(matching, null));
      Array.from(scores.keys()).forEach(function (doc) { if (!keep.has(doc)) scores.delete(doc); });
    }
    var hits = Array.from(scores, function (entry) { return { doc: entry[0], score: entry[1] }; });
    hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return { query: query, hits: hits, facets: facetCounts };
  };

  /** What a result shows: kind, id, statement, title, date, url, source, speaker. */
  Engine.prototype.document = async function (doc) {
    var size = (await this.ready()).docs_per_chunk;
    return (await this.load("docs/" + Math.floor(doc / size)))[doc % size];
  };

  /** A document's text, one string a paragraph, for snippets. */
  Engine.prototype.text = function (doc) {
    return this.load("text/" + doc);
  };

  /** Where the query's words are in `text`: [start, end] offsets of each word a term, phrase or prefix matches. */
  Engine.prototype.highlight = async function (text, query) {
    var table = (await this.ready()).fold;
    var terms = new Set(), prefixes = [];
    query.clauses.forEach(function (c) {
      if (c.sign === "-") return;
      if (c.kind === "prefix") prefixes.push(c.terms[0]);
      else c.terms.forEach(function (t) { terms.add(t); });
    });
    var folded = "", origin = [], offset = 0;
    for (var ch of text) {  // folding one character at a time keeps each folded one's place in `text`
      var f = fold(ch, table);
      for (var k = 0; k < f.length; k++) origin.push(offset);
      folded += f;
      offset += ch.length;
    }
    origin.push(offset);
    var ranges = [], found, pattern = /[\p{L}\p{N}']+/gu;
    while ((found = pattern.exec(folded))) {
      var word = found[0].replace(/'/g, "");
      if (!word) continue;
      if ((terms.has(stem(word)) && !isStopWord(word)) || prefixes.some(function (p) { return word.startsWith(p); })) {
        ranges.push([origin[found.index], origin[found.index + found[0].length]]);
      }
    }
    return ranges;
  };

  var engines = new Map();

  window.ArchiveSearch = {
    register: register,
    /** The engine of the index at `base`: one for the page, so that each file loads once. */
    open: function (base) {
      if (!engines.has(base)) engines.set(base, new Engine(base));
      return engines.get(base);
    },
    parseQuery: parseQuery,
    fold: fold,
    words: words,
    stem: stem,
    isStopWord: isStopWord,
    loadLunr: loadLunr
  };
})();
