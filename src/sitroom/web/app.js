// sitroom web page: map (clusters from /api/clusters), timeline (/api/stats), event list and
// detail (/api/events), statements (/api/statements). Plain JS, no build step.
// Every piece of data is shown through textContent or element attributes, never innerHTML.
"use strict";

(function () {
  const TYPES = ["strike", "shelling", "ground_clash", "territorial_change", "explosion",
    "violence_against_civilians", "diplomacy", "humanitarian", "outage", "other"];
  const COLORS = {
    strike: "#d62828", shelling: "#f77f00", ground_clash: "#6a4c93", territorial_change: "#1982c4",
    explosion: "#8d6e63", violence_against_civilians: "#b5179e", diplomacy: "#7b2cbf",
    humanitarian: "#2a9d8f", outage: "#457b9d", other: "#6c757d",
  };
  const SVG = "http://www.w3.org/2000/svg";

  const $ = (id) => document.getElementById(id);
  const filtersForm = $("filters");
  let map = null;
  let markers = null;
  let eventsCursor = null;
  let statementsCursor = null;
  let requestSerial = 0;

  // Helpers -----------------------------------------------------------------------------------

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    return node;
  }

  function setStatus(text) { $("status").textContent = text; }

  async function getJSON(path, params) {
    const url = params && [...params].length ? path + "?" + params.toString() : path;
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const message = body && body.error ? body.error.message : response.statusText;
      throw new Error(message);
    }
    return body;
  }

  function filterParams() {
    const params = new URLSearchParams();
    const data = new FormData(filtersForm);
    for (const name of ["since", "until", "oblast", "weapon", "q"]) {
      const value = String(data.get(name) || "").trim();
      if (value) params.set(name, value);
    }
    for (const type of data.getAll("type")) params.append("type", String(type));
    return params;
  }

  function typeLabel(type) { return String(type).replace(/_/g, " "); }

  function dateText(date) {
    if (!date || !date.start) return date && date.text ? date.text : "undated";
    return date.end && date.end !== date.start ? date.start + " to " + date.end : date.start;
  }

  function safeHref(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (_error) {
      return null;
    }
  }

  // Filters -----------------------------------------------------------------------------------

  function buildTypeBoxes() {
    const box = $("types");
    for (const type of TYPES) {
      const label = el("label");
      const input = el("input");
      input.type = "checkbox";
      input.name = "type";
      input.value = type;
      const swatch = el("span", null, "swatch");
      swatch.style.background = COLORS[type];
      label.append(input, swatch, typeLabel(type));
      box.append(label);
    }
  }

  let refreshTimer = null;
  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refreshAll, 250);
  }

  async function refreshAll() {
    const serial = ++requestSerial;
    setStatus("loading...");
    try {
      await Promise.all([drawClusters(serial), drawTimeline(serial), listEvents(false, serial)]);
      if (serial === requestSerial) setStatus("");
    } catch (error) {
      if (serial === requestSerial) setStatus("error: " + error.message);
    }
  }

  // Map ---------------------------------------------------------------------------------------

  async function initMap() {
    const config = await getJSON("/api/config");
    // SVG markers: the server sends at most one per grid cell in view, few enough for the DOM.
    map = L.map("map", { worldCopyJump: true }).setView([48.6, 31.5], 6);
    if (config.tile_url) {
      L.tileLayer(config.tile_url, { maxZoom: 18, attribution: "" })
        .on("tileerror", () => { $("map").classList.add("no-tiles"); })
        .addTo(map);
      map.attributionControl.addAttribution(config.tile_attribution ? escapeAttribution(config.tile_attribution) : "");
    }
    if (!config.tile_url) drawGraticule();
    markers = L.layerGroup().addTo(map);
    map.on("moveend", () => { drawClusters(requestSerial).catch((e) => setStatus("error: " + e.message)); });
  }

  function drawGraticule() {
    // Without tiles: faint lines every 2 degrees around Ukraine, for a sense of place.
    const style = { color: "#b8c4cf", weight: 1, interactive: false };
    for (let lat = 40; lat <= 58; lat += 2) L.polyline([[lat, 14], [lat, 46]], style).addTo(map);
    for (let lon = 14; lon <= 46; lon += 2) L.polyline([[40, lon], [58, lon]], style).addTo(map);
    map.attributionControl.addAttribution("no map tiles (SITROOM_TILE_URL is empty); lines every 2\u00b0");
  }

  function escapeAttribution(text) {
    // Leaflet shows attributions as HTML: pass the configured text through a text node first.
    const holder = document.createElement("span");
    holder.textContent = text;
    return holder.innerHTML;
  }

  function mapBox() {
    const bounds = map.getBounds().pad(0.25);
    const clamp = (value, limit) => Math.max(-limit, Math.min(limit, value));
    let west = bounds.getWest();
    let east = bounds.getEast();
    if (east - west >= 360) { west = -180; east = 180; }
    west = ((west + 540) % 360) - 180;
    east = ((east + 540) % 360) - 180;
    return [west, clamp(bounds.getSouth(), 90), east, clamp(bounds.getNorth(), 90)].map((v) => v.toFixed(4)).join(",");
  }

  async function drawClusters(serial) {
    if (!map) return;
    const params = filterParams();
    params.set("zoom", String(map.getZoom()));
    params.set("bbox", mapBox());
    const body = await getJSON("/api/clusters", params);
    if (serial !== requestSerial) return;
    markers.clearLayers();
    for (const cluster of body.clusters) {
      if (cluster.count === 1 && cluster.event_id) {
        const marker = L.circleMarker([cluster.lat, cluster.lon], {
          radius: 7, color: "#fff", weight: 1.5, fillColor: "#c83c28", fillOpacity: 0.9, className: "event-marker",
        });
        marker.on("click", () => showEvent(cluster.event_id));
        markers.addLayer(marker);
      } else {
        const size = Math.round(22 + Math.min(24, Math.log2(cluster.count) * 3));
        const icon = el("div", cluster.count, "cluster-icon");
        icon.style.width = icon.style.height = size + "px";
        const marker = L.marker([cluster.lat, cluster.lon], {
          icon: L.divIcon({ html: icon, className: "", iconSize: [size, size] }),
          title: cluster.count + " events",
        });
        marker.on("click", () => map.setView([cluster.lat, cluster.lon], Math.min(map.getZoom() + 2, 18)));
        markers.addLayer(marker);
      }
    }
    const mapNode = $("map");
    mapNode.dataset.markers = String(body.clusters.length);
    mapNode.dataset.events = String(body.events);
    mapNode.dataset.query = params.toString();
    mapNode.dataset.drawn = String(Date.now());
  }

  // Timeline ----------------------------------------------------------------------------------

  function daysBetween(first, last) {
    const days = [];
    const day = new Date(first + "T00:00:00Z");
    const end = new Date(last + "T00:00:00Z");
    while (day <= end && days.length < 4000) {
      days.push(day.toISOString().slice(0, 10));
      day.setUTCDate(day.getUTCDate() + 1);
    }
    return days;
  }

  async function drawTimeline(serial) {
    const stats = await getJSON("/api/stats", filterParams());
    if (serial !== requestSerial) return;
    fillOblasts(stats.by_oblast);
    $("event-count").textContent = "(" + stats.total + ")";
    const chart = $("timeline");
    chart.replaceChildren();
    const width = chart.clientWidth || 800;
    const height = chart.clientHeight || 130;
    chart.setAttribute("viewBox", "0 0 " + width + " " + height);
    const dated = Object.keys(stats.by_day).sort();
    chart.dataset.days = String(dated.length);
    chart.dataset.total = String(stats.total);
    const legend = $("timeline-legend");
    legend.replaceChildren();
    if (!dated.length) {
      const empty = svg("text", { x: 10, y: height / 2 });
      empty.textContent = "no dated events match";
      chart.append(empty);
      return;
    }
    const days = daysBetween(dated[0], dated[dated.length - 1]);
    const left = 30, right = 8, top = 16, bottom = 18;
    const plotHeight = height - top - bottom;
    const step = (width - left - right) / days.length;
    let peak = 1;
    for (const day of dated) {
      const counts = stats.by_day[day];
      const violent = Object.entries(counts).filter(([type]) => type !== "diplomacy").reduce((s, [, n]) => s + n, 0);
      peak = Math.max(peak, violent);
    }
    const axis = svg("line", { x1: left, y1: top + plotHeight, x2: width - right, y2: top + plotHeight, stroke: "#999" });
    chart.append(axis);
    for (const [value, y] of [[peak, top], [0, top + plotHeight]]) {
      const label = svg("text", { x: left - 4, y: y + 4, "text-anchor": "end", "font-size": 10, fill: "#555" });
      label.textContent = String(value);
      chart.append(label);
    }
    for (const [day, x] of [[days[0], left], [days[days.length - 1], width - right]]) {
      const label = svg("text", { x, y: height - 4, "text-anchor": x === left ? "start" : "end", "font-size": 10, fill: "#555" });
      label.textContent = day;
      chart.append(label);
    }
    const used = new Set();
    days.forEach((day, index) => {
      const counts = stats.by_day[day];
      if (!counts) return;
      const x = left + index * step;
      let y = top + plotHeight;
      for (const type of TYPES) {
        const count = counts[type];
        if (!count || type === "diplomacy") continue;
        used.add(type);
        const barHeight = (count / peak) * plotHeight;
        y -= barHeight;
        const bar = svg("rect", {
          x: x + step * 0.1, y, width: Math.max(1, step * 0.8), height: barHeight, fill: COLORS[type], class: "bar",
          "data-day": day, "data-type": type, "data-count": count,
        });
        const title = svg("title");
        title.textContent = day + ": " + count + " " + typeLabel(type);
        bar.append(title);
        chart.append(bar);
      }
      if (counts.diplomacy) {
        used.add("diplomacy");
        const cx = x + step / 2;
        chart.append(svg("line", {
          x1: cx, y1: top, x2: cx, y2: top + plotHeight, stroke: COLORS.diplomacy, "stroke-dasharray": "3 2", "stroke-width": 1,
        }));
        const diamond = svg("path", {
          d: `M ${cx} ${top - 7} l 5 5 l -5 5 l -5 -5 z`, fill: COLORS.diplomacy, class: "diplomacy",
          "data-day": day, "data-count": counts.diplomacy,
        });
        const title = svg("title");
        title.textContent = day + ": " + counts.diplomacy + " diplomacy event(s)";
        diamond.append(title);
        chart.append(diamond);
      }
    });
    for (const type of TYPES.filter((t) => used.has(t))) {
      const item = el("span");
      const swatch = el("span", null, "swatch");
      swatch.style.background = COLORS[type];
      item.append(swatch, typeLabel(type) + " " + (stats.by_type[type] || 0));
      legend.append(item);
    }
  }

  function fillOblasts(byOblast) {
    const list = $("oblasts");
    if (list.childElementCount) return;
    for (const code of Object.keys(byOblast).sort()) {
      const option = el("option");
      option.value = code;
      list.append(option);
    }
  }

  // Event list and detail -----------------------------------------------------------------------

  async function listEvents(more, serial) {
    const params = filterParams();
    params.set("limit", "100");
    if (more && eventsCursor) params.set("cursor", eventsCursor);
    const body = await getJSON("/api/events", params);
    if (serial !== undefined && serial !== requestSerial) return;
    const list = $("event-list");
    if (!more) list.replaceChildren();
    for (const event of body.events) {
      const item = el("li");
      item.tabIndex = 0;
      item.dataset.id = event.id;
      const place = event.location ? event.location.name : "no place";
      const head = el("div");
      const swatch = el("span", null, "swatch");
      swatch.style.background = COLORS[event.type] || "#666";
      head.append(swatch, typeLabel(event.type) + " - " + place);
      const facts = [dateText(event.date)];
      if (event.killed !== null) facts.push(event.killed + " killed");
      if (event.injured !== null) facts.push(event.injured + " injured");
      item.append(head, el("div", facts.join(" | "), "meta"));
      item.addEventListener("click", () => showEvent(event.id));
      item.addEventListener("keydown", (e) => { if (e.key === "Enter") showEvent(event.id); });
      list.append(item);
    }
    eventsCursor = body.next_cursor;
    $("more-events").hidden = !eventsCursor;
  }

  function weaponText(weapon) {
    let text = weapon.model || typeLabel(weapon.class);
    if (weapon.launched !== null) text += " " + weapon.launched + " launched";
    if (weapon.intercepted !== null) text += ", " + weapon.intercepted + " intercepted";
    return text;
  }

  function fieldRows(event) {
    const place = event.location;
    return [
      ["type", typeLabel(event.type)],
      ["date", dateText(event.date) + (event.date && event.date.text ? " (\u201c" + event.date.text + "\u201d)" : "")],
      ["place", place ? place.name + (place.admin1 ? ", " + place.admin1 : "") + " [" + place.precision + (place.estimated ? ", approximate" : "") + "]" : null],
      ["attacker", event.attacker],
      ["weapons", event.weapons.map(weaponText).join("; ")],
      ["killed", event.killed],
      ["injured", event.injured],
      ["children killed", event.children_killed],
      ["children injured", event.children_injured],
      ["damage", event.damage_objects.map((d) => (d.count !== null ? d.count + " " : "") + d.object + " (" + d.category + ")").join("; ")],
      ["outages", event.outages.map((o) => o.service + (o.count !== null ? ": " + o.count + " " + (o.unit || "") : "")).join("; ")],
      ["parties", event.parties.join(", ")],
      ["claimed by", event.claimed_by],
      ["victims", event.victims],
      ...estimateRows(event),
      ["wave", event.wave_id],
      ["id", event.id],
    ].filter(([, value]) => value !== null && value !== undefined && value !== "");
  }

  // Counts the sources disagree on: "killed: low 2, best 3, high 4 (3 sources)".
  function estimateRows(event) {
    return (event.estimates || [])
      .filter((e) => e.low !== e.high)
      .map((e) => [
        e.name.replace(/:/g, " "),
        "low " + e.low + ", best " + e.best + ", high " + e.high + " (" + e.figures.length + " sources)",
      ]);
  }

  async function showEvent(eventId) {
    let event;
    try {
      event = await getJSON("/api/events/" + encodeURIComponent(eventId));
    } catch (error) {
      setStatus("error: " + error.message);
      return;
    }
    const panel = $("event-panel");
    panel.dataset.id = event.id;
    $("event-title").textContent = typeLabel(event.type) + (event.location ? " in " + event.location.name : "");
    const table = $("event-fields");
    table.replaceChildren();
    for (const [name, value] of fieldRows(event)) {
      const row = el("tr");
      row.append(el("th", name), el("td", value));
      table.append(row);
    }
    const sources = $("event-sources");
    sources.replaceChildren();
    for (const source of event.sources) {
      const box = el("div", null, "source");
      const href = source.url ? safeHref(source.url) : null;
      const title = el(href ? "a" : "span", source.title || source.article_id, "title");
      if (href) { title.href = href; title.target = "_blank"; title.rel = "noopener noreferrer"; }
      box.append(title);
      const meta = [source.source, source.published ? source.published.slice(0, 10) : null, "article " + source.article_id];
      box.append(el("div", meta.filter(Boolean).join(" | "), "meta"));
      for (const sentence of source.evidence) {
        const p = el("p", null, "evidence");
        const mark = el("mark", sentence.text);
        mark.title = "characters " + sentence.start + "-" + sentence.end;
        p.append((sentence.before ? "\u2026" : "") + sentence.before, mark, sentence.after + (sentence.after ? "\u2026" : ""));
        box.append(p);
      }
      sources.append(box);
    }
    panel.hidden = false;
    $("side").scrollTop = 0;
  }

  // Statements ------------------------------------------------------------------------------------

  async function listStatements(more) {
    const data = new FormData($("statement-filters"));
    const params = new URLSearchParams();
    for (const name of ["speaker", "q"]) {
      const value = String(data.get(name) || "").trim();
      if (value) params.set(name, value);
    }
    params.set("limit", "50");
    if (more && statementsCursor) params.set("cursor", statementsCursor);
    const body = await getJSON("/api/statements", params);
    const list = $("statement-list");
    if (!more) list.replaceChildren();
    for (const statement of body.statements) {
      const item = el("li");
      const who = [statement.speaker, statement.role, statement.affiliation].filter(Boolean).join(", ");
      item.append(el("div", who, "speaker"));
      item.append(el("blockquote", statement.direct ? "\u201c" + statement.quote + "\u201d" : statement.quote));
      const meta = [statement.direct ? "direct quote" : "reported speech", statement.published ? statement.published.slice(0, 10) : null,
        statement.article_title || statement.article_id];
      item.append(el("div", meta.filter(Boolean).join(" | "), "meta"));
      list.append(item);
    }
    statementsCursor = body.next_cursor;
    $("more-statements").hidden = !statementsCursor;
  }

  function showView(name) {
    const statements = name === "statements";
    $("view-map").hidden = statements;
    $("filters").hidden = statements;
    $("view-statements").hidden = !statements;
    $("tab-map").classList.toggle("active", !statements);
    $("tab-statements").classList.toggle("active", statements);
    $("tab-map").setAttribute("aria-pressed", String(!statements));
    $("tab-statements").setAttribute("aria-pressed", String(statements));
    if (statements) {
      listStatements(false).catch((e) => setStatus("error: " + e.message));
    } else if (map) {
      map.invalidateSize();
    }
  }

  // Start -------------------------------------------------------------------------------------------

  async function start() {
    buildTypeBoxes();
    filtersForm.addEventListener("input", scheduleRefresh);
    filtersForm.addEventListener("change", scheduleRefresh);
    filtersForm.addEventListener("reset", () => setTimeout(scheduleRefresh, 0));
    filtersForm.addEventListener("submit", (e) => { e.preventDefault(); scheduleRefresh(); });
    $("more-events").addEventListener("click", () => listEvents(true).catch((e) => setStatus("error: " + e.message)));
    $("close-event").addEventListener("click", () => { $("event-panel").hidden = true; });
    $("tab-map").addEventListener("click", () => showView("map"));
    $("tab-statements").addEventListener("click", () => showView("statements"));
    let statementTimer = null;
    $("statement-filters").addEventListener("input", () => {
      clearTimeout(statementTimer);
      statementTimer = setTimeout(() => listStatements(false).catch((e) => setStatus("error: " + e.message)), 250);
    });
    $("statement-filters").addEventListener("submit", (e) => e.preventDefault());
    $("more-statements").addEventListener("click", () => listStatements(true).catch((e) => setStatus("error: " + e.message)));
    try {
      await initMap();
    } catch (error) {
      setStatus("error: " + error.message);
      return;
    }
    await refreshAll();
    document.body.dataset.ready = "true";
  }

  start();
})();
