// The dateline dashboard. Story text and every value from the API are
// untrusted: the DOM is built with createElement + textContent only, never by
// parsing HTML strings, so markup inside a story stays text (and the CSP
// forbids inline scripts anyway).
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const FILTERS = ["since", "until", "country", "type", "actor", "text"];
const PAGE = 50;

function el(tag, attrs, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (name === "class") node.setAttribute("class", value);
    else if (name === "text") node.textContent = String(value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
  }
  return node;
}

const $ = (id) => document.getElementById(id);

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
  return body;
}

function current() {
  const params = new URLSearchParams(location.search);
  const filters = new URLSearchParams();
  for (const name of FILTERS) {
    const value = (params.get(name) || "").trim();
    if (value) filters.set(name, value);
  }
  return { params, filters };
}

// A link to the overview with these filters changed.
function withFilters(changes) {
  const { filters } = current();
  for (const [name, value] of Object.entries(changes)) {
    if (value) filters.set(name, value);
    else filters.delete(name);
  }
  const query = filters.toString();
  return query ? `/?${query}` : "/";
}

function showError(error) {
  const box = $("error");
  box.textContent = error.message || String(error);
  box.hidden = false;
}

function participants(list) {
  return (list || []).map((p) => p.name || p.text || p.country || "?").join("; ");
}

// ---- overview -------------------------------------------------------------

async function overview() {
  const { params, filters } = current();
  for (const name of FILTERS) {
    const input = $(`f-${name}`);
    // defaultValue is the value attribute: the form shows (and the DOM records) the filter in force.
    if (input) input.defaultValue = input.value = filters.get(name) || "";
  }
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  const query = filters.toString();
  const sep = query ? "&" : "";
  const [events, counts, places, world] = await Promise.all([
    api(`/api/events?${query}${sep}limit=${PAGE}&offset=${offset}`),
    api(`/api/counts?${query}${sep}bucket=${params.get("bucket") === "day" ? "day" : "month"}`),
    api(`/api/places?${query}`),
    api("/world.json"),
  ]);
  drawMap(world, counts.by_country, places);
  drawTimeline(counts);
  drawEvents(events, offset);
}

