// The what-if page: controls from /api/levers, the scenario from /api/scenario, each change evaluated by
// /api/evaluate. Only the controls the user moved are sent, in a document that extends the picked file.
"use strict";

const TEXT = {
  en: {
    title: "carbonsim: what if", scenario: "Scenario", reset: "Reset", pin: "Pin to compare", download_yaml: "Scenario YAML",
    download_workbook: "Workbook (xlsx)", download_svg: "Charts (SVG)", targets: "Targets (\"1\")", plan_table: "Plan periods",
    observed_note: "Shaded columns are years already past: the model's values, to compare with the statistical yearbook.",
    tray: "Comparison tray", tray_note: "Pin the current settings to compare up to four scenarios side by side.",
    sweep: "Sweep", indicator: "Indicator", unit: "Unit", target: "Target", period: "Period", year: "Year", required: "Required",
    achieved: "Achieved", result: "Result", gap: "Margin", pass: "PASS", fail: "FAIL", never: "never", start: "start", full: "full by",
    shape: "shape", base: "base", updated: "updated in", ms: "ms", remove: "remove", whatif: "what-if", probability: "Probability",
    factor: "Factor", sensitivity: "Sensitivity", peak: "Peak", cumulative: "Cumulative net CO2", neutrality: "Net zero",
    cost: "Cost", co2_2030: "CO2 gross 2030", passed: "Targets met", error: "Not run:", other_language: "中文",
    shape_linear: "linear", shape_logistic: "logistic", shape_step: "step",
    not_a_number: "not a number, not run:", shortfalls: "Cannot be honoured", warnings: "Warnings",
  },
  zh: {
    title: "carbonsim：情景推演", scenario: "情景", reset: "重置", pin: "固定以比较", download_yaml: "情景YAML",
    download_workbook: "工作簿（xlsx）", download_svg: "图表（SVG）", targets: "目标（“1”）", plan_table: "五年规划时期",
    observed_note: "灰底列为已过去的年份：为模型值，可与统计年鉴对照。",
    tray: "比较栏", tray_note: "固定当前设置，最多并排比较四个情景。",
    sweep: "参数扫描", indicator: "指标", unit: "单位", target: "目标", period: "时期", year: "年份", required: "要求",
    achieved: "实现", result: "结果", gap: "差距", pass: "达标", fail: "未达标", never: "未实现", start: "起始", full: "达效",
    shape: "形态", base: "基线", updated: "计算用时", ms: "毫秒", remove: "移除", whatif: "调整", probability: "达标概率",
    factor: "因素", sensitivity: "敏感性", peak: "峰值", cumulative: "累计净排放", neutrality: "碳中和",
    cost: "成本", co2_2030: "2030年CO2排放", passed: "达标目标", error: "未运行：", other_language: "English",
    shape_linear: "线性", shape_logistic: "S形", shape_step: "阶跃",
    not_a_number: "不是数字，未运行：", shortfalls: "无法按设定实现之处", warnings: "提示",
  },
};

const state = {
  lang: "zh", config: null, catalog: null, scenarios: [], base: null, settings: null,
  changes: {},          // control path -> value (lever: {target,start,full,shape}; target: number; switch: bool)
  evaluation: null, wedges: null, pinned: [], inFlight: false, pending: false, wedgeTimer: null, generation: 0,
};

const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[state.lang][key] ?? key;
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
};

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw Object.assign(new Error(body.error || String(body)), { status: response.status, body });
  return body;
}

// ---- The scenario document the page sends ----

function setPath(doc, path, value) {
  const keys = path.split(".");
  let node = doc;
  for (const k of keys.slice(0, -1)) node = node[k] ??= {};
  node[keys[keys.length - 1]] = value;
}

function currentDocument() {
  const title = state.settings ? state.settings.name : "scenario";
  const doc = { name: `${title} (${t("whatif")})`, extends: state.base };
  for (const [path, value] of Object.entries(state.changes)) setPath(doc, path, value);
  return doc;
}

const documentText = (doc) => JSON.stringify(doc, null, 2);

// ---- Controls ----

function leverState(control) {
  const moved = state.changes[control.path];
  if (moved) return moved;
  const s = state.settings?.levers[control.path];
  if (s) return { target: s.level, start: s.start, full: s.full, shape: s.shape };
  return { target: control.baseline ?? control.min, start: 2026, full: 2030, shape: "linear" };
}

