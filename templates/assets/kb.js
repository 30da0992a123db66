/* Knowledge base pages: the site search, the relationship graphs and the filters of the
 * index pages. Runs on every page load, including Material's instant navigation. */
(function () {
  "use strict";

  var COLOURS = {
    person: "#1f6fb2",
    organization: "#c75d00",
    place: "#2a8a3e",
    event: "#b8323a",
    aid_package: "#7b4fb0",
  };
  var visLoading = null;

  function loadVis(root) {
    if (window.vis && window.vis.Network) return Promise.resolve();
    if (visLoading) return visLoading;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = root + "assets/vendor/vis-network.css";
    document.head.appendChild(css);
    visLoading = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = root + "assets/vendor/vis-network.min.js";
      script.onload = function () { resolve(); };
      script.onerror = function () { visLoading = null; reject(new Error("vis-network did not load")); };
      document.head.appendChild(script);
    });
    return visLoading;
  }

  function textColour() {
    return getComputedStyle(document.body).getPropertyValue("--md-default-fg-color").trim() || "#333";
  }

  var TYPE_NAMES = {
    person: "Person", organization: "Organization", place: "Place", event: "Event", aid_package: "Aid package",
  };
  var LABEL_PX = 13;  // a label's height on screen, at any zoom
  var EDGES_PER_NODE = 4;  // of each entity shown on the site graph, the strongest ties drawn

  /* A graph: vis-network draws it; labels are placed so that none overlaps another at rest
   * (the largest entities first); the site graph's form filters it by type, topic and size,
   * finds an entity and shows its neighbourhood. */
  function drawGraph(element) {
    if (element.dataset.drawn) return;
    element.dataset.drawn = "true";
    var root = element.dataset.root || "./";
    var data = JSON.parse(element.dataset.graph);
    var form = element.id === "kb-graph" ? document.querySelector(".kb-graph-controls") : null;
    var status = document.querySelector(".kb-graph-status");
    var panel = document.querySelector(".kb-graph-picked");
    var byId = {};
    data.nodes.forEach(function (n) { byId[n.id] = n; });
    // The site graph carries each entity's strongest ties among all its entities; of those among
    // the entities shown, each shows its EDGES_PER_NODE strongest (graph.py's backbone, redone for
    // the shown set), so that an entity whose ties go to hidden ones still shows its others.
    function strength(e) {
      return e.value / Math.sqrt(Math.max(1, byId[e.from].value) * Math.max(1, byId[e.to].value));
    }
    function stronger(a, b) {
      var x = data.edges[a];
      var y = data.edges[b];
      return strength(y) - strength(x) || y.value - x.value
        || (x.from < y.from ? -1 : x.from > y.from ? 1 : x.to < y.to ? -1 : x.to > y.to ? 1 : 0);
    }
    function strongest(ids) {
      // the indexes of the edges kept among ``ids`` (all edges when the graph has no form)
      var kept = new Set();
      var per = {};
      data.edges.forEach(function (e, i) {
        if (!form) { kept.add(i); return; }
        if (!ids.has(e.from) || !ids.has(e.to)) return;
        (per[e.from] = per[e.from] || []).push(i);
        (per[e.to] = per[e.to] || []).push(i);
      });
      Object.keys(per).forEach(function (id) {
        per[id].sort(stronger).slice(0, EDGES_PER_NODE).forEach(function (i) { kept.add(i); });
      });
      return kept;
    }
    // an entity's neighbourhood follows the ties kept among all the graph's entities
    var ties = {};
    data.nodes.forEach(function (n) { ties[n.id] = []; });
    strongest(new Set(Object.keys(byId))).forEach(function (i) {
      var e = data.edges[i];
      ties[e.from].push(e.to);
      ties[e.to].push(e.from);
    });
    var picked = null;
    if (form && element.clientWidth < 600 && form.elements.namedItem("size")) {
      // a narrow screen starts with fewer entities, so that their names can be read
      var narrow = form.querySelector("select[name=size] option[value='20']");
      if (narrow) form.elements.namedItem("size").value = "20";
    }
    var shown = form ? chosen() : null;
    var drawn = strongest(shown);

    function chosen() {
      // the ids the form asks for: by type, hubs, topic and size, or the picked entity's neighbourhood
      var values = new FormData(form);
      var types = values.getAll("type");
      var hubs = values.get("hubs") !== null;
      var topic = String(values.get("topic") || "");
      var size = Number(values.get("size")) || data.nodes.length;
      var depth = Number(values.get("depth")) || 0;
      function ok(n) { return types.indexOf(n.group) >= 0 && (hubs || !n.hub || n.id === picked); }
      var set = new Set();
      if (picked && depth) {
        var frontier = [picked];
        set.add(picked);
        for (var step = 0; step < depth; step++) {
          var next = [];
          frontier.forEach(function (id) {
            ties[id].forEach(function (other) {
              if (!set.has(other) && ok(byId[other])) { set.add(other); next.push(other); }
            });
          });
          frontier = next;
        }
        return set;
      }
      data.nodes.filter(function (n) { return ok(n) && (!topic || (n.topics || []).indexOf(topic) >= 0); })
        .slice(0, size).forEach(function (n) { set.add(n.id); });  // the nodes come most mentioned first
      if (picked) set.add(picked);
      return set;
    }

    loadVis(root).then(function () {
      var base = new URL(root, window.location.href);
      var nodes = new window.vis.DataSet(data.nodes.map(function (n) {
        return {
          id: n.id,
          label: n.label,
          name: n.label,
          title: n.label + " (" + (TYPE_NAMES[n.group] || n.group) + ")",
          url: new URL(n.url, base).href,
          value: n.value,
          // no vis "group": updating a node of a group gives it the group's colours again
          color: { background: COLOURS[n.group] || "#777", border: n.centre ? "#000" : COLOURS[n.group] || "#777" },
          borderWidth: n.centre ? 3 : 1,
          font: { color: textColour(), size: LABEL_PX },
        };
      }));
      var edges = new window.vis.DataSet(data.edges.map(function (e, i) {
        return { id: i, from: e.from, to: e.to, value: e.value, title: e.value + " sentence(s) together" };
      }));
      var nodeView = new window.vis.DataView(nodes, { filter: function (n) { return !shown || shown.has(n.id); } });
      var edgeView = new window.vis.DataView(edges, { filter: function (e) { return drawn.has(e.id); } });
      var network = new window.vis.Network(element, { nodes: nodeView, edges: edgeView }, {
        nodes: { shape: "dot", scaling: { min: 8, max: 36, label: { enabled: false } } },
        edges: { color: { color: "#9aa5b1", opacity: 0.6 }, scaling: { min: 1, max: 8 }, smooth: false },
        physics: { solver: "forceAtlas2Based", forceAtlas2Based: { avoidOverlap: 0.5 }, stabilization: { iterations: 250 } },
        interaction: { hover: true, tooltipDelay: 150 },
      });

      function priority(id) {
        var n = byId[id];
        if (id === picked || n.centre) return 1e12;
        if (picked && ties[picked].indexOf(id) >= 0) return 1e9 + n.value;
        return n.value;
      }

      function placeLabels() {
        // Every shown label at one size on screen; then, largest entity first, hide each label
        // that would overlap one already kept. The kept ones are what a reader sees at rest.
        var ids = nodeView.getIds();
        var size = Math.max(LABEL_PX, Math.min(80, Math.round(LABEL_PX / (network.getScale() || 1))));
        nodes.update(ids.map(function (id) { return { id: id, label: byId[id].label, font: { size: size } }; }));
        network.once("afterDrawing", function () {
          // a label cut by the frame is hidden too
          var corner = network.DOMtoCanvas({ x: 0, y: 0 });
          var far = network.DOMtoCanvas({ x: element.clientWidth, y: element.clientHeight });
          var kept = [{ l: -Infinity, t: -Infinity, r: Infinity, b: corner.y }, { l: -Infinity, t: far.y, r: Infinity, b: Infinity },
            { l: -Infinity, t: -Infinity, r: corner.x, b: Infinity }, { l: far.x, t: -Infinity, r: Infinity, b: Infinity }];
          var hide = [];
          ids.slice().sort(function (a, b) { return priority(b) - priority(a); }).forEach(function (id) {
            var node = network.body.nodes[id];
            var s = node && node.labelModule.size;
            var box = s && { l: s.left, t: s.top, r: s.left + s.width, b: s.top + s.height };
            var free = box && !kept.some(function (k) { return box.l < k.r && k.l < box.r && box.t < k.b && k.t < box.b; });
            if (free) kept.push(box); else hide.push({ id: id, label: "" });
          });
          nodes.update(hide);
          network.once("afterDrawing", function () { element.dataset.ready = "true"; });
          network.redraw();
        });
        network.redraw();
      }

      function settle() {
        element.dataset.ready = "false";
        network.setOptions({ physics: { enabled: true } });
        network.stabilize(200);
      }

      network.on("stabilizationIterationsDone", function () {
        network.setOptions({ physics: false });
        network.fit();
        network.moveTo({ scale: network.getScale() * 0.85 });  // room at the edges for the outer names
        placeLabels();
      });
      var zooming = null;
      network.on("zoom", function () {
        clearTimeout(zooming);
        zooming = setTimeout(placeLabels, 200);
      });
      network.on("dragEnd", function (params) { if (params.nodes.length) placeLabels(); });

      function showPicked() {
        if (!panel) return;
        if (!picked) { panel.hidden = true; return; }
        var n = byId[picked];
        var open = document.createElement("a");
        open.href = nodes.get(picked).url;
        open.textContent = "Open the page of " + n.label;
        var near = edgeView.get().filter(function (e) { return e.from === picked || e.to === picked; }).length;
        panel.replaceChildren(
          n.label + " (" + (TYPE_NAMES[n.group] || n.group) + ", named in " + n.value + " article"
            + (n.value === 1 ? "" : "s") + "), tied to " + near + " of the entities shown. ", open);
        panel.hidden = false;
      }

      function update() {
        shown = chosen();
        drawn = strongest(shown);
        nodeView.refresh();
        edgeView.refresh();
        if (status) {
          status.textContent = shown.size + " of " + data.nodes.length + " entities shown"
            + (picked ? ", around " + byId[picked].label : "") + ".";
        }
        if (picked) network.selectNodes([picked]); else network.unselectAll();
        showPicked();
        settle();
      }

      function pick(id) {
        picked = id;
        update();
      }

      network.on("click", function (params) {
        var id = params.nodes.length ? params.nodes[0] : null;
        if (!form) {
          if (id) window.location.href = nodes.get(id).url;
        } else if (id !== picked) {
          pick(id);
        }
      });
      network.on("doubleClick", function (params) {
        if (params.nodes.length) window.location.href = nodes.get(params.nodes[0]).url;
      });
      network.on("hoverNode", function () { element.style.cursor = "pointer"; });
      network.on("blurNode", function () { element.style.cursor = "default"; });

      if (form) {
        var list = document.getElementById("kb-graph-names");
        if (list) {
          list.replaceChildren.apply(list, data.nodes.map(function (n) {
            var option = document.createElement("option");
            option.value = n.label;
            return option;
          }));
        }
        var find = form.elements.namedItem("find");
        var lookUp = function () {
          var typed = find.value.trim().toLowerCase();
          if (!typed) { pick(null); return; }
          var match = data.nodes.find(function (n) { return n.label.toLowerCase() === typed; })
            || data.nodes.find(function (n) { return n.label.toLowerCase().indexOf(typed) === 0; })
            || data.nodes.find(function (n) { return n.label.toLowerCase().indexOf(typed) >= 0; });
          if (match) pick(match.id); else if (status) status.textContent = "No entity in the graph is named " + find.value.trim() + ".";
        };
        find.addEventListener("change", lookUp);
        form.addEventListener("submit", function (event) { event.preventDefault(); lookUp(); });
        form.addEventListener("input", function (event) { if (event.target !== find) update(); });
        if (status) status.textContent = shown.size + " of " + data.nodes.length + " entities shown.";
      }
      window.kbGraphs = (window.kbGraphs || []).filter(function (g) { return document.body.contains(g.element); });
      window.kbGraphs.push({
        element: element, network: network, nodes: nodes, view: nodeView, edges: edgeView, ties: ties, data: data,
      });
    }).catch(function (err) {
      element.textContent = "The graph could not be drawn: " + err.message;
    });
  }

  /* Search: Pagefind's chunked index (generator/search.py) behind Material's search
   * box. The index is fetched on first use, a few chunks per query. */
  var ROOT = (function () {
    // __config's base is relative to the page first loaded; instant navigation keeps it.
    var base = ".";
    try { base = JSON.parse(document.getElementById("__config").textContent).base || "."; } catch (e) { /* default */ }
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  })();
  var SHOWN = 10;

  function words(text) {
    return (text || "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(" ");
  }

  var pagefind = null;
  var nameFiles = {};
  var nameShards = null;

  function fetchJson(path, none) {
    return fetch(new URL(path, ROOT).href).then(function (response) { return response.ok ? response.json() : none; });
  }

  function shardOf(typed, shards) {
    // FNV-1a over the code points, as generator/render/names.py computes it
    var h = 0x811c9dc5;
    Array.from(typed).forEach(function (c) { h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0; });
    return h % shards;
  }

  function exactNames(typed) {
    // The entities named exactly what was typed, from the one small file its hash picks
    // (generator/render/names.py): Pagefind alone ranks a short name behind long ones repeating it.
    if (!nameShards) {
      nameShards = fetchJson("search/names/shards.json", { shards: 0 });
      nameShards.catch(function () { nameShards = null; });
    }
    return nameShards.then(function (info) {
      if (!info.shards) return [];
      var file = "search/names/" + shardOf(typed, info.shards) + ".json";
      if (!(file in nameFiles)) {
        nameFiles[file] = fetchJson(file, []);
        nameFiles[file].catch(function () { delete nameFiles[file]; });
      }
      return nameFiles[file];
    }).then(function (records) {
      return records.filter(function (r) { return r[0] === typed; }).map(function (r) {
        return { url: new URL(r[1], ROOT).pathname, meta: { type: r[2], title: r[3], summary: r[4] } };
      });
    }).catch(function () { return []; });  // Pagefind's results alone, then
  }

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", ROOT).href).then(function (pf) {
        return pf.options({
          baseUrl: ROOT.pathname,
          excerptLength: 24,
          // An entity's name and its other spellings (page metadata) outrank words in titles.
          ranking: { metaWeights: { title: 1.0, name: 10.0, aliases: 8.0 } },
        }).then(function () { return pf; });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  function excerpt(html, into) {
    // Keep the text and Pagefind's <mark>s only; a parsed document runs nothing.
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        into.appendChild(mark);
      } else {
        into.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function resultItem(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    var meta = data.meta || {};
    var title = document.createElement("h1");
    title.textContent = meta.title || data.url;
    if (meta.type) {
      // what the page is about, before its name: Person, Event, Article, ...
      var badge = document.createElement("span");
      badge.className = "kb-badge";
      badge.dataset.type = meta.type.toLowerCase();
      badge.textContent = meta.type;
      title.prepend(badge, " ");
    }
    var text = document.createElement("p");
    if (meta.summary) {
      text.className = "kb-result-summary";
      text.textContent = meta.summary;  // one clean line: a role, a date, an amount
    } else {
      excerpt(data.excerpt || "", text);
    }
    article.append(icon, title, text);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function setupSearch() {
    var box = document.querySelector("[data-kb-search]");
    var input = document.querySelector("[data-kb-search-query]");
    var toggle = document.getElementById("__search");
    if (!box || !input || !toggle || box.dataset.ready) return;
    box.dataset.ready = "true";
    var output = box.querySelector("[data-kb-search-result]");
    var meta = output.querySelector(".md-search-result__meta");
    var list = output.querySelector(".md-search-result__list");

    function show(query, results) {
      list.replaceChildren.apply(list, results.map(resultItem));
      meta.textContent = !query ? "Type to search"
        : results.length ? results.length + (results.more ? "+" : "") + " matching page" + (results.length === 1 && !results.more ? "" : "s")
        : "No matching pages";
      output.dataset.query = query;
    }

    function run() {
      var query = input.value.trim();
      if (!query) { show("", []); return; }
      loadPagefind().then(function (pf) {
        return pf.debouncedSearch(query, {}, 120);
      }).then(function (found) {
        if (found === null || input.value.trim() !== query) return null;  // a newer query took over
        var typed = words(query);
        // The entities named exactly what was typed come first, then Pagefind's ranking.
        return Promise.all([
          exactNames(typed),
          Promise.all(found.results.slice(0, SHOWN).map(function (r) { return r.data(); })),
        ]).then(function (both) {
          if (input.value.trim() !== query) return;
          var named = both[0];
          var urls = named.map(function (d) { return d.url; });
          var rest = both[1].filter(function (d) { return urls.indexOf(d.url) < 0; });
          var shown = named.concat(rest).slice(0, SHOWN);
          shown.more = found.results.length + named.length > SHOWN;
          show(query, shown);
        });
      }).catch(function (err) {
        meta.textContent = "Search is unavailable: " + err.message;
      });
    }

    input.addEventListener("input", run);
    input.form.addEventListener("reset", function () { setTimeout(run, 0); });
    toggle.addEventListener("change", function () {
      if (toggle.checked) { loadPagefind(); input.focus(); }
    });
    input.addEventListener("focus", function () {
      if (!toggle.checked) toggle.checked = true;
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var first = list.querySelector("a");
        if (first) window.location.href = first.href;
      } else if (event.key === "ArrowDown") {
        var link = list.querySelector("a");
        if (link) { event.preventDefault(); link.focus(); }
      }
    });
    list.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (at < 0) return;
      if (event.key === "ArrowDown" && at + 1 < links.length) { event.preventDefault(); links[at + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === "Escape" && toggle.checked) {
        toggle.checked = false;
        input.blur();
      } else if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[/sf]$/.test(event.key)) {
        event.preventDefault();
        toggle.checked = true;
        loadPagefind();
        input.focus();
      }
    });
    // Material's instant navigation follows a result's link; close the box when it does.
    list.addEventListener("click", function () { toggle.checked = false; });
  }

  // Index pages: the page holds the first rows; the whole list is index.json beside it, fetched
  // when the reader filters, sorts or asks for more. Every cell is built as text. A filter can
  // be given in the address ("articles/?outlet=AFP"), as a link from another page does.
  function byDate(a, b) { return (a ? 0 : 1) - (b ? 0 : 1) || (a || "").localeCompare(b || ""); }
  var INDEX_SORTS = {
    mentions: function (a, b) { return b.mentions - a.mentions || b.articles - a.articles; },
    articles: function (a, b) { return b.articles - a.articles; },
    entities: function (a, b) { return b.entities - a.entities; },
    outlets: function (a, b) { return b.outlets.length - a.outlets.length || b.articles - a.articles; },
    name: function (a, b) { return (a.name || a.title).localeCompare(b.name || b.title); },
    title: function (a, b) { return a.title.localeCompare(b.title); },
    date: function (a, b) { return byDate(a.start, b.start); },
    latest: function (a, b) { return (b.latest || "").localeCompare(a.latest || ""); },
    newest: function (a, b) { return (b.date || "").localeCompare(a.date || ""); },
    oldest: function (a, b) { return byDate(a.date, b.date); },
  };

  function span(start, end) {
    if (!start) return "undated";
    return end && end !== start ? start + " to " + end : start;
  }

  function link(text, href) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function cell(row, text, href) {
    var td = document.createElement("td");
    td.appendChild(href ? link(text, href) : document.createTextNode(text));
    row.appendChild(td);
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function carriedBy(r) {
    var parts = [];
    if (r.outlets.length) parts.push(plural(r.outlets.length, "outlet") + " (" + r.outlets.join(", ") + ")");
    if (r.no_outlet) parts.push(plural(r.no_outlet, "article") + " naming no outlet");
    return parts.join(" and ");
  }

  function quoteItem(r, root, topicNames) {
    var li = document.createElement("li");
    li.className = "kb-quote";
    var quote = document.createElement("blockquote");
    var text = document.createElement("p");
    text.textContent = "“" + r.text + "”";
    quote.appendChild(text);
    var meta = document.createElement("p");
    meta.className = "kb-quote-meta";
    meta.append(r.speaker ? link(r.speaker, new URL(r.speaker_url, root).href) : "Unattributed");
    meta.append(" · " + (r.date || "undated") + " · carried by " + carriedBy(r));
    if (r.source) meta.append(" · ", link("first report", new URL(r.source, root).href));
    var topics = r.topics.map(function (t) { return topicNames[t]; }).filter(Boolean);
    if (topics.length) {
      meta.append(" · " + topics.slice(0, 3).join(", ") + (topics.length > 3 ? " and " + (topics.length - 3) + " more topics" : ""));
    }
    li.append(quote, meta);
    if (r.variants.length) {
      var details = document.createElement("details");
      var summary = document.createElement("summary");
      summary.textContent = plural(r.variants.length, "other wording");
      var list = document.createElement("ul");
      r.variants.forEach(function (v) {
        var item = document.createElement("li");
        item.textContent = "“" + v + "”";
        list.appendChild(item);
      });
      details.append(summary, list);
      li.appendChild(details);
    }
    return li;
  }

  function timelineItem(r, root) {
    var li = document.createElement("li");
    li.className = "kb-tl-item kb-tl-" + r.kind;
    var time = document.createElement("time");
    time.dateTime = r.date;
    time.textContent = span(r.date, r.end);
    var kind = document.createElement("span");
    kind.className = "kb-tl-kind";
    kind.textContent = r.kind === "event" ? "Event" : "Article";
    li.append(time, " ", kind, " ", link(r.title, new URL(r.url, root).href));
    if (r.outlet) li.append(" · " + r.outlet);
    return li;
  }

  function indexRow(kind, r, root, topicNames) {
    if (kind === "quote") return quoteItem(r, root, topicNames);
    if (kind === "timeline") return timelineItem(r, root);
    var tr = document.createElement("tr");
    var url = r.url ? new URL(r.url, root).href : "";
    if (kind === "event") {
      cell(tr, span(r.start, r.end)); cell(tr, r.name, url); cell(tr, r.place);
      cell(tr, r.participants.slice(0, 4).join(", ")); cell(tr, String(r.articles));
    } else if (kind === "article") {
      cell(tr, r.date || "–"); cell(tr, r.title, url); cell(tr, r.outlet || "–"); cell(tr, r.author || "–");
    } else if (kind === "topic") {
      cell(tr, r.name, url); cell(tr, String(r.articles)); cell(tr, String(r.entities));
    } else if (kind === "outlet") {
      cell(tr, r.name, new URL("articles/?outlet=" + encodeURIComponent(r.name), root).href);
      cell(tr, String(r.articles)); cell(tr, r.latest || "–");
    } else {
      cell(tr, r.name, url); cell(tr, r.aliases); cell(tr, String(r.articles)); cell(tr, String(r.mentions));
    }
    return tr;
  }

  var INDEX_TEXT = {
    event: function (r) { return [r.name, r.place].concat(r.participants); },
    article: function (r) { return [r.title, r.outlet || "", r.author || ""]; },
    quote: function (r) { return [r.text].concat(r.variants); },
    timeline: function (r) { return [r.title, r.outlet || ""]; },
    other: function (r) { return [r.name, r.aliases || ""]; },
  };

  function matches(kind, r, f) {
    var text = (INDEX_TEXT[kind] || INDEX_TEXT.other)(r);
    if (f.q && text.join(" ").toLowerCase().indexOf(f.q) < 0) return false;
    if (f.speaker && (r.speaker || "").toLowerCase().indexOf(f.speaker) < 0) return false;
    if (f.outlet) {
      var none = f.outlet === "-";
      var ok = kind === "quote" ? (none ? r.no_outlet > 0 : r.outlets.indexOf(f.outlet) >= 0)
        : none ? !r.outlet : r.outlet === f.outlet;
      if (!ok) return false;
    }
    if (f.kind && r.kind !== f.kind) return false;
    if (f.type && (r.types || []).indexOf(f.type) < 0) return false;
    if (f.topic && (r.topics || []).indexOf(f.topic) < 0) return false;
    var first = kind === "event" ? r.start : r.date;
    var last = kind === "event" ? r.end || r.start : kind === "timeline" ? r.end || r.date : r.date;
    if ((f.from || f.to) && !first) return false;
    if (f.from && last < f.from) return false;
    if (f.to && first > f.to) return false;
    return true;
  }

  function setupIndex(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "true";
    var form = box.querySelector("form");
    var body = box.querySelector(".kb-index-rows");
    var count = box.querySelector(".kb-index-count");
    var more = box.querySelector(".kb-index-more");
    var kind = box.dataset.kind;
    var root = new URL(box.dataset.root || "./", window.location.href);
    var topicNames = {};
    form.querySelectorAll("select[name=topic] option").forEach(function (o) {
      if (o.value) topicNames[o.value] = o.textContent;
    });
    var data = null;
    var found = [];
    var shown = 0;

    function getJson(url) {
      return fetch(url).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      });
    }

    function load() {
      // index.json names the columns, the topics and the chunk files (generator/render/indexes.py)
      if (!data) {
        var header = new URL(box.dataset.src, window.location.href);
        data = getJson(header).then(function (table) {
          return Promise.all(table.chunks.map(function (name) {
            return getJson(new URL(name, header));
          })).then(function (chunks) {
            var rows = [];
            chunks.forEach(function (chunk) {
              chunk.rows.forEach(function (row) {
                var record = {};
                table.columns.forEach(function (column, i) { record[column] = row[i]; });
                // a row names its topics by their place in the header's list
                if (table.topics) record.topics = record.topics.map(function (n) { return table.topics[n]; });
                rows.push(record);
              });
            });
            return rows;
          });
        });
        data.catch(function () { data = null; });
      }
      return data;
    }

    function showMore() {
      var next = found.slice(shown, shown + (Number(box.dataset.pageRows) || 50));
      next.forEach(function (r) { body.appendChild(indexRow(kind, r, root, topicNames)); });
      shown += next.length;
      more.hidden = shown >= found.length;
      count.textContent = found.length + " of " + box.dataset.total + " " + box.dataset.label
        + (shown < found.length ? ": the first " + shown + " are shown" : "");
    }

    function apply() {
      var values = new FormData(form);
      var f = {};
      ["q", "speaker"].forEach(function (name) { f[name] = String(values.get(name) || "").trim().toLowerCase(); });
      ["outlet", "kind", "type", "topic", "from", "to"].forEach(function (name) { f[name] = String(values.get(name) || ""); });
      var order = INDEX_SORTS[String(values.get("sort") || "")];
      return load().then(function (rows) {
        found = rows.filter(function (r) { return matches(kind, r, f); });
        if (order) found = found.slice().sort(order);
        shown = 0;
        body.replaceChildren();
        showMore();
      }).catch(function (err) {
        count.textContent = "The list could not be loaded: " + err.message;
      });
    }

    form.addEventListener("input", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    more.addEventListener("click", function () {
      if (found.length) showMore(); else apply();
    });
    var given = false;
    new URLSearchParams(window.location.search).forEach(function (value, name) {
      var field = form.elements.namedItem(name);
      if (field && "value" in field) { field.value = value; given = true; }
    });
    if (given) apply();
  }

  function init() {
    setupSearch();
    document.querySelectorAll(".kb-graph[data-graph]").forEach(drawGraph);
    document.querySelectorAll(".kb-index[data-src]").forEach(setupIndex);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
