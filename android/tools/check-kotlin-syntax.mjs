#!/usr/bin/env node
// Parses every .kt file of the Android app module and the Compose code of the other modules
// (their src/ui/kotlin, from modules.txt) with tree-sitter's Kotlin grammar (a WebAssembly
// build, so no Android SDK, no Gradle and no native compilation) and fails on any syntax error.
//
//   cd android/tools && npm ci && node check-kotlin-syntax.mjs [ROOT...]
//
// ROOT (folders or files) defaults to android/app, every src/ui/kotlin and the root build
// files. Prints
// `file:line:column` for every ERROR or MISSING node (the shared part:
// ../../tools/syntax-check.mjs), and for any `import fr.innomed.sdk.` outside the platform package
// (fr/innomed/android/app/platform/: the Keystore store and the push hook): screens never
// import the generated bindings.
// Exits 1 on any finding, 2 when no Kotlin file is found or the grammar cannot load.
//
// This checks syntax only: types, names and calls are not checked (that needs Gradle and the
// Android SDK). One known false alarm of the grammar (@tree-sitter-grammars/tree-sitter-kotlin
// 1.1.0): a call to a function named like a modifier keyword, such as `open(x)`, is reported;
// name such functions otherwise (libraries/impl has two `open(client)` calls, which kotlinc
// accepts: that module is compiled by Maven, not checked here).

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';

import { runSyntaxCheck, sourceFiles } from '../../tools/syntax-check.mjs';
import { readModules } from './modules.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const android = path.join(here, '..');
const defaultRoots = async () => [
  path.join(android, 'app'),
  ...(await readModules()).map(({ path: module }) => path.join(android, module, 'src', 'ui', 'kotlin')).filter(existsSync),
  path.join(android, 'build.gradle.kts'),
  path.join(android, 'settings.gradle.kts'),
];
const roots = process.argv.length > 2 ? process.argv.slice(2).map((root) => path.resolve(root)) : await defaultRoots();
const SKIPPED_DIRS = new Set(['node_modules', 'build', '.gradle', '.idea']);
// The generated bindings: the FFI's objects and the core's own types.
const FFI_PACKAGES = ['fr.innomed.sdk', 'fr.innomed.core'];
const FFI_ALLOWED = 'fr/innomed/android/app/platform/';

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

function importViolation(file, node) {
  if (node.type !== 'import' || file.split(path.sep).join('/').includes(FFI_ALLOWED)) return null;
  const name = node.namedChildren.find((child) => child.type === 'qualified_identifier')?.text ?? '';
  return FFI_PACKAGES.some((pkg) => name === pkg || name.startsWith(`${pkg}.`))
    ? `import ${name} outside ${FFI_ALLOWED}`
    : null;
}

const options = { extensions: ['.kt', '.kts'], skipDirs: SKIPPED_DIRS };
runSyntaxCheck({
  language: 'kotlin',
  files: Promise.all(roots.map((root) => sourceFiles(root, options))).then((found) => found.flat()),
  nothing: `no .kt file under ${roots.join(', ')}`,
  loadParser: loadKotlin,
  importViolation,
  importSummary: `${FFI_PACKAGES.join(" or ")} imports outside the platform package`,
});
