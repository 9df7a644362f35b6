// Opens an HTML report in Debian's Chromium, as a client would, and checks it:
//   node check-html.mjs FILE.html --charts N [--max-pages M] [--screenshot OUT.png] [--pdf OUT.pdf]
// Fails (exit 1, saying why) on any request other than the file itself, any console error or
// page error, any script in the page (parsed, in the DOM, or in an attribute), fewer than N
// drawn charts, content wider than an A4 page's text area in print media, or a printed A4 PDF
// of more than M pages. Writes a PNG of the first printed page and the PDF when asked.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const A4_HEIGHT_PX = Math.floor((297 / 25.4) * 96);
/** The text area of an A4 page with the report's 14 mm side margins. */
const A4_TEXT_WIDTH_PX = Math.floor(((210 - 2 * 14) / 25.4) * 96);
/** The text area's height, with the report's 15 mm top and bottom margins. */
const A4_TEXT_HEIGHT_PX = Math.floor(((297 - 2 * 15) / 25.4) * 96);

function parseArgs(argv) {
  const args = { file: null, charts: null, maxPages: null, screenshot: null, pdf: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    if (flag === '--charts') args.charts = Number(value());
    else if (flag === '--max-pages') args.maxPages = Number(value());
    else if (flag === '--screenshot') args.screenshot = value();
    else if (flag === '--pdf') args.pdf = value();
    else if (args.file === null && !flag.startsWith('--')) args.file = flag;
    else throw new Error(`unexpected argument: ${flag}`);
  }
  if (args.file === null || !Number.isInteger(args.charts)) {
    throw new Error('usage: node check-html.mjs FILE.html --charts N [--max-pages M] [--screenshot OUT.png] [--pdf OUT.pdf]');
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
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

  // Print media on an A4 text area: nothing may stick out.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: A4_TEXT_WIDTH_PX, height: A4_HEIGHT_PX });
  const overflow = await page.evaluate((limit) => {
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > limit + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className : ''}`);
    return { page: document.documentElement.scrollWidth, wide: [...new Set(wide)].slice(0, 10) };
  }, A4_TEXT_WIDTH_PX);
  if (overflow.page > A4_TEXT_WIDTH_PX || overflow.wide.length > 0) {
    problems.push(`wider than an A4 page in print (${overflow.page}px > ${A4_TEXT_WIDTH_PX}px): ${overflow.wide.join(', ')}`);
  }

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  if (pages === 0) problems.push('the printed PDF has no pages');
  if (args.maxPages !== null && pages > args.maxPages) {
    problems.push(`the printed A4 PDF has ${pages} pages, more than ${args.maxPages}`);
  }
  if (args.pdf) await writeFile(args.pdf, pdf);
  if (args.screenshot) {
    // The first page's text area, as laid out for print (the cover fills it).
    await page.screenshot({ path: args.screenshot, clip: { x: 0, y: 0, width: A4_TEXT_WIDTH_PX, height: A4_TEXT_HEIGHT_PX } });
  }
  if (problems.length === 0) {
    console.log(`html ok: ${args.file}: ${found.charts} chart(s), ${pages} A4 page(s), no request, script or error`);
  }
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(`${args.file}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
