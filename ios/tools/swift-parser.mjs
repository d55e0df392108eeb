// The Swift parser every iOS check uses: web-tree-sitter with the prebuilt Swift grammar.
import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';

export async function loadSwift() {
  const require = createRequire(import.meta.url);
  await Parser.init();
  const parser = new Parser();
  const wasm = require.resolve('@repomix/tree-sitter-wasms/out/tree-sitter-swift.wasm');
  parser.setLanguage(await Language.load(wasm));
  return parser;
}
