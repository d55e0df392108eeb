#!/usr/bin/env node
// Parses every .kt file of the Android app module with tree-sitter's Kotlin grammar (a
// WebAssembly build, so no Android SDK, no Gradle and no native compilation) and fails on any
// syntax error.
//
//   cd android/tools && npm ci && node check-kotlin-syntax.mjs [ROOT...]
//
// ROOT (folders or files) defaults to android/app and the root build files. Prints
// `file:line:column` for every ERROR or MISSING node of the syntax trees (once per position: error recovery nests ERROR nodes that start at the same
// place), and for any `import fr.innomed.sdk.` outside the platform package
// (fr/innomed/android/app/platform/: the Keystore store and the push hook): screens never
// import the generated bindings.
// Exits 1 on any finding, 2 when no Kotlin file is found or the grammar cannot load.
//
// This checks syntax only: types, names and calls are not checked (that needs Gradle and the
// Android SDK). One known false alarm of the grammar (@tree-sitter-grammars/tree-sitter-kotlin
// 1.1.0): a call to a function named like a modifier keyword, such as `open(x)`, is reported;
// name such functions otherwise (libraries/impl has two `open(client)` calls, which kotlinc
// accepts: that module is compiled by Maven, not checked here).

import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { Language, Parser } from 'web-tree-sitter';

// As in ios/tools: the baseline WebAssembly compiler is enough for a few dozen small files, and
// the optimising tier would keep node busy for seconds at exit.
v8.setFlagsFromString('--no-wasm-tier-up');
v8.setFlagsFromString('--no-wasm-dynamic-tiering');

const here = path.dirname(fileURLToPath(import.meta.url));
const roots = process.argv.length > 2
  ? process.argv.slice(2).map((root) => path.resolve(root))
  : [path.join(here, '..', 'app'), path.join(here, '..', 'build.gradle.kts'), path.join(here, '..', 'settings.gradle.kts')];
const SKIPPED_DIRS = new Set(['node_modules', 'build', '.gradle', '.idea']);
const FFI_PACKAGE = 'fr.innomed.sdk';
const FFI_ALLOWED = 'fr/innomed/android/app/platform/';

async function kotlinFiles(dir) {
  if (/\.kts?$/.test(dir)) return [dir];
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await kotlinFiles(full)));
    else if (entry.isFile() && (entry.name.endsWith('.kt') || entry.name.endsWith('.kts'))) found.push(full);
  }
  return found.sort();
}

async function loadKotlin() {
  const require = createRequire(import.meta.url);
  await Parser.init();
  // The grammar package ships its WebAssembly build; its native binding is never built
  // (.npmrc: ignore-scripts).
  const wasm = require.resolve('@tree-sitter-grammars/tree-sitter-kotlin/tree-sitter-kotlin.wasm');
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
  const ffiAllowed = file.split(path.sep).join('/').includes(FFI_ALLOWED);
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
    } else if (node.type === 'import' && !ffiAllowed) {
      const name = node.namedChildren.find((child) => child.type === 'qualified_identifier')?.text ?? '';
      if (name === FFI_PACKAGE || name.startsWith(`${FFI_PACKAGE}.`)) {
        imports.push(`${where(file, node)}: import ${name} outside ${FFI_ALLOWED}`);
      }
    }
  }
  return { syntax, imports };
}

async function main() {
  const started = performance.now();
  const files = (await Promise.all(roots.map(kotlinFiles))).flat();
  if (files.length === 0) {
    console.error(`no .kt file under ${roots.join(', ')}`);
    return 2;
  }
  const parser = await loadKotlin();
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
    `kotlin syntax: ${files.length} files, ${syntaxCount} ERROR/MISSING positions, ` +
      `${importCount} ${FFI_PACKAGE} imports outside the platform package (${seconds} s)`,
  );
  return syntaxCount + importCount === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`kotlin syntax check failed to run: ${error?.stack ?? error}`);
    process.exit(2);
  },
);
