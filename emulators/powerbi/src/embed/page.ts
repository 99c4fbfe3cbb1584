/**
 * The embed page's document: styles driven by CSS variables that a Power BI theme
 * (`themeJson`: background, foreground, foregroundNeutralSecondary, backgroundLight,
 * backgroundNeutral, tableAccent, dataColors) overrides, so a host in a dark theme can pass
 * its colours; page tabs (the report name is for screen readers only: hosts show their own title,
 * as with real embedded reports); the canvas the visuals go into.
 * The protocol script loads from `/reportEmbed/embed.js` in <head>, so its `message` listener
 * exists before the iframe's `load` event (powerbi-client posts `/report/load` once, on load).
 */
const styles = `
:root { --pbi-bg: #ffffff; --pbi-fg: #252423; --pbi-fg2: #605e5c; --pbi-bg-light: #f3f2f1; --pbi-neutral: #c8c6c4;
  --pbi-accent: #0f6cbd; --pbi-data1: #118dff; color-scheme: light; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { background: var(--pbi-bg); color: var(--pbi-fg); font: 14px/1.4 "Segoe UI", system-ui, -apple-system, sans-serif; }
body.transparent { background: transparent; }
.app { display: flex; flex-direction: column; height: 100%; }
.top { display: flex; align-items: center; gap: 16px; padding: 4px 16px 0; border-bottom: 1px solid var(--pbi-neutral); flex-wrap: wrap; }
.report-name { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.top:has(.tabs[hidden]) { border-bottom: 0; padding: 0; }
.tabs { display: flex; gap: 4px; }
.tabs[hidden] { display: none; }
.tab { font: inherit; color: var(--pbi-fg); background: transparent; border: 0; border-bottom: 3px solid transparent; padding: 6px 10px; cursor: pointer; }
.tab[aria-selected="true"] { border-bottom-color: var(--pbi-accent); font-weight: 600; }
.tab:focus-visible, .table-wrap:focus-visible { outline: 2px solid var(--pbi-accent); outline-offset: 2px; }
.canvas { flex: 1; overflow: auto; padding: 16px; }
.page { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; align-items: start; }
.visual-tableEx { grid-column: 1 / -1; }
.visual { background: var(--pbi-bg-light); border: 1px solid var(--pbi-neutral); border-radius: 8px; padding: 12px 16px; min-width: 0; }
.visual-title { margin: 0 0 8px; font-size: 15px; font-weight: 600; }
.visual-note, .status { color: var(--pbi-fg2); margin: 8px 0 0; }
.bars { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.bar-row { display: grid; grid-template-columns: minmax(90px, 30%) 1fr auto; gap: 8px; align-items: center; }
.bar-label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar-track { height: 18px; background: transparent; }
.bar { display: block; height: 100%; min-width: 2px; background: var(--pbi-data1); border-radius: 2px; }
.bar-value { font-variant-numeric: tabular-nums; }
.table-wrap { max-height: 60vh; overflow: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--pbi-neutral); white-space: nowrap; }
th { position: sticky; top: 0; background: var(--pbi-bg-light); border-bottom: 2px solid var(--pbi-accent); }
.num { text-align: right; }
.rls { padding: 4px 16px; font-size: 12px; color: var(--pbi-fg2); border-top: 1px solid var(--pbi-neutral); }
.overlay { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center; padding: 24px;
  background: var(--pbi-bg); text-align: center; }
.overlay[hidden] { display: none; }
.overlay h2 { margin: 0 0 8px; font-size: 18px; }
`;

/** The document served at `GET /reportEmbed` (query: reportId, groupId, uid). */
export function embedDocument(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Power BI report</title>
<style>${styles}</style>
<script src="/reportEmbed/embed.js"></script>
</head>
<body>
<div class="app">
  <div class="top" role="banner">
    <h1 class="report-name" id="report-name">Power BI report</h1>
    <div class="tabs" id="tabs" role="tablist" aria-label="Report pages" hidden></div>
  </div>
  <main class="canvas" id="canvas" aria-live="polite" aria-busy="true"><p class="status">Loading report…</p></main>
</div>
<div class="overlay" id="overlay" role="alert" hidden><div><h2 id="overlay-title"></h2><p id="overlay-text"></p></div></div>
</body>
</html>
`;
}
