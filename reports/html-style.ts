// The HTML report's stylesheet (besides uPlot's own): readable tables, changes in colour, problems marked.
export const PAGE_CSS = `
:root { color-scheme: light; --muted: #5f6368; --line: #d0d4da; --bad: #b3261e; --bad-bg: #fdecea; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1rem 1.5rem 4rem; color: #1b1d21; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { border-top: 3px solid #1f5fa8; padding-top: .6rem; margin-top: 2.5rem; }
h3 { margin-top: 1.6rem; }
.muted { color: var(--muted); font-weight: normal; }
nav ul { columns: 2; padding-left: 1.2rem; }
table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f1f3f6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure.trend { margin: 0 0 1.5rem; padding: .6rem .8rem; border: 1px solid var(--line); border-radius: 6px; }
figure.trend figcaption { margin-bottom: .4rem; }
.chart { min-height: 220px; }
table.coverage td.gap { background: #fff7e0; color: var(--muted); text-align: center; }
.counts { white-space: nowrap; }
a.src, span.src { font-size: .85em; white-space: nowrap; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 4px; font-size: .85em; white-space: nowrap; background: #eceff3; }
tr.indicator-added .badge, tr.goal-added .badge { background: #e3f4e6; color: #1e6b2f; }
tr.indicator-dropped .badge, tr.goal-dropped .badge { background: var(--bad-bg); color: var(--bad); }
tr.indicator-renamed .badge, tr.goal-reworded .badge { background: #fff1d6; color: #7a4d00; }
tr.target-moved .badge { background: #e4eefb; color: #1f5fa8; }
del { background: var(--bad-bg); color: var(--bad); }
ins { background: #e3f4e6; color: #1e6b2f; text-decoration: none; }
article.document { border-left: 4px solid var(--line); padding: .2rem 0 .2rem 1rem; margin: 1.2rem 0; }
article.document.problems { border-left-color: var(--bad); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .4rem 0; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
.bad { color: var(--bad); }
tr.bad td { background: var(--bad-bg); }
`;
