// Checks Markdown reports the way a reader's tools would read them:
//   node check-markdown.mjs FILE.md...
// - markdownlint-cli2 with its default rules, line length (MD013) aside, reports nothing;
// - every ```mermaid block parses with Mermaid's own parser (run under jsdom, no browser), and a
//   gantt's tasks resolve to real dates (Mermaid's parser alone accepts broken task dates).
// Exits 1 and says what is wrong, file by file; prints a one-line summary when all is well.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { main as markdownlint } from 'markdownlint-cli2';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node check-markdown.mjs FILE.md...');
  process.exit(2);
}

// Mermaid sanitises labels with DOMPurify, which needs a window; jsdom gives it one.
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

const problems = [];

async function lint(file) {
  const lines = [];
  const code = await markdownlint({
    directory: path.dirname(path.resolve(file)),
    argv: [path.basename(file)],
    noGlobs: true,
    optionsOverride: { config: { default: true, MD013: false } },
    logMessage: () => {},
    logError: (line) => lines.push(line),
  });
  if (code !== 0) problems.push(`${file}: markdownlint found problems:\n  ${lines.join('\n  ')}`);
}

/** The mermaid blocks of a Markdown text, each with the line its body starts on. */
function mermaidBlocks(text) {
  const blocks = [];
  let current = null;
  text.split('\n').forEach((line, i) => {
    if (current === null && line === '```mermaid') {
      current = { line: i + 2, body: [] };
    } else if (current !== null && line === '```') {
      blocks.push({ line: current.line, text: current.body.join('\n') + '\n' });
      current = null;
    } else if (current !== null) {
      current.body.push(line);
    }
  });
  if (current !== null) blocks.push({ line: current.line, text: null });
  return blocks;
}

async function parseDiagrams(file) {
  const blocks = mermaidBlocks(await readFile(file, 'utf8'));
  for (const block of blocks) {
    const where = `${file}:${block.line}`;
    if (block.text === null) {
      problems.push(`${where}: mermaid block never closed`);
      continue;
    }
    try {
      await mermaid.parse(block.text);
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(block.text);
      if (diagram.type === 'gantt') diagram.db.getTasks();
    } catch (error) {
      problems.push(`${where}: Mermaid rejects the diagram: ${String(error.message || error).split('\n').slice(0, 3).join(' ')}`);
    }
  }
  return blocks.length;
}

let diagrams = 0;
for (const file of files) {
  await lint(file);
  diagrams += await parseDiagrams(file);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`markdown ok: ${files.length} file(s), ${diagrams} mermaid diagram(s) parsed`);
