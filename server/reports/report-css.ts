// A4 portrait, black on white, tables that break cleanly across pages.
export const REPORT_CSS = `
@page{size:A4;margin:16mm 14mm}
*{box-sizing:border-box}
body{font:11pt/1.4 "Times New Roman",Times,serif;color:#000;margin:0 auto;max-width:190mm;padding:8mm}
h1{font-size:15pt;text-align:center;margin:0 0 2mm}
.sub{text-align:center;margin:0 0 6mm}
h2{font-size:12pt;margin:6mm 0 2mm;break-after:avoid}
h3{font-size:11pt;margin:3mm 0 1.5mm;break-after:avoid}
table{width:100%;border-collapse:collapse;margin:0 0 3mm;font-size:10pt}
th,td{border:1px solid #444;padding:1mm 1.5mm;vertical-align:top}
th{background:#eee;text-align:left}
td.num{text-align:right;white-space:nowrap}
tr{break-inside:avoid}
.met{font-weight:bold}
.not_met{font-weight:bold;text-decoration:underline}
.note{font-size:9.5pt}
.actions{margin:0 0 6mm;font-family:system-ui,sans-serif}
.actions a,.actions button{margin-right:4mm;font:inherit;padding:2mm 4mm}
@media print{.actions{display:none}body{padding:0}}
@media screen and (max-width:600px){body{padding:3mm}table{font-size:8.5pt}th,td{padding:.6mm .8mm}td.num{white-space:normal}th{overflow-wrap:anywhere;hyphens:auto}}
`;