function buildControls() {
  const aside = $("controls");
  aside.replaceChildren();
  for (const group of state.catalog.groups) {
    // Sector plans open; targets and measures folded (open them to change a target).
    const details = el("details", { "data-group": group.key }, el("summary", {}, el("h3", { text: group.label })));
    details.open = group.key === "N" || Object.keys(state.changes).some((p) => group.controls.some((c) => c.path === p));
    for (const c of group.controls) details.append(control(c));
    aside.append(details);
  }
}

function control(c) {
  const box = el("div", { class: "control" + (c.path in state.changes ? " moved" : ""), "data-path": c.path, title: c.description });
  const id = "c-" + c.path.replaceAll(".", "-");
  box.append(el("label", { for: id, text: `${c.label} ` }, el("span", { class: "unit", text: c.unit ? `(${c.unit})` : "" })));
  const row = el("div", { class: "row" });
  box.append(row);
  if (c.kind === "switch") {
    const box2 = el("input", { type: "checkbox", id });
    box2.checked = state.changes[c.path] ?? state.settings?.enforceDualControl ?? false;
    box2.addEventListener("change", () => { state.changes[c.path] = box2.checked; moved(box); });
    row.append(box2);
    return box;
  }
  if (c.kind === "target") {
    const input = el("input", { type: "number", id, min: c.min, max: c.max, step: c.step });
    const v = state.changes[c.path] ?? state.settings?.targets[c.path];
    if (v !== undefined) input.value = v;
    input.addEventListener("change", () => {
      // Text that is no number (abc) reads as "" in a number box: told, never run as the file's value or as 0.
      if (input.validity.badInput) return notANumber(c);
      if (input.value === "") delete state.changes[c.path]; else state.changes[c.path] = Number(input.value);
      moved(box);
    });
    row.append(input);
    return box;
  }
  const s = leverState(c);
  const slider = el("input", { type: "range", id, min: c.min, max: c.max, step: c.step, value: s.target });
  const number = el("input", { type: "number", min: c.min, max: c.max, step: c.step, value: s.target, "aria-label": c.label });
  row.append(slider, number);
  const when = el("div", { class: "when" });
  const start = el("input", { type: "number", min: 2020, max: 2060, value: s.start, "aria-label": t("start") });
  const full = el("input", { type: "number", min: 2020, max: 2060, value: s.full, "aria-label": t("full") });
  const shape = el("select", { "aria-label": t("shape") });
  for (const name of ["linear", "logistic", "step"]) shape.append(el("option", { value: name, text: t(`shape_${name}`) }));
  shape.value = s.shape;
  when.append(`${t("start")} `, start, ` ${t("full")} `, full, ` ${t("shape")} `, shape);
  if (c.baseline !== null && c.baseline !== undefined) when.append(el("span", { class: "base", text: ` · ${t("base")} 2030: ${c.baseline}` }));
  box.append(when);
  const update = (value) => {
    state.changes[c.path] = { target: Number(value), start: Number(start.value), full: Number(full.value), shape: shape.value };
    moved(box);
  };
  slider.addEventListener("input", () => { number.value = slider.value; update(slider.value); });
  // An empty or non-numeric box is never sent (Number("") is 0: a lever would silently drop to zero).
  const numeric = (input) => !input.validity.badInput && input.value.trim() !== "" && Number.isFinite(Number(input.value));
  number.addEventListener("change", () => {
    if (!numeric(number)) return notANumber(c);
    slider.value = number.value;
    update(number.value);
  });
  for (const e of [start, full, shape]) e.addEventListener("change", () => {
    if (e !== shape && !numeric(e)) return notANumber(c);
    if (!numeric(number)) return notANumber(c);
    update(number.value);
  });
  return box;
}

function notANumber(c) {
  $("errors").hidden = false;
  $("errors").textContent = `${t("not_a_number")} ${c.label}`;
  $("status").textContent = t("error");
}

function moved(box) {
  box.classList.add("moved");
  evaluate();
}

// ---- Evaluation ----

