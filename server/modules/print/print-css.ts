/**
 * The stylesheet of the print pages, served at /api/print/print.css: the CSP allows styles from
 * 'self' only, so the pages carry no <style> element and no style attribute. A4 portrait; table
 * headers repeat on every printed page; each bill of a daily summary starts a new page.
 */
/** `.w-<n>`: a column of n % of its table (the pages may carry no style attributes). */
const WIDTHS = Array.from({ length: 50 }, (_, i) => `.w-${i + 1} { width: ${i + 1}%; }`).join('\n');

export const PRINT_CSS = `@page {
  size: A4 portrait;
  margin: 14mm 12mm 16mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, Helvetica, sans-serif; color: #555; }
  @bottom-left { content: "TraceTrack"; font: 8pt Arial, Helvetica, sans-serif; color: #555; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 10pt/1.35 Arial, Helvetica, "Liberation Sans", sans-serif; color: #111; background: #fff; }
.sheet { max-width: 186mm; margin: 0 auto; }
.doc-head { display: flex; justify-content: space-between; align-items: flex-end; gap: 8mm;
  border-bottom: 2px solid #111; padding-bottom: 2.5mm; margin-bottom: 4mm; }
.brand { display: flex; flex-direction: column; }
.brand-name { font-size: 18pt; font-weight: 700; letter-spacing: 0.02em; }
.doc-kind { font-size: 10pt; text-transform: uppercase; letter-spacing: 0.08em; color: #444; }
.doc-id { display: flex; flex-direction: column; align-items: flex-end; text-align: right; min-width: 0; }
.doc-id-label { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.08em; color: #444; }
.doc-id-value { font-size: 16pt; font-weight: 700; overflow-wrap: anywhere; }
.facts, .figures { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5mm 8mm; margin: 0 0 4mm; }
.figures { grid-template-columns: 1fr 1fr 1fr; }
.facts div, .figures div { display: flex; gap: 3mm; border-bottom: 1px solid #ddd; padding: 1mm 0; min-width: 0; }
dt { flex: 0 0 32mm; color: #444; }
.figures dt { flex-basis: 29mm; }
dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; min-width: 0; }
.description { margin: 0 0 4mm; overflow-wrap: anywhere; }
.description-label { color: #444; margin-right: 2mm; }
table.lines { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0 0 4mm; }
table.lines caption { text-align: left; font-weight: 700; font-size: 11pt; padding: 0 0 1.5mm; }
table.lines th, table.lines td { border: 1px solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
table.lines thead th { background: #e8e8e8; font-weight: 700; overflow-wrap: normal; }
table.lines tbody tr:nth-child(even) td { background: #f6f6f6; }
table.lines tfoot th, table.lines tfoot td { font-weight: 700; border-top: 2px solid #111; }
table.lines .num { text-align: right; font-variant-numeric: tabular-nums; }
table.lines td.num { white-space: nowrap; }
table.lines .code { font-family: "DejaVu Sans Mono", Consolas, monospace; overflow-wrap: anywhere; }
table.lines .empty { text-align: center; color: #555; padding: 3mm; }
table.overview { font-size: 8.5pt; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.totals { border: 1.5px solid #111; padding: 2mm 3mm 0; margin: 0 0 8mm; break-inside: avoid; }
.signatures { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 10mm; margin: 14mm 0 4mm; break-inside: avoid; }
.signature-line { border-bottom: 1px solid #111; height: 12mm; }
.signature-label { font-weight: 700; padding-top: 1mm; }
.signature-hint { font-size: 8pt; color: #555; }
.printed { font-size: 8pt; color: #555; margin: 2mm 0 0; }
.bill + .bill, .day + .bill { break-before: page; page-break-before: always; }
${WIDTHS}
@media screen {
  body { background: #e9e9e9; padding: 8mm 0; }
  .sheet { max-width: 210mm; background: #fff; padding: 14mm 12mm 16mm; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
  .bill + .bill, .day + .bill { margin-top: 12mm; padding-top: 12mm; border-top: 2px dashed #999; }
}
@media print {
  .sheet { max-width: none; }
}
`;
