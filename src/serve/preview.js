// The preview page's script: keeps the report, the findings and the banner
// current through the server's event stream, and shows a figure's explain
// trace. Text from the report's facts is always set as text.
"use strict";

let version = Number(document.body.dataset.version);
let selected = null;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function lines(list) {
  return list.length ? "第 " + list.join("、") + " 行" : "";
}

function figuresIn(names) {
  const wanted = new Set(names);
  return [...document.querySelectorAll(".jx-fig")].filter((f) => wanted.has(f.dataset.figure));
}

function highlight(item, finding) {
  document.querySelectorAll(".jx-hl").forEach((f) => f.classList.remove("jx-hl"));
  document.querySelectorAll("#jx-findings li.selected").forEach((li) => li.classList.remove("selected"));
  if (selected === finding.code + finding.message) {
    selected = null;
    return;
  }
  selected = finding.code + finding.message;
  item.classList.add("selected");
  const places = figuresIn(finding.figures);
  places.forEach((f) => f.classList.add("jx-hl"));
  if (places.length) places[0].scrollIntoView({ block: "center" });
}

function showFindings(view) {
  const list = document.getElementById("jx-findings");
  const summary = document.getElementById("jx-summary");
  list.replaceChildren();
  if (!view) return;
  const findings = view.findings;
  const errors = findings.filter((f) => f.severity === "error").length;
  summary.textContent = findings.length
    ? errors + " 处错误，" + (findings.length - errors) + " 处警告"
    : "核对通过，未发现问题";
  for (const finding of findings) {
    const item = el("li", finding.severity);
    item.append(el("span", "code", finding.code), el("span", "message", finding.message));
    item.append(el("span", "where", view.file + " " + lines(finding.lines)));
    if (!figuresIn(finding.figures).length) item.append(el("span", "absent", "报告中没有印出这些数字"));
    item.addEventListener("click", () => highlight(item, finding));
    list.append(item);
  }
}

function showBanner(error) {
  const banner = document.getElementById("jx-banner");
  banner.hidden = !error;
  document.getElementById("jx-banner-title").textContent = error ? error.title : "";
  document.getElementById("jx-banner-message").textContent = error ? error.message : "";
}

async function refresh() {
  const response = await fetch("/report", { cache: "no-store" });
  const report = await response.json();
  if (report.body !== null && report.version !== version) {
    document.getElementById("jx-report").innerHTML = report.body;
    document.title = report.title;
    hidePopover();
  }
  version = report.version;
  document.body.dataset.version = String(version);
  showFindings(report.findings);
  showBanner(report.error);
}

// The explain popover.
const popover = () => document.getElementById("jx-popover");
let shownFigure = null;

function hidePopover() {
  popover().hidden = true;
  if (shownFigure) shownFigure.classList.remove("shown");
  shownFigure = null;
}

function traceNode(trace) {
  const item = el("li");
  item.append(el("span", "label", trace.label || trace.name), document.createTextNode(" = " + trace.value));
  if (trace.fact) {
    item.append(el("span", "fact", "（事实，" + lines([trace.line]) + "）"));
  } else if (trace.formula) {
    item.append(el("span", "formula", "= " + trace.formula));
  }
  if (trace.inputs.length) {
    const inputs = el("ul");
    trace.inputs.forEach((input) => inputs.append(traceNode(input)));
    item.append(inputs);
  }
  return item;
}

async function explain(figure) {
  if (shownFigure === figure) return;
  hidePopover();
  shownFigure = figure;
  figure.classList.add("shown");
  const name = figure.dataset.figure;
  const response = await fetch("/explain?figure=" + encodeURIComponent(name), { cache: "no-store" });
  const trace = await response.json();
  if (shownFigure !== figure) return;
  const box = popover();
  box.replaceChildren(el("div", "name", name));
  if (trace.error) {
    box.append(el("div", "", trace.error));
  } else {
    const tree = el("ul");
    tree.append(traceNode(trace));
    box.append(tree);
  }
  const at = figure.getBoundingClientRect();
  box.style.left = Math.max(0, window.scrollX + at.left) + "px";
  box.style.top = window.scrollY + at.bottom + 4 + "px";
  box.hidden = false;
}

document.addEventListener("click", (event) => {
  const figure = event.target.closest(".jx-fig");
  if (figure) explain(figure);
  else if (!event.target.closest("#jx-popover")) hidePopover();
});
document.addEventListener("mouseover", (event) => {
  const figure = event.target.closest(".jx-fig");
  if (figure) explain(figure);
});

new EventSource("/events").onmessage = (event) => {
  if (Number(event.data) !== version) refresh();
};
refresh();
