// Inline on purpose, like the citizen pages: one request on a weak connection.
export const PUBLIC_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f6f8}
main{max-width:760px;margin:0 auto;padding:12px 8px}
header{display:flex;justify-content:space-between;align-items:flex-start;gap:8px}
h1{font-size:1.3rem;margin:.2em 0}h2{font-size:1.1rem;margin:1.2em 0 .4em}
a{color:#0b4f9c}a.lang{flex:none;display:inline-flex;align-items:center;min-height:44px;padding:10px 12px}
section{background:#fff;border:1px solid #d0d7de;border-radius:10px;padding:10px;margin:12px 0}
ul.rates{list-style:none;margin:0;padding:0}
ul.rates li{padding:8px 0;border-top:1px solid #e5e8eb}
ul.rates li:first-child{border-top:0}
.name{font-weight:600;overflow-wrap:anywhere}
.fig{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline}
.big{font-size:1.25rem;font-weight:700}
.met{color:#1a7f37;font-weight:600}.not_met{color:#b3261e;font-weight:600}.too_few{color:#555}
.small{font-size:.85rem;color:#444}
.hidden{color:#555;font-style:italic}
.bars{list-style:none;margin:0;padding:0}
.bars li{display:grid;grid-template-columns:6.5em 1fr 3.5em;gap:6px;align-items:center;margin:4px 0;font-size:.9rem}
.bar{height:14px;background:#e5e8eb;border-radius:4px;overflow:hidden}
.bar span{display:block;height:100%;background:#0b4f9c}
.counts{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:6px;text-align:center}
.counts b{display:block;font-size:1.3rem}
blockquote{margin:8px 0;padding:6px 10px;border-left:4px solid #0b4f9c;background:#f4f8fd}
table.trend{width:100%;border-collapse:collapse;margin-top:10px;font-size:.8rem;table-layout:fixed}
table.trend caption{text-align:left;font-weight:600;padding:4px 0}
table.trend th,table.trend td{padding:4px 2px;border-top:1px solid #e5e8eb;text-align:right;overflow-wrap:anywhere}
table.trend th:first-child{text-align:left;width:30%}
footer{font-size:.85rem;color:#444;margin:16px 0}
`;
