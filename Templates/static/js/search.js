// blogctl's site search: reads the index the build wrote under search/ (SearchIndex.swift)
// as the reader types, loading only the shards the query's terms need. No dependencies, no
// other origin: every URL is relative to this page, so it works on any gateway and offline.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form || !window.fetch) return;
  var input = document.getElementById("search-input");
  var statusLine = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var indexURL = form.getAttribute("data-index");
  var base = indexURL.slice(0, indexURL.lastIndexOf("/") + 1);
  var root = form.getAttribute("data-root");
  // The page's words, in the site's language (data-t-* on the form), with {n} and {q} filled in.
  function words(name, n, q) {
    return (form.getAttribute("data-t-" + name) || "").replace("{n}", String(n)).replace("{q}", q);
  }
  var PAGE = 10;
  var MAX_TERM = 40; // SearchTokenizer.maxLength
  var PREFIX_LEVELS = 4; // SearchShardPlan.maxPrefixLength
  var manifest = null;
  var shardNames = null;
  var loads = {}; // file -> Promise of its JSON
  var generation = 0;
  var shown = [];
  var shownCount = 0;

  // The same terms SearchTokenizer makes: letters and digits, diacritics dropped, lower case.
  function terms(text) {
    var out = [];
    var term = [];
    var ascii = true;
    function finish() {
      if (term.length >= (ascii ? 2 : 1) && term.length <= MAX_TERM) out.push(term.join(""));
      term = [];
      ascii = true;
    }
    var chars = Array.from(text.normalize("NFD"));
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      if (/\p{M}/u.test(c)) continue;
      if (!/[\p{L}\p{N}]/u.test(c)) { finish(); continue; }
      var lower = Array.from(c.toLowerCase());
      for (var j = 0; j < lower.length; j++) {
        var l = lower[j] === "\u03c2" ? "\u03c3" : lower[j];
        if (l.codePointAt(0) > 0x7f) ascii = false;
        term.push(l);
      }
    }
    finish();
    return out;
  }

  // SearchShardPlan.fileName: plain ASCII letters and digits as they are, else "_" and UTF-8 hex.
  function shardFile(prefix) {
    if (/^[a-z0-9]+$/.test(prefix)) return "terms/" + prefix + ".json";
    var hex = "_";
    var bytes = new TextEncoder().encode(prefix);
    for (var i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return "terms/" + hex + ".json";
  }

  function load(file) {
    if (!loads[file]) {
      loads[file] = fetch(base + file).then(function (response) {
        if (!response.ok) throw new Error(file + ": HTTP " + response.status);
        return response.json();
      });
      loads[file].catch(function () { delete loads[file]; });
    }
    return loads[file];
  }

  // The shard holding `term` is its longest listed prefix; a prefix being typed (3 or more
  // characters) also needs the shards split off below it.
  function shardsFor(term, asPrefix) {
    var chars = Array.from(term);
    var found = [];
    for (var n = Math.min(chars.length, PREFIX_LEVELS); n >= 1; n--) {
      var prefix = chars.slice(0, n).join("");
      if (shardNames.has(prefix)) { found.push(prefix); break; }
    }
    if (asPrefix && chars.length >= 3) {
      manifest.shards.forEach(function (prefix) {
        if (prefix.length > term.length && prefix.indexOf(term) === 0) found.push(prefix);
      });
    }
    return found;
  }

  // SearchEncoding.postings: gaps as little-endian runs of base64 digits.
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  function decode(text) {
    var ids = [];
    var previous = -1, value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGITS.indexOf(text[i]);
      value += (digit & 31) * Math.pow(2, shift);
      if (digit & 32) { shift += 5; continue; }
      previous += value + 1;
      ids.push(previous);
      value = 0;
      shift = 0;
    }
    return ids;
  }

  // Scores of the documents matching one query term: title or tag above text, whole word above prefix.
  function scores(term, asPrefix, shards) {
    var found = new Map();
    function add(ids, score) {
      for (var i = 0; i < ids.length; i++) {
        if ((found.get(ids[i]) || 0) < score) found.set(ids[i], score);
      }
    }
    shards.forEach(function (shard) {
      Object.keys(shard).forEach(function (key) {
        var exact = key === term;
        if (!exact && !(asPrefix && key.indexOf(term) === 0)) return;
        add(decode(shard[key][0]), exact ? 8 : 5);
        add(decode(shard[key][1]), exact ? 2 : 1);
      });
    });
    return found;
  }

  function rank(queryTerms, asPrefix, shardsByTerm) {
    var total = null;
    queryTerms.forEach(function (term, i) {
      var found = scores(term, asPrefix && i === queryTerms.length - 1, shardsByTerm[i]);
      if (total === null) { total = found; return; }
      var both = new Map();
      total.forEach(function (score, id) { if (found.has(id)) both.set(id, score + found.get(id)); });
      total = both;
    });
    var ids = Array.from(total ? total.keys() : []);
    ids.sort(function (a, b) { return total.get(b) - total.get(a) || a - b; });
    return ids;
  }

  function say(text) { statusLine.textContent = text; }

  function search(query) {
    var mine = ++generation;
    var queryTerms = terms(query);
    // The last word is matched as a prefix while it is being typed.
    var asPrefix = query.length > 0 && !/\s$/.test(query);
    if (queryTerms.length === 0) {
      list.textContent = "";
      say(query.trim() ? words("longer") : "");
      return;
    }
    say(words("searching"));
    manifestReady().then(function () {
      return Promise.all(queryTerms.map(function (term, i) {
        var prefixes = shardsFor(term, asPrefix && i === queryTerms.length - 1);
        return Promise.all(prefixes.map(function (prefix) { return load(shardFile(prefix)); }));
      }));
    }).then(function (shardsByTerm) {
      if (mine !== generation) return;
      shown = rank(queryTerms, asPrefix, shardsByTerm);
      shownCount = 0;
      list.textContent = "";
      say(words(shown.length === 0 ? "none" : shown.length === 1 ? "one" : "other", shown.length, query.trim()));
      return showMore(mine);
    }).catch(function () {
      if (mine === generation) say(words("failed"));
    });
  }

  // Adds the next page of results, loading the document lists they are in.
  function showMore(mine) {
    var ids = shown.slice(shownCount, shownCount + PAGE);
    var chunks = [];
    ids.forEach(function (id) {
      var chunk = Math.floor(id / manifest.chunk);
      if (chunks.indexOf(chunk) < 0) chunks.push(chunk);
    });
    return Promise.all(chunks.map(function (chunk) { return load("docs/" + chunk + ".json"); })).then(function (lists) {
      if (mine !== generation) return;
      var old = list.querySelector(".search-more-item");
      if (old) old.remove();
      ids.forEach(function (id) {
        var doc = lists[chunks.indexOf(Math.floor(id / manifest.chunk))][id % manifest.chunk];
        list.appendChild(result(doc));
      });
      shownCount += ids.length;
      if (shownCount < shown.length) {
        var item = document.createElement("li");
        item.className = "search-more-item";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "search-more";
        button.textContent = words("more");
        button.addEventListener("click", function () { showMore(generation); });
        item.appendChild(button);
        list.appendChild(item);
      }
    });
  }

  function result(doc) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.className = "search-result-title";
    link.href = root + doc[0];
    link.textContent = doc[1];
    item.appendChild(link);
    if (doc[2]) {
      var meta = document.createElement("p");
      meta.className = "search-result-meta";
      meta.textContent = doc[2];
      item.appendChild(meta);
    }
    if (doc[3]) {
      var summary = document.createElement("p");
      summary.className = "search-result-summary";
      summary.textContent = doc[3];
      item.appendChild(summary);
    }
    return item;
  }

  function manifestReady() {
    return load("index.json").then(function (loaded) {
      manifest = loaded;
      shardNames = new Set(loaded.shards);
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var query = input.value;
      // Keeps the query in the address, for the back button and for sharing.
      if (window.history && history.replaceState) {
        history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
      }
      search(query);
    }, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value);
  });
  form.hidden = false;
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    search(initial);
  }
  input.focus();
})();
