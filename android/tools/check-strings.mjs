#!/usr/bin/env node
// Checks the app's strings without the Android SDK (Node only, no dependency). Every string is
// in libraries/ui (src/main/res):
// - res/values/strings.xml (French, the default) and res/values-en/strings.xml (English) have
//   exactly the same keys, no key twice, and the same format arguments (%1$s…) per key;
// - they have the same <string-array>s, each with as many items in both languages (the
//   verification emojis' names are looked up by index);
// - every `R.string.x` / `R.array.x` in the Kotlin and `@string/x` / `@array/x` in the XML of
//   the modules of modules.txt (the app, the features' views, libraries/ui) exists.
//
//   node check-strings.mjs [STRINGS_MODULE_DIR]      (defaults to android/libraries/ui)
//
// Exits 1 on any finding, 2 when a strings file is missing.

import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { readModules } from './modules.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const android = path.join(here, '..');
const strings = path.resolve(process.argv[2] ?? path.join(android, 'libraries', 'ui'));
const res = path.join(strings, 'src', 'main', 'res');
const LOCALES = { fr: 'values', en: 'values-en' };

async function files(dir, test) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'build') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await files(full, test)));
    else if (test(entry.name)) found.push(full);
  }
  return found.sort();
}

/** name → text of every <string>, and the names seen twice. */
function stringsOf(xml) {
  const map = new Map();
  const twice = [];
  for (const match of xml.matchAll(/<string\s+name="([A-Za-z0-9_]+)"[^>]*>([\s\S]*?)<\/string>/g)) {
    if (map.has(match[1])) twice.push(match[1]);
    map.set(match[1], match[2]);
  }
  return { map, twice };
}

/** name → number of <item>s of every <string-array>, and the names seen twice. */
function arrays(xml) {
  const map = new Map();
  const twice = [];
  for (const match of xml.matchAll(/<string-array\s+name="([A-Za-z0-9_]+)"[^>]*>([\s\S]*?)<\/string-array>/g)) {
    if (map.has(match[1])) twice.push(match[1]);
    map.set(match[1], [...match[2].matchAll(/<item>/g)].length);
  }
  return { map, twice };
}

const formatArgs = (text) => [...text.matchAll(/%(\d+)\$[sd]/g)].map((m) => m[0]).sort().join(',');

async function main() {
  const problems = [];
  const sets = {};
  const arraySets = {};
  for (const [lang, folder] of Object.entries(LOCALES)) {
    const file = path.join(res, folder, 'strings.xml');
    if (!existsSync(file)) {
      console.error(`missing ${path.relative(process.cwd(), file)}`);
      return 2;
    }
    const xml = await readFile(file, 'utf8');
    const { map, twice } = stringsOf(xml);
    const lists = arrays(xml);
    for (const name of [...twice, ...lists.twice]) problems.push(`${folder}/strings.xml: "${name}" defined twice`);
    sets[lang] = map;
    arraySets[lang] = lists.map;
  }
  const { fr, en } = sets;
  for (const [name, count] of arraySets.fr) {
    if (!arraySets.en.has(name)) problems.push(`values-en/strings.xml: missing array "${name}"`);
    else if (arraySets.en.get(name) !== count) {
      problems.push(`array "${name}": ${count} items in French, ${arraySets.en.get(name)} in English`);
    }
  }
  for (const name of arraySets.en.keys()) if (!arraySets.fr.has(name)) problems.push(`values/strings.xml: missing array "${name}"`);
  for (const name of fr.keys()) if (!en.has(name)) problems.push(`values-en/strings.xml: missing "${name}"`);
  for (const name of en.keys()) if (!fr.has(name)) problems.push(`values/strings.xml: missing "${name}"`);
  for (const [name, text] of fr) {
    if (en.has(name) && formatArgs(text) !== formatArgs(en.get(name))) {
      problems.push(`"${name}": format arguments differ (fr ${formatArgs(text) || 'none'}, en ${formatArgs(en.get(name)) || 'none'})`);
    }
  }

  const used = new Set();
  const usedArrays = new Set();
  const sources = [];
  for (const { path: module } of await readModules()) {
    const src = path.join(android, module, 'src');
    if (existsSync(src)) sources.push(...(await files(src, (n) => n.endsWith('.kt') || n.endsWith('.xml'))));
  }
  for (const file of sources) {
    if (file.includes(`${path.sep}values`)) continue;
    const text = await readFile(file, 'utf8');
    const pattern = file.endsWith('.kt')
      ? /\bR\.(string|array)\.([A-Za-z0-9_]+)/g
      : /@(string|array)\/([A-Za-z0-9_]+)/g;
    for (const match of text.matchAll(pattern)) {
      const [, kind, name] = match;
      const known = kind === 'string' ? fr : arraySets.fr;
      if (kind === 'string') used.add(name);
      else usedArrays.add(name);
      if (!known.has(name)) {
        const line = text.slice(0, match.index).split('\n').length;
        problems.push(`${path.relative(process.cwd(), file)}:${line}: ${match[0]} is not in values/strings.xml`);
      }
    }
  }
  const unused = [...fr.keys()].filter((name) => !used.has(name))
    .concat([...arraySets.fr.keys()].filter((name) => !usedArrays.has(name)));

  for (const line of problems) console.log(line);
  console.log(
    `strings: ${fr.size} fr and ${en.size} en keys, ${arraySets.fr.size} arrays, ` +
      `${used.size + usedArrays.size} used in ${sources.length} files, ` +
      `${problems.length} problems${unused.length ? ` (unused: ${unused.join(', ')})` : ''}`,
  );
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`strings check failed to run: ${error?.stack ?? error}`);
    process.exit(2);
  },
);
