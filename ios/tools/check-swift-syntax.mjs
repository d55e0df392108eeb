#!/usr/bin/env node
// Parses every .swift file of the iOS app with tree-sitter's Swift grammar (a WebAssembly
// build, so no Swift toolchain and no native compilation) and fails on any syntax error.
//
//   cd ios/tools && npm ci && node check-swift-syntax.mjs [ROOT]
//
// ROOT defaults to ios/. Prints `file:line:column` for every ERROR or MISSING node, and for
// any `import InnomedFFI` outside the services module (Innomed/Services/, Innomed/Security/):
// views never import the generated bindings. Exits 1 on any finding, 2 when no Swift file is
// found or the grammar cannot load (the shared part: ../../tools/syntax-check.mjs).
//
// This checks syntax only: types, names and calls are not checked (that needs Xcode).

import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { runSyntaxCheck, sourceFiles } from '../../tools/syntax-check.mjs';
import { loadSwift } from './swift-parser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.argv[2] ?? path.join(here, '..'));
const SKIPPED_DIRS = new Set(['node_modules', 'build', 'DerivedData', '.build', '.swiftpm']);
const FFI_MODULE = 'InnomedFFI';
const FFI_ALLOWED = ['Innomed/Services/', 'Innomed/Security/'];


function importViolation(file, node) {
  if (node.type !== 'import_declaration') return null;
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (FFI_ALLOWED.some((prefix) => relative.startsWith(prefix))) return null;
  const module = node.namedChildren.find((child) => child.type === 'identifier');
  return module?.text === FFI_MODULE ? `import ${FFI_MODULE} outside ${FFI_ALLOWED.join(', ')}` : null;
}

runSyntaxCheck({
  language: 'swift',
  files: sourceFiles(root, { extensions: ['.swift'], skipDirs: SKIPPED_DIRS }),
  nothing: `no .swift file under ${root}`,
  loadParser: loadSwift,
  importViolation,
  importSummary: `${FFI_MODULE} imports outside the services module`,
});
