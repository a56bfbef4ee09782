// Inline on purpose: one request, nothing to fetch on a weak connection.
export const CITIZEN_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f6f8}
main{max-width:560px;margin:0 auto;padding:12px 8px}
header{display:flex;justify-content:space-between;align-items:flex-start;gap:8px}
h1{font-size:1.25rem;margin:.2em 0}
.where{margin:0;color:#444}
a.lang{flex:none;display:inline-flex;align-items:center;min-height:44px;padding:10px 12px}
fieldset{min-width:0;border:1px solid #d0d7de;border-radius:10px;background:#fff;margin:12px 0;padding:10px 8px 12px}
legend{font-weight:600;padding:0 4px}
.hint{font-weight:400;color:#555;font-size:.85rem}
.num{font-weight:400;color:#555;margin-right:.35em}
.length{color:#444;font-size:.9rem}
.scale{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:3px;margin-top:6px}
.s3{grid-template-columns:repeat(3,minmax(0,1fr))}
.opt{position:relative;display:flex;flex-direction:column;align-items:center;justify-content:flex-start;min-height:64px;padding:6px 1px;border:2px solid #d0d7de;border-radius:8px;text-align:center;font-size:.72rem;line-height:1.2;overflow-wrap:anywhere;cursor:pointer;background:#fff}
.opt input{position:absolute;opacity:0;width:100%;height:100%;margin:0;cursor:pointer}
.opt .face{font-size:1.6rem;line-height:1.2}
.opt:has(input:checked){border-color:#0b4f9c;background:#e7f0fb;font-weight:600}
.opt:has(input:focus-visible){outline:3px solid #f5a623;outline-offset:2px}
.na{display:inline-flex;align-items:center;gap:6px;min-height:44px;margin-top:4px;font-size:.9rem}
.na input,.choice input{flex:none;width:22px;height:22px}
.choice{display:flex;align-items:center;gap:8px;min-height:44px}
input[type=number],input[type=text],input[type=tel],select,textarea{width:100%;min-height:44px;padding:8px;font:inherit;border:1px solid #8c959f;border-radius:8px}
textarea{min-height:88px}
label.block{display:block;font-weight:600;margin:12px 0 4px}
.err{color:#b3261e;font-weight:600;margin:6px 0 0}
.has-err{border-color:#b3261e}
.summary{background:#fdecea;border:2px solid #b3261e;border-radius:10px;padding:10px;margin:10px 0}
button{width:100%;min-height:52px;margin:16px 0 8px;border:0;border-radius:10px;background:#0b4f9c;color:#fff;font:600 1.1rem system-ui,sans-serif;cursor:pointer}
button:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.status{font-weight:600;min-height:1.4em}
.status.ok{color:#1a7f37}
.status.wait{color:#8a5a00}
.privacy{font-size:.85rem;color:#444}
.done{background:#fff;border-radius:10px;padding:20px;text-align:center;margin-top:24px}
.done .big{font-size:3rem}
.done.wait{border:2px solid #8a5a00}
.done .case{text-align:left;background:#fff8e1;border-left:4px solid #8a5a00;padding:8px 10px}
.ref{font-size:1.1rem;letter-spacing:.04em;white-space:nowrap}
.done .en{margin-top:16px;padding-top:8px;border-top:1px solid #d0d7de}
.done h2{font-size:1.1rem;margin:.4em 0}
a{color:#0b4f9c}
.preview{background:#fff4ce;border:2px dashed #8a5a00;border-radius:10px;padding:8px 10px;margin:8px 0;font-weight:600}
`;
