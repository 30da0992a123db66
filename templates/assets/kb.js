/* Knowledge base pages: the relationship graphs and the timeline filters.
 * Runs on every page load, including Material's instant navigation. */
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

  function drawGraph(element) {
    if (element.dataset.drawn) return;
    element.dataset.drawn = "true";
    var root = element.dataset.root || "./";
    var data = JSON.parse(element.dataset.graph);
    loadVis(root).then(function () {
      var base = new URL(root, window.location.href);
      var nodes = new window.vis.DataSet(data.nodes.map(function (n) {
        return {
          id: n.id,
          label: n.label,
          title: n.label,
          url: new URL(n.url, base).href,
          value: n.value,
          group: n.group,
          color: { background: COLOURS[n.group] || "#777", border: n.centre ? "#000" : COLOURS[n.group] || "#777" },
          borderWidth: n.centre ? 3 : 1,
          font: { color: textColour(), size: n.centre ? 18 : 14 },
        };
      }));
      var edges = new window.vis.DataSet(data.edges.map(function (e, i) {
        return { id: i, from: e.from, to: e.to, value: e.value, title: e.value + " sentence(s) together" };
      }));
      var network = new window.vis.Network(element, { nodes: nodes, edges: edges }, {
        nodes: { shape: "dot", scaling: { min: 8, max: 36 } },
        edges: { color: { color: "#9aa5b1", opacity: 0.6 }, scaling: { min: 1, max: 8 }, smooth: false },
        physics: { solver: "forceAtlas2Based", stabilization: { iterations: 250 } },
        interaction: { hover: true, tooltipDelay: 150 },
      });
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: false });
        network.fit();
      });
      network.on("click", function (params) {
        if (params.nodes.length) window.location.href = nodes.get(params.nodes[0]).url;
      });
      network.on("hoverNode", function () { element.style.cursor = "pointer"; });
      network.on("blurNode", function () { element.style.cursor = "default"; });
      network.once("afterDrawing", function () {
        element.dataset.ready = "true";
      });
      window.kbGraphs = (window.kbGraphs || []).filter(function (g) { return document.body.contains(g.element); });
      window.kbGraphs.push({ element: element, network: network, nodes: nodes });
    }).catch(function (err) {
      element.textContent = "The graph could not be drawn: " + err.message;
    });
  }

  function filterTimeline() {
    var type = document.getElementById("kb-tl-type");
    var topic = document.getElementById("kb-tl-topic");
    if (!type || !topic) return;
    var items = document.querySelectorAll(".kb-tl-item");
    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var types = (item.dataset.types || "").split(" ");
        var topics = (item.dataset.topics || "").split(" ");
        var ok = (!type.value || types.indexOf(type.value) >= 0) && (!topic.value || topics.indexOf(topic.value) >= 0);
        item.hidden = !ok;
        if (ok) shown += 1;
      });
      var count = document.querySelector(".kb-tl-count");
      if (count) count.textContent = shown + " of " + items.length + " shown";
    }
    type.addEventListener("change", apply);
    topic.addEventListener("change", apply);
    apply();
  }

  function labelSearch() {
    // Material's search dialog has no accessible name
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }

  function init() {
    labelSearch();
    document.querySelectorAll(".kb-graph[data-graph]").forEach(drawGraph);
    filterTimeline();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