function drawMap(world, byCountry, places) {
  const svg = $("map");
  svg.replaceChildren();
  const perCountry = new Map(byCountry.map((c) => [c.country, c.events]));
  const most = Math.max(1, ...perCountry.values());
  for (const country of world.countries) {
    const n = perCountry.get(country.iso3) || 0;
    const path = el("svg:path", { d: country.d, class: n ? "has-events" : null, "data-iso3": country.iso3 });
    if (n) path.setAttribute("fill-opacity", (0.35 + 0.65 * (n / most)).toFixed(2));
    path.append(el("svg:title", { text: `${country.name || "?"}: ${n} event${n === 1 ? "" : "s"}` }));
    if (country.iso3) {
      const link = el("svg:a", { href: withFilters({ country: country.iso3 }) }, path);
      svg.append(link);
    } else {
      svg.append(path);
    }
  }
  let dots = 0;
  for (const place of places.places) {
    if (typeof place.lat !== "number" || typeof place.lon !== "number") continue;
    const x = ((place.lon + 180) / 360) * world.width;
    const y = ((90 - place.lat) / 180) * world.height;
    const circle = el("svg:circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 2.5 * Math.sqrt(place.events)).toFixed(1), class: "place" });
    circle.append(el("svg:title", { text: `${place.name} (${place.country || "?"}): ${place.events} event${place.events === 1 ? "" : "s"}` }));
    svg.append(circle);
    dots += 1;
  }
  $("map-note").textContent = `${byCountry.length} countries, ${dots} places${places.truncated ? " (first 1000 events)" : ""}`;
}

// Months with no events get an empty bar, so gaps in time look like gaps.
function fillMonths(bars) {
  const parse = (p) => /^(\d{4})-(\d{2})$/.exec(p);
  const first = bars.length && parse(bars[0].period);
  const last = bars.length && parse(bars[bars.length - 1].period);
  if (!first || !last) return bars;
  const index = (m) => Number(m[1]) * 12 + Number(m[2]) - 1;
  const span = index(last) - index(first) + 1;
  if (span > 600) return bars; // decades of months: keep only the busy ones
  const known = new Map(bars.map((b) => [b.period, b.events]));
  const filled = [];
  for (let i = index(first); i <= index(last); i++) {
    const period = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
    filled.push({ period, events: known.get(period) || 0 });
  }
  return filled;
}

function drawTimeline(counts) {
  const svg = $("timeline");
  svg.replaceChildren();
  const bars = counts.bucket === "month" ? fillMonths(counts.over_time) : counts.over_time;
  $("timeline-note").textContent = bars.length ? `${counts.total} events by ${counts.bucket}` : "no dated events";
  if (!bars.length) return;
  const width = 960, height = 160, bottom = 20, gap = 2;
  const most = Math.max(1, ...bars.map((b) => b.events));
  const step = width / bars.length;
  bars.forEach((bar, i) => {
    if (!bar.events) return;
    const h = Math.max(1, ((height - bottom - 4) * bar.events) / most);
    const rect = el("svg:rect", { x: (i * step + gap / 2).toFixed(1), y: (height - bottom - h).toFixed(1), width: Math.max(1, step - gap).toFixed(1), height: h.toFixed(1) });
    rect.append(el("svg:title", { text: `${bar.period}: ${bar.events}` }));
    svg.append(el("svg:a", { href: withFilters({ since: bar.period, until: bar.period }), class: "bar" }, rect));
  });
  const labels = Math.min(bars.length, 8);
  for (let k = 0; k < labels; k++) {
    const i = Math.round((k * (bars.length - 1)) / Math.max(1, labels - 1));
    // The end labels align inwards so that they are not cut at the edges.
    const anchor = k === 0 ? "start" : k === labels - 1 ? "end" : "middle";
    const x = k === 0 ? i * step : k === labels - 1 ? (i + 1) * step : i * step + step / 2;
    svg.append(el("svg:text", { x: x.toFixed(1), y: height - 5, "text-anchor": anchor, text: bars[i].period }));
  }
}

function drawEvents(page, offset) {
  const body = $("events").tBodies[0];
  body.replaceChildren();
  $("events-count").textContent = `${page.total} matching`;
  for (const e of page.events) {
    const story = `/?story=${encodeURIComponent(e.doc_id)}&event=${encodeURIComponent(e.event_id)}`;
    body.append(
      el("tr", { "data-doc": e.doc_id, "data-event": e.event_id },
        el("td", { text: e.day || "" }),
        el("td", {}, el("a", { class: "type", href: withFilters({ type: e.event_type }), text: e.event_type || "?" })),
        el("td", { text: participants(e.actors) }),
        el("td", { text: participants(e.recipients) }),
        el("td", {}, e.country ? el("a", { href: withFilters({ country: e.country }), text: e.country }) : "", e.place_name ? ` ${e.place_name}` : ""),
        el("td", { text: e.dead ?? "" }),
        el("td", { class: "evidence", text: e.sentence_text || e.trigger_text || "" }),
        el("td", {}, el("a", { href: story, text: e.title || e.doc_id })),
      ),
    );
  }
  const pager = $("pager");
  pager.replaceChildren();
  const { filters } = current();
  const link = (label, at) => {
    const q = new URLSearchParams(filters);
    if (at) q.set("offset", at);
    return el("a", { href: `/?${q}`, text: label });
  };
  if (offset > 0) pager.append(link("← newer", Math.max(0, offset - PAGE)));
  if (offset + PAGE < page.total) pager.append(link("older →", offset + PAGE));
}

// ---- story view -----------------------------------------------------------

// Every span of a record: [start, end) in Unicode scalar values, a class and the record item.
function spansOf(record) {
  const spans = [];
  const add = (span, kind, item) => {
    if (Array.isArray(span) && span.length === 2 && Number.isInteger(span[0]) && Number.isInteger(span[1]) && span[0] < span[1]) {
      spans.push({ start: span[0], end: span[1], kind, item });
    }
  };
  for (const entity of record.entities || []) for (const m of entity.mentions || []) add(m, "entity", entity);
  for (const place of record.places || []) for (const m of place.mentions || []) add(m, "place", place);
  for (const quote of record.quotes || []) {
    add(quote.span, "quote", quote);
    add(quote.speaker_span, "speaker", quote);
  }
  for (const figure of record.casualties || []) add(figure.span, "casualty", figure);
  for (const event of record.events || []) {
    const evidence = event.evidence || {};
    add(evidence.trigger, "trigger", event);
    for (const more of evidence.more || []) add(more.trigger, "trigger", event);
  }
  return spans;
}

function renderStoryText(container, text, spans, select) {
  // Offsets count Unicode scalar values; JavaScript strings count UTF-16 units.
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const s of spans) {
    cuts.add(Math.min(s.start, chars.length));
    cuts.add(Math.min(s.end, chars.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  container.replaceChildren();
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = chars.slice(from, to).join("");
    const covering = spans.filter((s) => s.start <= from && s.end >= to);
    if (!covering.length) {
      container.append(piece);
      continue;
    }
    const kinds = [...new Set(covering.map((s) => s.kind))];
    const mark = el("span", { class: `hl ${kinds.join(" ")}`, "data-ids": covering.map((s) => s.item.id).join(" "), text: piece });
    mark.addEventListener("click", () => select(covering, mark));
    container.append(mark);
  }
}

async function storyView(docId, eventId) {
  $("overview").hidden = true;
  $("filters").hidden = true;
  $("story-view").hidden = false;
  const record = await api(`/api/documents/${encodeURIComponent(docId)}`);
  const doc = record.doc || {};
  document.title = `${doc.title || doc.id} — dateline`;
  $("story-title").textContent = doc.title || doc.id || "";
  $("story-meta").textContent = [doc.published, doc.language, doc.publisher, doc.dateline && doc.dateline.text, doc.url].filter(Boolean).join(" · ");
  const spans = spansOf(record);
  const inspector = $("inspector-json");
  const select = (covering, mark) => {
    for (const old of document.querySelectorAll(".hl.selected")) old.classList.remove("selected");
    if (mark) mark.classList.add("selected");
    inspector.textContent = covering.map((s) => `${s.kind} ${s.item.id}\n${JSON.stringify(s.item, null, 2)}`).join("\n\n");
  };
  renderStoryText($("story-text"), doc.text || "", spans, select);
  const list = $("story-events");
  list.replaceChildren();
  for (const event of record.events || []) {
    const who = (event.actor || []).map((a) => a.text).join("; ");
    const whom = (event.recipient || []).map((a) => a.text).join("; ");
    const link = el("a", { href: `/?story=${encodeURIComponent(docId)}&event=${encodeURIComponent(event.id)}`, text: `${event.id} ${event.type || "?"}` });
    list.append(el("li", { "data-event": event.id }, link, ` ${who}${whom ? " → " + whom : ""}`));
  }
  if (eventId) {
    const event = (record.events || []).find((e) => e.id === eventId);
    if (event) select([{ kind: "event", item: event }], null);
  }
}

// ---- start ----------------------------------------------------------------

async function start() {
  const status = $("status");
  try {
    const stats = await api("/api/stats");
    const s = stats.stats;
    $("stats").textContent = `${s.documents} stories · ${s.events} events · ${s.entities} entities · ${s.places} places · ${s.quotes} quotes · ${s.casualties} casualty figures`;
    const typeSelect = $("f-type");
    for (const type of stats.event_types || []) typeSelect.append(el("option", { value: type, text: type }));
    const { params } = current();
    const story = params.get("story");
    if (story) await storyView(story, params.get("event"));
    else await overview();
    status.textContent = "Ready.";
    status.dataset.state = "ready";
  } catch (error) {
    showError(error);
    status.textContent = "Failed.";
    status.dataset.state = "error";
  }
}

document.addEventListener("DOMContentLoaded", start);