// One request at a time; moves made meanwhile are sent together when it returns (the newest settings win).
async function evaluate() {
  if (state.inFlight) { state.pending = true; return; }
  state.inFlight = true;
  state.pending = false;
  const generation = ++state.generation;
  const began = performance.now();
  try {
    const body = documentText(currentDocument());
    const result = await api(`/api/evaluate?lang=${state.lang}&charts=trajectory,stack`, { method: "POST", body });
    state.evaluation = result;
    $("errors").hidden = true;
    render(result);
    $("status").textContent = `${t("updated")} ${Math.round(performance.now() - began)} ${t("ms")}`;
    $("status").dataset.generation = generation;
    scheduleWedges();
  } catch (error) {
    showError(error);
  } finally {
    state.inFlight = false;
    if (state.pending) evaluate();
  }
}

// An input error names the control's key, what is wrong and what is accepted; its place in the document the page
// wrote ("request:3:49") means nothing to someone moving a slider, so it is left out.
function showError(error) {
  $("errors").hidden = false;
  const items = error.body && Array.isArray(error.body.errors) ? error.body.errors : [];
  const zh = state.lang === "zh";
  const lines = items.map((e) => (e.key ? `${e.key}${zh ? "：" : ": "}` : "") + e.message
    + (e.accepted ? (zh ? `（可接受：${e.accepted}）` : ` (accepted: ${e.accepted})`) : ""));
  $("errors").textContent = `${t("error")} ${lines.length ? lines.join("\n") : error.message}`;
  $("status").textContent = t("error");
}

// The wedges rerun the model for every combination of lever families: drawn once the controls rest.
function scheduleWedges() {
  clearTimeout(state.wedgeTimer);
  const generation = state.generation;
  state.wedgeTimer = setTimeout(async () => {
    try {
      const body = documentText(currentDocument());
      const result = await api(`/api/evaluate?lang=${state.lang}&charts=wedges`, { method: "POST", body });
      if (generation !== state.generation) return;  // the settings or the language changed meanwhile
      state.wedges = result.charts.wedges;
      $("chart-wedges").innerHTML = state.wedges;
    } catch (error) { /* shown by the main evaluation */ }
  }, 400);
}

function render(e) {
  // Headline
  const h = $("headline");
  h.replaceChildren(...e.headline.lines.map(([label, value]) => el("div", { class: "card" }, el("b", { text: label }), el("span", { text: value }))));
  // Targets
  const tt = $("targets-table");
  tt.replaceChildren(el("tr", {}, ...["target", "period", "year", "required", "achieved", "gap", "result"].map((k) => el("th", { text: t(k) }))));
  for (const c of e.targets) {
    tt.append(el("tr", { "data-target": `${c.kind}-${c.year}` }, el("td", { text: c.label }), el("td", { text: c.period }),
      el("td", { class: "num", text: c.year }), el("td", { class: "num", text: c.requiredText }),
      el("td", { class: "num", text: c.achieved == null ? t("never") : c.achievedText }),
      el("td", { class: "num", text: c.gap == null ? "–" : c.gapText }),
      el("td", { class: c.passed ? "pass" : "fail", text: c.passed ? t("pass") : t("fail") })));
  }
  // Plan-period table
  const pt = $("plan-table");
  const head = el("tr", {}, el("th", { text: t("indicator") }), el("th", { text: t("unit") }), el("th", { class: "observed", text: e.startLabel }));
  for (const p of e.periods) head.append(el("th", { class: p.observed ? "observed" : "", text: p.label }));
  pt.replaceChildren(head);
  for (const r of e.rows) {
    const tr = el("tr", { "data-series": r.series }, el("td", { text: r.label }), el("td", { text: r.unit }),
      el("td", { class: "num observed", "data-col": 0, "data-value": r.values[0] ?? "", text: r.start }));
    r.ends.forEach((v, k) => tr.append(el("td", { class: "num" + (e.periods[k].observed ? " observed" : ""), "data-col": k + 1, "data-value": r.values[k + 1] ?? "" },
      v, " ", el("span", { class: "change", text: `(${r.changes[k]})` }))));
    pt.append(tr);
  }
  $("chart-trajectory").innerHTML = e.charts.trajectory || "";
  $("chart-stack").innerHTML = e.charts.stack || "";
  // What the scenario asks that cannot be honoured, and what loaded but is probably not meant (0.3 for 30 %), as
  // `run` prints them: the numbers above are otherwise read as what the settings give.
  const notes = [];
  if (e.shortfalls.length) notes.push(`${t("shortfalls")}\n` + e.shortfalls.map((x) => `  ${x}`).join("\n"));
  if (e.warnings.length) notes.push(`${t("warnings")}\n` + e.warnings.map((x) => `  ${x}`).join("\n"));
  $("notices").hidden = notes.length === 0;
  $("notices").textContent = notes.join("\n");
}

