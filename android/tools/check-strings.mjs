#!/usr/bin/env node
// Checks the app's strings without the Android SDK (Node only, no dependency):
// - res/values/strings.xml (French, the default) and res/values-en/strings.xml (English) have
//   exactly the same keys, no key twice, and the same format arguments (%1$s…) per key;
// - every `R.string.x` in the app's Kotlin and every `@string/x` in its XML exists.
//
//   node check-strings.mjs [APP_DIR]      (APP_DIR defaults to android/app)
//
// Exits 1 on any finding, 2 when a strings file is missing.

import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const app = path.resolve(process.argv[2] ?? path.join(here, '..', 'app'));
const res = path.join(app, 'src', 'main', 'res');
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
function strings(xml) {
  const map = new Map();
  const twice = [];
  for (const match of xml.matchAll(/<string\s+name="([A-Za-z0-9_]+)"[^>]*>([\s\S]*?)<\/string>/g)) {
    if (map.has(match[1])) twice.push(match[1]);
    map.set(match[1], match[2]);
  }
  return { map, twice };
}

const formatArgs = (text) => [...text.matchAll(/%(\d+)\$[sd]/g)].map((m) => m[0]).sort().join(',');

async function main() {
  const problems = [];
  const sets = {};
  for (const [lang, folder] of Object.entries(LOCALES)) {
    const file = path.join(res, folder, 'strings.xml');
    if (!existsSync(file)) {
      console.error(`missing ${path.relative(process.cwd(), file)}`);
      return 2;
    }
    const { map, twice } = strings(await readFile(file, 'utf8'));
    for (const name of twice) problems.push(`${folder}/strings.xml: "${name}" defined twice`);
    sets[lang] = map;
  }
  const { fr, en } = sets;
  for (const name of fr.keys()) if (!en.has(name)) problems.push(`values-en/strings.xml: missing "${name}"`);
  for (const name of en.keys()) if (!fr.has(name)) problems.push(`values/strings.xml: missing "${name}"`);
  for (const [name, text] of fr) {
    if (en.has(name) && formatArgs(text) !== formatArgs(en.get(name))) {
      problems.push(`"${name}": format arguments differ (fr ${formatArgs(text) || 'none'}, en ${formatArgs(en.get(name)) || 'none'})`);
    }
  }

  const used = new Set();
  const sources = await files(path.join(app, 'src'), (n) => n.endsWith('.kt') || n.endsWith('.xml'));
  for (const file of sources) {
    if (file.includes(`${path.sep}values`)) continue;
    const text = await readFile(file, 'utf8');
    const pattern = file.endsWith('.kt') ? /\bR\.string\.([A-Za-z0-9_]+)/g : /@string\/([A-Za-z0-9_]+)/g;
    for (const match of text.matchAll(pattern)) {
      used.add(match[1]);
      if (!fr.has(match[1])) {
        const line = text.slice(0, match.index).split('\n').length;
        problems.push(`${path.relative(process.cwd(), file)}:${line}: ${match[0]} is not in values/strings.xml`);
      }
    }
  }
  const unused = [...fr.keys()].filter((name) => !used.has(name));

  for (const line of problems) console.log(line);
  console.log(
    `strings: ${fr.size} fr and ${en.size} en keys, ${used.size} used in ${sources.length} files, ` +
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
