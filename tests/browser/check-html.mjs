// Opens an HTML report in Debian's Chromium, as a client would, and checks it:
//   node check-html.mjs FILE.html --charts N [--paper a4|letter] [--max-pages M] [--min-chart-pt P]
//        [--whole-cards] [--signed TEXT] [--screenshot OUT.png] [--pdf OUT.pdf]
// Fails (exit 1, saying why) on any request other than the file itself, any console error or
// page error, any script in the page (parsed, in the DOM, or in an attribute), fewer than N
// drawn charts, content wider than the paper's text area in print media, a PDF printed at the
// page size the report sets that is not that paper (A4 unless --paper) or has more than M pages,
// chart text printing smaller than P pt, a word of a cover card (the tier, say) broken across
// lines (in print and on a 1280 px screen), or TEXT missing from the cover or the foot of the pages. Writes a PNG
// of the first printed page and the PDF when asked.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const mm = (length) => (length / 25.4) * 96;
/** Paper in mm, and its size in PDF points as a printed page's MediaBox gives it. */
const PAPERS = {
  a4: { name: 'A4', width: 210, height: 297, points: [595.28, 841.89] },
  letter: { name: 'Letter', width: 215.9, height: 279.4, points: [612, 792] },
};

function parseArgs(argv) {
  const args = {
    file: null, charts: null, maxPages: null, screenshot: null, pdf: null, paper: 'a4', minChartPt: null,
    whole: false, signed: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    if (flag === '--charts') args.charts = Number(value());
    else if (flag === '--max-pages') args.maxPages = Number(value());
    else if (flag === '--screenshot') args.screenshot = value();
    else if (flag === '--pdf') args.pdf = value();
    else if (flag === '--paper') args.paper = value();
    else if (flag === '--min-chart-pt') args.minChartPt = Number(value());
    else if (flag === '--whole-cards') args.whole = true;
    else if (flag === '--signed') args.signed = value();
    else if (args.file === null && !flag.startsWith('--')) args.file = flag;
    else throw new Error(`unexpected argument: ${flag}`);
  }
  if (args.file === null || !Number.isInteger(args.charts) || !(args.paper in PAPERS)) {
    throw new Error('usage: node check-html.mjs FILE.html --charts N [--max-pages M] [--screenshot OUT.png] [--pdf OUT.pdf]');
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const paper = PAPERS[args.paper];
const PAGE_HEIGHT_PX = Math.floor(mm(paper.height));
/** The paper's text area with the report's 12 mm side margins (style.css @page). */
const TEXT_WIDTH_PX = Math.floor(mm(paper.width - 2 * 12));
/** The text area's height, with the report's 12 mm top and bottom margins. */
const TEXT_HEIGHT_PX = Math.floor(mm(paper.height - 2 * 12));
const fileUrl = pathToFileURL(path.resolve(args.file)).href;
const problems = [];
const profile = await mkdtemp(path.join(tmpdir(), 'readiness-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});

try {
  const page = context.pages()[0] ?? await context.newPage();
  context.on('request', (request) => {
    if (request.url() !== fileUrl) problems.push(`request for ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

  // Every script V8 compiles in the page's own world while it loads (Playwright's helpers run
  // in an isolated world of their own, which is not the page's).
  const cdp = await context.newCDPSession(page);
  const parsed = [];
  cdp.on('Debugger.scriptParsed', (event) => {
    if (event.executionContextAuxData?.isDefault !== false) parsed.push(event.url || `(inline, ${event.length} chars)`);
  });
  await cdp.send('Debugger.enable');
  await page.goto(fileUrl, { waitUntil: 'load' });
  await page.waitForTimeout(200);
  if (parsed.length > 0) problems.push(`scripts ran: ${parsed.join(', ')}`);
  await cdp.send('Debugger.disable');

  const found = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const handlers = all.flatMap((e) => [...e.attributes].filter((a) => a.name.toLowerCase().startsWith('on'))
      .map((a) => `${e.tagName}[${a.name}]`));
    const urls = all.flatMap((e) => ['src', 'href', 'xlink:href', 'action', 'formaction', 'data', 'poster']
      .map((name) => e.getAttribute(name)).filter((v) => v !== null && !v.startsWith('#')));
    const charts = [...document.querySelectorAll('figure.chart svg[role="img"]')].filter((svg) => {
      const box = svg.getBoundingClientRect();
      const title = svg.querySelector(':scope > title')?.textContent.trim();
      const desc = svg.querySelector(':scope > desc')?.textContent.trim();
      const shapes = svg.querySelectorAll('rect, path, circle, line, polygon').length;
      return box.width > 100 && box.height > 100 && title && desc && shapes >= 5;
    }).length;
    return {
      scripts: document.querySelectorAll('script, iframe, object, embed, link, img, base').length,
      handlers,
      urls,
      charts,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '',
    };
  });
  if (found.scripts > 0) problems.push(`${found.scripts} script, frame, link, image or base element(s)`);
  if (found.handlers.length > 0) problems.push(`event handlers: ${found.handlers.join(', ')}`);
  if (found.urls.length > 0) problems.push(`links or sources leaving the page: ${found.urls.join(', ')}`);
  if (!/default-src 'none'/.test(found.csp)) problems.push(`no Content-Security-Policy forbidding loads: "${found.csp}"`);
  if (found.charts < args.charts) problems.push(`${found.charts} drawn chart(s), expected at least ${args.charts}`);

  if (args.whole) {
    await page.setViewportSize({ width: 1280, height: 900 });
    const broken = await page.evaluate(brokenInCards);
    if (broken.length > 0) problems.push(`words broken across lines in a cover card at 1280 px: ${broken.join(', ')}`);
  }

  // Print media on the paper's text area: nothing may stick out.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: TEXT_WIDTH_PX, height: PAGE_HEIGHT_PX });
  const overflow = await page.evaluate((limit) => {
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > limit + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className : ''}`);
    return { page: document.documentElement.scrollWidth, wide: [...new Set(wide)].slice(0, 10) };
  }, TEXT_WIDTH_PX);
  if (overflow.page > TEXT_WIDTH_PX || overflow.wide.length > 0) {
    problems.push(`wider than the ${paper.name} text area in print (${overflow.page}px > ${TEXT_WIDTH_PX}px): ${overflow.wide.join(', ')}`);
  }
  if (args.whole) {
    const broken = await page.evaluate(brokenInCards);
    if (broken.length > 0) problems.push(`words broken across lines in a printed cover card: ${broken.join(', ')}`);
  }
  if (args.minChartPt !== null) {
    const small = await page.evaluate(smallChartText, args.minChartPt);
    if (small.length > 0) problems.push(`chart text under ${args.minChartPt} pt in print: ${small.join('; ')}`);
  }
  if (args.signed !== null) {
    const missing = await page.evaluate(unsigned, args.signed);
    if (missing.length > 0) problems.push(`"${args.signed}" missing from ${missing.join(' and ')}`);
  }

  // The page size the report's own @page rule sets, as a client's browser prints it.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const text = pdf.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  if (pages === 0) problems.push('the printed PDF has no pages');
  if (args.maxPages !== null && pages > args.maxPages) {
    problems.push(`the printed ${paper.name} PDF has ${pages} pages, more than ${args.maxPages}`);
  }
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
  const wrong = boxes.filter((b) => paper.points.some((p, i) => Math.abs(Number(b[i + 1]) - p) > 1));
  if (boxes.length === 0 || wrong.length > 0) {
    problems.push(`pages not ${paper.name}: ${wrong.map((b) => `${b[1]} × ${b[2]} pt`).join(', ') || 'no MediaBox'}`);
  }
  if (args.pdf) await writeFile(args.pdf, pdf);
  if (args.screenshot) {
    // The first page's text area, as laid out for print (the cover fills it).
    await page.screenshot({ path: args.screenshot, clip: { x: 0, y: 0, width: TEXT_WIDTH_PX, height: TEXT_HEIGHT_PX } });
  }
  if (problems.length === 0) {
    console.log(`html ok: ${args.file}: ${found.charts} chart(s), ${pages} ${paper.name} page(s), no request, script or error`);
  }
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(`${args.file}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

/** The words of the cover's cards laid out on more than one line. */
function brokenInCards() {
  const broken = [];
  for (const card of document.querySelectorAll('.cover .figure-card')) {
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}

/**
 * Chart text whose printed size is under `min` pt: its font size in the SVG's user units,
 * times the scale the drawing is printed at (the smaller of the drawn width over the viewBox's
 * width and the drawn height over its height), in points (72 to the 96 px inch).
 */
function smallChartText(min) {
  const small = [];
  for (const svg of document.querySelectorAll('figure.chart svg')) {
    const box = svg.viewBox.baseVal;
    if (!box || box.width === 0) continue;
    // The drawing is scaled to fit its box both ways (preserveAspectRatio's default, "meet"):
    // a chart held to a maximum height is drawn narrower than its box.
    const rect = svg.getBoundingClientRect();
    const scale = Math.min(rect.width / box.width, rect.height / box.height);
    for (const text of svg.querySelectorAll('text')) {
      const pt = parseFloat(getComputedStyle(text).fontSize) * scale * 0.75;
      if (text.textContent.trim() && pt < min - 0.05) small.push(`"${text.textContent.trim().slice(0, 30)}" ${pt.toFixed(1)} pt`);
    }
  }
  return [...new Set(small)].slice(0, 8);
}

/**
 * Where `signed` is missing: the cover, or the foot of the pages (the @bottom-left margin box
 * of the report's page rule, which prints on every page unless a page rule clears it).
 */
function unsigned(signed) {
  const missing = [];
  if (!document.querySelector('.cover')?.textContent.includes(signed)) missing.push('the cover');
  const pageRules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules])
    .filter((rule) => rule instanceof CSSPageRule);
  const footers = pageRules.flatMap((rule) => [...rule.cssRules]
    .filter((m) => m.name === 'bottom-left').map((m) => ({ selector: rule.selectorText, content: m.style.content })));
  const everyPage = footers.some((f) => f.selector === '' && f.content.includes(signed));
  const cleared = footers.some((f) => f.selector !== '' && !f.content.includes(signed));
  if (!everyPage || cleared) missing.push('the foot of every page');
  return missing;
}