// ---- Scenario picker, language, reset ----

async function pick(name) {
  state.base = name;
  state.changes = {};
  state.settings = await api(`/api/scenario?name=${encodeURIComponent(name)}`);
  buildControls();
  await evaluate();
}

async function loadLanguage(lang) {
  state.lang = lang;
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  $("lang-toggle").textContent = t("other_language");
  state.wedges = null;
  $("chart-wedges").replaceChildren();
  state.catalog = await api(`/api/levers?lang=${lang}`);
  // The scenarios by their names in this language (the file name after), their descriptions as tooltips.
  state.scenarios = await api(`/api/scenarios?lang=${lang}`);
  for (const option of $("scenario-picker").options) {
    const s = state.scenarios.find((x) => x.name === option.value);
    if (s) { option.textContent = s.title === s.name ? s.name : `${s.title} (${s.name})`; option.title = s.description; }
  }
  buildControls();
  renderTray();
  if (state.base) await evaluate();
  if (state.config.sweep) loadSweep();
}

// ---- Downloads ----

function save(name, type, text) {
  const a = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

async function downloadYAML() {
  try {
    const yaml = await api("/api/scenario.yaml", { method: "POST", body: documentText(currentDocument()) });
    save(`${state.base.replace(/\.ya?ml$/, "").replaceAll("/", "-")}-whatif.yaml`, "application/yaml", yaml);
  } catch (error) { showError(error); }
}

async function downloadWorkbook() {
  try {
    const response = await fetch(`/api/workbook.xlsx?lang=${state.lang}`, { method: "POST", body: documentText(currentDocument()) });
    if (!response.ok) throw Object.assign(new Error((await response.json()).error), { status: response.status });
    save(`${state.base.replace(/\.ya?ml$/, "").replaceAll("/", "-")}-whatif.xlsx`,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", await response.blob());
  } catch (error) { showError(error); }
}

function downloadSVG() {
  const charts = { ...(state.evaluation?.charts || {}), ...(state.wedges ? { wedges: state.wedges } : {}) };
  for (const [name, svg] of Object.entries(charts)) save(`${name}.svg`, "image/svg+xml", svg);
}

// ---- Comparison tray ----

function pin() {
  if (!state.evaluation) return;
  if (state.pinned.length >= (state.config.maximumCompared || 4)) state.pinned.shift();
  state.pinned.push({ doc: currentDocument(), evaluation: state.evaluation });
  renderTray();
}

async function renderTray() {
  const tray = $("tray");
  tray.replaceChildren();
  if (!state.pinned.length) { $("tray-chart").replaceChildren(); return; }
  const row = (label, f) => el("tr", {}, el("th", { text: label }), ...state.pinned.map((p) => el("td", { class: "num", text: f(p.evaluation) })));
  // Every number as the headline cards and the table show it, with its unit (万吨 under zh, Mt in English).
  const co2 = (e) => {
    const r = e.rows.find((r) => r.series === "co2_gross");
    const k = e.periods.findIndex((p) => p.endYear === 2030);
    return r && k >= 0 ? `${r.ends[k]} ${r.unit}` : "–";
  };
  const line = (k) => (e) => e.headline.lines[k]?.[1] ?? "–";  // peak, plateau, cumulative, net zero, cost
  const head = el("tr", {}, el("th"), ...state.pinned.map((p, i) => {
    const remove = el("button", { type: "button", text: "×", title: t("remove") });
    remove.addEventListener("click", () => { state.pinned.splice(i, 1); renderTray(); });
    return el("th", {}, `${i + 1}. ${p.doc.extends} `, remove);
  }));
  tray.append(head,
    row(t("peak"), line(0)),
    row(t("co2_2030"), co2),
    row(t("cumulative"), line(2)),
    row(t("neutrality"), line(3)),
    row(t("cost"), line(4)),
    row(t("passed"), (e) => `${e.targets.filter((c) => c.passed).length} / ${e.targets.length}`));
  try {
    const docs = state.pinned.map((p, i) => ({ ...p.doc, name: `${i + 1}. ${p.doc.name}` }));
    $("tray-chart").innerHTML = await api(`/api/compare?lang=${state.lang}`, { method: "POST", body: JSON.stringify({ scenarios: docs }) });
  } catch (error) { showError(error); }
}

// ---- Sweep (--db) ----

// A sweep factor or target by the name its control has on the page (its path when it has none).
function controlLabel(path) {
  const lever = path.replace(/\.target$/, "");
  for (const g of state.catalog?.groups ?? []) {
    for (const c of g.controls) {
      if (c.path === lever || c.path === "targets." + path) return c.label;
      // Targets set per year or period: the control's label without its year ("... 2030").
      if (c.path.startsWith("targets." + path + ".")) return c.label.replace(/\s+\S+$/, "");
    }
  }
  return path;
}

async function loadSweep() {
  $("sweep-section").hidden = false;
  $("sweep-fan").src = `/api/sweep/fan.svg?lang=${state.lang}`;
  $("sweep-tornado").src = `/api/sweep/tornado.svg?lang=${state.lang}`;
  const s = await api("/api/sweep");
  const first = s.scenarios[0];
  if (!first) return;
  const targets = $("sweep-targets");
  targets.replaceChildren(el("tr", {}, ...["target", "year", "required", "probability"].map((k) => el("th", { text: t(k) }))));
  for (const p of first.targets) {
    targets.append(el("tr", {}, el("td", { text: controlLabel(p.target) }), el("td", { class: "num", text: p.year }), el("td", { class: "num", text: p.required }),
      el("td", { class: "num", text: p.probability === null ? "–" : `${(100 * p.probability).toFixed(0)}% [${(100 * p.lower).toFixed(0)}–${(100 * p.upper).toFixed(0)}]` })));
  }
  const sens = $("sweep-sensitivity");
  // The first output that varies (in history mode every run may peak in the same observed year): as the tornado.
  const varies = (x) => x.factors.some((f) => (f.total ?? f.first) != null);
  const peak = first.sensitivity.find(varies) || first.sensitivity[0];
  const outputs = { peak_value: t("peak"), cumulative_co2: t("cumulative") };
  const method = peak ? (peak.method === "sobol" ? "Sobol" : "SRC") : "";
  sens.replaceChildren(el("tr", {}, el("th", { text: t("factor") }), el("th", { text: `${t("sensitivity")} (${peak ? (outputs[peak.output] ?? peak.output) + ", " + method : ""})` })));
  if (peak) {
    const rank = (f) => Math.abs(f.total ?? f.first ?? 0);
    for (const f of [...peak.factors].sort((a, b) => rank(b) - rank(a))) {
      sens.append(el("tr", {}, el("td", { text: controlLabel(f.factor), title: f.factor }), el("td", { class: "num", text: (f.total ?? f.first) == null ? "–" : (f.total ?? f.first).toFixed(3) })));
    }
  }
}

// ---- Start ----

async function start() {
  state.config = await api("/api/config");
  $("download-workbook").hidden = !state.config.workbook;
  state.scenarios = await api("/api/scenarios");
  const picker = $("scenario-picker");
  for (const s of state.scenarios) picker.append(el("option", { value: s.name, text: s.name }));
  picker.addEventListener("change", () => pick(picker.value));
  $("reset").addEventListener("click", () => pick(state.base));
  $("pin").addEventListener("click", pin);
  $("download-yaml").addEventListener("click", downloadYAML);
  $("download-svg").addEventListener("click", downloadSVG);
  $("download-workbook").addEventListener("click", downloadWorkbook);
  $("lang-toggle").addEventListener("click", () => loadLanguage(state.lang === "zh" ? "en" : "zh"));
  const initial = state.scenarios.find((s) => s.name === "announced.yaml") || state.scenarios[0];
  state.base = initial ? initial.name : null;
  picker.value = state.base;
  if (state.base) state.settings = await api(`/api/scenario?name=${encodeURIComponent(state.base)}`);
  await loadLanguage(state.config.language);
}

start().catch(showError);
