export type PaperSize = 'a4' | 'a5';

export const paperSizeOf = (raw: string | undefined): PaperSize => (raw?.toLowerCase() === 'a5' ? 'a5' : 'a4');

const PAPER = {
  a4: { page: 'A4', width: 210, height: 297 },
  a5: { page: 'A5', width: 148, height: 210 },
} as const;

const MARGIN_MM = 10;

/**
 * Every size on the poster is a multiple of --u, one millimetre on A4, so the A5 poster is the
 * same design shrunk to fit (148/210) instead of a second layout to keep in step.
 * Inline on purpose: the page prints the same with no network and no other file.
 */
export function posterCss(size: PaperSize): string {
  const p = PAPER[size];
  return `
@page{size:${p.page};margin:${MARGIN_MM}mm}
:root{--u:${(p.width / PAPER.a4.width).toFixed(4)}mm;--pw:${p.width}mm;--ph:${p.height}mm;--m:${MARGIN_MM}mm}
*{box-sizing:border-box}
body{margin:0;font-family:"DejaVu Sans","Noto Sans",Roboto,"Segoe UI",Arial,sans-serif;color:#111;background:#dfe3e8}
.toolbar{position:sticky;top:0;z-index:1;display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:10px 16px;background:#fff;border-bottom:1px solid #c9d1d9;font-size:14px}
.toolbar .title{font-weight:600;margin-right:auto}
.toolbar .btn{display:inline-block;padding:8px 14px;border:1px solid #0b4f9c;border-radius:8px;background:#fff;color:#0b4f9c;font:600 14px system-ui,sans-serif;text-decoration:none;cursor:pointer}
.toolbar .btn.primary{background:#0b4f9c;color:#fff}
.toolbar .btn[aria-current=true]{background:#e7f0fb}
.toolbar .hint{flex-basis:100%;margin:0;color:#555;font-size:12px}
.toolbar .warn{flex-basis:100%;margin:0;padding:10px 12px;border:2px solid #b3261e;border-radius:8px;background:#fdecea;color:#1a1a1a;font-size:14px}
.toolbar .warn p{margin:4px 0 8px}
.toolbar .warn p:last-child{margin-bottom:0}
.sheet{display:flex;flex-direction:column;align-items:center;gap:16px;padding:16px}
.empty{background:#fff;border-radius:8px;padding:16px 20px}
.poster{width:var(--pw);height:var(--ph);padding:var(--m);background:#fff;box-shadow:0 2px 10px rgba(0,0,0,.25);
  display:flex;flex-direction:column;align-items:center;justify-content:space-between;text-align:center;overflow:hidden;break-after:page;break-inside:avoid}
.poster:last-child{break-after:auto}
.poster header{width:100%;border-bottom:calc(var(--u)*.8) solid #0b4f9c;padding-bottom:calc(var(--u)*3)}
.unit{margin:0;font-size:calc(var(--u)*5.2);color:#333;text-transform:uppercase;letter-spacing:.02em}
.counter{margin:calc(var(--u)*2) 0 0;font-size:calc(var(--u)*11);line-height:1.15;font-weight:700;color:#0b4f9c}
.sectors{margin:calc(var(--u)*2) 0 0;font-size:calc(var(--u)*5.2)}
.sectors .en{color:#555;font-size:calc(var(--u)*4)}
.invite{margin:0}
.invite .head{display:block;font-size:calc(var(--u)*9);font-weight:700;line-height:1.2}
.invite .tail{display:block;font-size:calc(var(--u)*6.5);margin-top:calc(var(--u)*1)}
.invite-en{margin:calc(var(--u)*1.5) 0 0;font-size:calc(var(--u)*4.6);color:#444}
.qr{display:block;width:calc(var(--u)*140);height:calc(var(--u)*140)}
.qr svg{display:block;width:100%;height:100%}
.address{margin:0}
.address .label{display:block;font-size:calc(var(--u)*4.2);color:#444}
.address .url{display:block;margin-top:calc(var(--u)*1);font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:calc(var(--u)*6.6);font-weight:700;word-break:break-all}
.poster.with-results .qr{width:calc(var(--u)*112);height:calc(var(--u)*112)}
.results{display:flex;align-items:center;gap:calc(var(--u)*3);text-align:left;font-size:calc(var(--u)*3.8);color:#333}
.results p{margin:0}
.results .en{display:block;color:#555}
.results .url{display:block;font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-weight:700;word-break:break-all}
.results-qr{flex:none;width:calc(var(--u)*30);height:calc(var(--u)*30)}
.results-qr svg{display:block;width:100%;height:100%}
.privacy{margin:0;font-size:calc(var(--u)*3.8);color:#444}
.privacy .en{display:block}
@media print{
  body{background:#fff}
  .toolbar{display:none}
  .sheet{display:block;padding:0}
  /* The page margin is the printer's; the poster fills what is left, a hair under so it never spills onto a second page. */
  .poster{width:auto;height:calc(var(--ph) - 2 * var(--m) - 1mm);padding:0;box-shadow:none}
  .poster header{border-bottom-color:#000}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
}
