import { APP_TITLE, formatDay } from './print-format.js';
import {
  SIGNATURES,
  SIGNATURE_HINT,
  billFactsOf,
  billFiguresOf,
  dayFactsOf,
  overviewTableOf,
  parentsTableOf,
  printedLine,
  type Facts,
  type TableModel,
} from './print-content.js';
import type { PrintBill, PrintDay, PrintMeta } from './print.presenter.js';

/** Where the page finds its stylesheet (served by print.routes; CSP style-src 'self'). */
export const PRINT_CSS_PATH = '/api/print/print.css';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and quoted attributes: every value printed goes through it. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The page around a body: no inline style or script anywhere (CSP). */
function page(title: string, body: string, cssHref: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="${esc(cssHref)}">
</head>
<body>
<main class="sheet">
${body}
</main>
</body>
</html>
`;
}

function docHead(kind: string, label: string, value: string): string {
  return `<header class="doc-head">
<div class="brand"><span class="brand-name">${esc(APP_TITLE)}</span><span class="doc-kind">${esc(kind)}</span></div>
<div class="doc-id"><span class="doc-id-label">${esc(label)}</span><span class="doc-id-value">${esc(value)}</span></div>
</header>`;
}

function factsHtml(facts: Facts, className: string): string {
  const items = facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`);
  return `<dl class="${className}">${items.join('')}</dl>`;
}

function cellClass(column: TableModel['columns'][number] | undefined, isHeader = false): string {
  const classes = [column?.align === 'right' ? 'num' : '', column?.code && !isHeader ? 'code' : ''];
  const joined = classes.filter((c) => c !== '').join(' ');
  return joined === '' ? '' : ` class="${joined}"`;
}

/** A table with fixed column widths (classes), a header that repeats on each printed page. */
function tableHtml(table: TableModel): string {
  const { columns } = table;
  const cols = columns.map((c) => `<col class="w-${c.width}">`).join('');
  const head = columns.map((c) => `<th${cellClass(c, true)}>${esc(c.header)}</th>`).join('');
  const rows = table.rows.map(
    (row) =>
      `<tr>${row.map((cell, i) => `<td${cellClass(columns[i])}>${esc(cell)}</td>`).join('')}</tr>`,
  );
  const body =
    rows.length > 0
      ? rows.join('\n')
      : `<tr><td colspan="${columns.length}" class="empty">${esc(table.empty)}</td></tr>`;
  const [first = '', ...rest] = table.footer.cells;
  const span = table.footer.span;
  const foot =
    `<th colspan="${span}">${esc(first)}</th>` +
    rest.map((cell, i) => `<td${cellClass(columns[span + i])}>${esc(cell)}</td>`).join('');
  return `<table class="lines ${table.name}">
<caption>${esc(table.title)}</caption>
<colgroup>${cols}</colgroup>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr>${foot}</tr></tfoot>
</table>`;
}

function signaturesHtml(): string {
  const box = (label: string) =>
    `<div class="signature"><div class="signature-line"></div><div class="signature-label">${esc(label)}</div>` +
    `<div class="signature-hint">${esc(SIGNATURE_HINT)}</div></div>`;
  return `<section class="signatures" aria-label="Signatures">${SIGNATURES.map(box).join('')}</section>`;
}

const printedHtml = (meta: PrintMeta) => `<p class="printed">${esc(printedLine(meta))}</p>`;

/** One bill: header, facts, description, parents, totals, signatures, printed-at. */
function billArticle(bill: PrintBill, meta: PrintMeta): string {
  const description = bill.description
    ? `<p class="description"><span class="description-label">Description</span> ${esc(bill.description)}</p>\n`
    : '';
  return `<article class="bill">
${docHead('Dispatch bill', 'Bill no.', bill.billNo)}
${factsHtml(billFactsOf(bill, meta), 'facts')}
${description}${tableHtml(parentsTableOf(bill))}
<section class="totals" aria-label="Totals">${factsHtml(billFiguresOf(bill), 'figures')}</section>
${signaturesHtml()}
${printedHtml(meta)}
</article>`;
}

/** The print page of one bill (A4 portrait, stylesheet at `cssHref`). */
export function renderBillHtml(bill: PrintBill, meta: PrintMeta, cssHref = PRINT_CSS_PATH): string {
  return page(`Bill ${bill.billNo} — ${APP_TITLE}`, billArticle(bill, meta), cssHref);
}

/** The daily summary: day totals and one line per bill, then each bill from a new page. */
export function renderDayHtml(day: PrintDay, meta: PrintMeta, cssHref = PRINT_CSS_PATH): string {
  const head = `<section class="day">
${docHead('Daily summary', 'Day', formatDay(day.date))}
${factsHtml(dayFactsOf(day, meta), 'facts')}
${tableHtml(overviewTableOf(day, meta))}
${printedHtml(meta)}
</section>`;
  const bills = day.bills.map((bill) => billArticle(bill, meta));
  return page(`Daily summary ${day.date} — ${APP_TITLE}`, [head, ...bills].join('\n'), cssHref);
}
