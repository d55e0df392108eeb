#!/usr/bin/env node
// Parses every .swift file of the iOS app with tree-sitter's Swift grammar (a WebAssembly
// build, so no Swift toolchain and no native compilation) and fails on any syntax error.
//
//   cd ios/tools && npm ci && node check-swift-syntax.mjs [ROOT]
//
// ROOT defaults to ios/. Prints `file:line:column` for every ERROR or MISSING node of the
// syntax trees (once per position: error recovery nests ERROR nodes that start at the same
// place), and for any `import InnomedFFI` outside the services module
// (Innomed/Services/, Innomed/Security/): views never import the generated bindings.
// Exits 1 on any finding, 2 when no Swift file is found or the grammar cannot load.
//
// This checks syntax only: types, names and calls are not checked (that needs Xcode).

import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { Language, Parser } from 'web-tree-sitter';

// The Swift grammar compiles to a few very large WebAssembly functions: V8's optimising tier
// spends seconds on them in background threads (and node waits for those at exit) for no gain
// on a few hundred small files. The baseline compiler is enough: under a second, not 5-8 s.
v8.setFlagsFromString('--no-wasm-tier-up');
v8.setFlagsFromString('--no-wasm-dynamic-tiering');

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.argv[2] ?? path.join(here, '..'));
const SKIPPED_DIRS = new Set(['node_modules', 'build', 'DerivedData', '.build', '.swiftpm']);
const FFI_MODULE = 'InnomedFFI';
const FFI_ALLOWED = ['Innomed/Services/', 'Innomed/Security/'];

async function swiftFiles(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await swiftFiles(full)));
    else if (entry.isFile() && entry.name.endsWith('.swift')) found.push(full);
  }
  return found.sort();
}

async function loadSwift() {
  const require = createRequire(import.meta.url);
  await Parser.init();
  const wasm = require.resolve('@repomix/tree-sitter-wasms/out/tree-sitter-swift.wasm');
  const parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
  return parser;
}

/** Every node of the tree, depth first, through a cursor (no child arrays). */
function* nodes(tree) {
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

function check(file, tree) {
  const syntax = [];
  const imports = [];
  const relative = path.relative(root, file).split(path.sep).join('/');
  const ffiAllowed = FFI_ALLOWED.some((prefix) => relative.startsWith(prefix));
  // An ERROR node often starts where an enclosing one does: one line per position.
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
    } else if (node.type === 'import_declaration' && !ffiAllowed) {
      const module = node.namedChildren.find((child) => child.type === 'identifier');
      if (module?.text === FFI_MODULE) {
        imports.push(`${where(file, node)}: import ${FFI_MODULE} outside ${FFI_ALLOWED.join(', ')}`);
      }
    }
  }
  return { syntax, imports };
}

async function main() {
  const started = performance.now();
  const files = await swiftFiles(root);
  if (files.length === 0) {
    console.error(`no .swift file under ${root}`);
    return 2;
  }
  const parser = await loadSwift();
  let syntaxCount = 0;
  let importCount = 0;
  for (const file of files) {
    const tree = parser.parse(await readFile(file, 'utf8'));
    const { syntax, imports } = check(file, tree);
    tree.delete();
    for (const line of [...syntax, ...imports]) console.log(line);
    syntaxCount += syntax.length;
    importCount += imports.length;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `swift syntax: ${files.length} files, ${syntaxCount} ERROR/MISSING positions, ` +
      `${importCount} ${FFI_MODULE} imports outside the services module (${seconds} s)`,
  );
  return syntaxCount + importCount === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`swift syntax check failed to run: ${error?.stack ?? error}`);
    process.exit(2);
  },
);
