// The shared part of the apps' syntax checks (ios/tools/check-swift-syntax.mjs,
// android/tools/check-kotlin-syntax.mjs): find the source files, parse each one with the
// caller's tree-sitter parser, print `file:line:column` for every ERROR or MISSING node (once
// per position: error recovery nests ERROR nodes that start at the same place) and for every
// import the caller's rule forbids, then exit 1 on any finding, 2 when there is nothing to
// check or the grammar cannot load. It imports no package: each caller brings its grammar.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';

// The grammars compile to a few very large WebAssembly functions: V8's optimising tier spends
// seconds on them in background threads (and node waits for those at exit) for no gain on a
// few hundred small files. The baseline compiler is enough: under a second, not 5-8 s.
v8.setFlagsFromString('--no-wasm-tier-up');
v8.setFlagsFromString('--no-wasm-dynamic-tiering');

/** The files under `root` (or `root` itself) whose name ends with one of `extensions`. */
export async function sourceFiles(root, { extensions, skipDirs }) {
  const matches = (name) => extensions.some((extension) => name.endsWith(extension));
  if (matches(root)) return [root];
  const found = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || skipDirs.has(entry.name)) continue;
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) found.push(...(await sourceFiles(full, { extensions, skipDirs })));
    else if (entry.isFile() && matches(entry.name)) found.push(full);
  }
  return found.sort();
}

/** Every node of the tree, depth first, through a cursor (no child arrays). */
export function* nodes(tree) {
  const cursor = tree.walk();
  try {
    for (;;) {
      yield cursor.currentNode;
      if (cursor.gotoFirstChild() || cursor.gotoNextSibling()) continue;
      for (;;) {
        if (!cursor.gotoParent()) return;
        if (cursor.gotoNextSibling()) break;
      }
    }
  } finally {
    cursor.delete();
  }
}

function excerpt(text) {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 50 ? `${line.slice(0, 47)}...` : line;
}

function where(file, node) {
  const { row, column } = node.startPosition;
  return `${path.relative(process.cwd(), file)}:${row + 1}:${column + 1}`;
}

function check(file, tree, importViolation) {
  const syntax = [];
  const imports = [];
  const seen = new Set();
  const report = (node, line) => {
    const at = where(file, node);
    if (!seen.has(at)) syntax.push(`${at}: ${line}`);
    seen.add(at);
  };
  for (const node of nodes(tree)) {
    if (node.isMissing) {
      report(node, `MISSING ${node.type}`);
    } else if (node.isError) {
      report(node, `ERROR near "${excerpt(node.text)}"`);
    } else {
      const violation = importViolation(file, node);
      if (violation) imports.push(`${where(file, node)}: ${violation}`);
    }
  }
  return { syntax, imports };
}

/**
 * Runs the check and exits the process.
 * - `language`: the name in the summary line (`swift`, `kotlin`);
 * - `files`: a promise of the files to check; `nothing`: the message when there are none;
 * - `loadParser`: resolves to a tree-sitter parser with the grammar set;
 * - `importViolation(file, node)`: a message when `node` is a forbidden import, else null;
 * - `importSummary`: what the summary calls those (`InnomedFFI imports outside …`).
 */
export function runSyntaxCheck({ language, files, nothing, loadParser, importViolation, importSummary }) {
  const main = async () => {
    const started = performance.now();
    const found = await files;
    if (found.length === 0) {
      console.error(nothing);
      return 2;
    }
    const parser = await loadParser();
    let syntaxCount = 0;
    let importCount = 0;
    for (const file of found) {
      const tree = parser.parse(await readFile(file, 'utf8'));
      const { syntax, imports } = check(file, tree, importViolation);
      tree.delete();
      for (const line of [...syntax, ...imports]) console.log(line);
      syntaxCount += syntax.length;
      importCount += imports.length;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(
      `${language} syntax: ${found.length} files, ${syntaxCount} ERROR/MISSING positions, ` +
        `${importCount} ${importSummary} (${seconds} s)`,
    );
    return syntaxCount + importCount === 0 ? 0 : 1;
  };
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`${language} syntax check failed to run: ${error?.stack ?? error}`);
      process.exit(2);
    },
  );
}
