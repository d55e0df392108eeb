#!/usr/bin/env node
// Keeps the view models plain Swift: no file whose name ends in ViewModel.swift (the screens'
// view models) or ViewModelTests.swift (their unit tests) imports SwiftUI or UIKit. Colours,
// images, bindings and the system's pages belong to the views; a view model may import
// Foundation, Combine and InnomedServices. Parsed with tree-sitter's Swift grammar, as
// check-swift-syntax.mjs (no Xcode).
//
//   cd ios/tools && npm ci && node check-view-models.mjs [ROOT]      (ROOT defaults to ios/)
//
// Prints `file:line:column` for every such import (`import SwiftUI`, `@testable import UIKit`,
// `import struct SwiftUI.Color`, inside `#if` too) and a one-line summary; exits 1 on any
// finding, 2 when no view model is found or the grammar cannot load. It reads imports only: a
// SwiftUI type used without its import does not compile, which only Xcode shows.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { nodes, sourceFiles } from '../../tools/syntax-check.mjs';
import { loadSwift } from './swift-parser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.argv[2] ?? path.join(here, '..'));
const SKIPPED_DIRS = new Set(['node_modules', 'build', 'DerivedData', '.build', '.swiftpm']);
const VIEW_MODEL = 'ViewModel.swift';
const VIEW_MODEL_TESTS = 'ViewModelTests.swift';
const UI_MODULES = new Set(['SwiftUI', 'UIKit']);


/** The UI modules a file imports: `import UIKit.UIImage` and `import struct SwiftUI.Color` count. */
function uiImports(tree) {
  const found = [];
  for (const node of nodes(tree)) {
    if (node.type !== 'import_declaration') continue;
    const module = node.namedChildren.find((child) => child.type === 'identifier')?.namedChildren[0]?.text;
    if (UI_MODULES.has(module)) found.push({ module, at: node.startPosition });
  }
  return found;
}

async function main() {
  const started = performance.now();
  const files = await sourceFiles(root, { extensions: [VIEW_MODEL, VIEW_MODEL_TESTS], skipDirs: SKIPPED_DIRS });
  if (files.length === 0) {
    console.error(`no *${VIEW_MODEL} under ${root}`);
    return 2;
  }
  const parser = await loadSwift();
  const problems = [];
  for (const file of files) {
    const tree = parser.parse(await readFile(file, 'utf8'));
    const why = file.endsWith(VIEW_MODEL_TESTS)
      ? 'a view model\'s test imports %s: test the view model without it (what needs it is a view\'s test)'
      : 'a view model imports %s: keep it plain Swift (Foundation, Combine, InnomedServices), ' +
        'what needs %s goes in the view';
    for (const { module, at } of uiImports(tree)) {
      const where = `${path.relative(process.cwd(), file)}:${at.row + 1}:${at.column + 1}`;
      problems.push(`${where}: ${why.replaceAll('%s', module)}`);
    }
    tree.delete();
  }
  for (const line of problems) console.log(line);
  const tests = files.filter((file) => file.endsWith(VIEW_MODEL_TESTS)).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`view models: ${files.length - tests} files and ${tests} test files, ` +
    `${problems.length} SwiftUI/UIKit imports (${seconds} s)`);
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`view model check failed to run: ${error?.stack ?? error}`);
    process.exit(2);
  },
);
