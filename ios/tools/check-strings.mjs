#!/usr/bin/env node
// Checks the iOS app's French and English strings against each other and against the Swift
// code (tree-sitter's Swift grammar, as check-swift-syntax.mjs; no Xcode):
// - Localizable.strings and InfoPlist.strings of fr.lproj and en.lproj are well formed (each
//   line `"key" = "value";`, a comment or blank), have no key twice, the same keys in both
//   languages, and the same format specifiers per key (%@, %ld, %1$@ …);
// - every key the Swift code looks up exists in both languages: literals given to Text,
//   Button, Label, Section, navigationTitle, LocalizedStringKey, L10n.string/format … (with
//   as many format arguments as the value has specifiers), key-shaped literals elsewhere
//   (tables, switches), keys built from an enum (`"urgency.\(rawValue)"` in Urgency or an
//   extension of it: one key per case); any other key built at run time is a finding;
// - the SAS emoji names: all 64 of the Matrix spec's table, and the app's table of keys
//   (index → key) in the spec's order;
// - InfoPlist.strings translates keys of the app's Info.plist, every NS…UsageDescription.
//
//   cd ios/tools && npm ci && node check-strings.mjs [ROOT]      (ROOT defaults to ios/)
//
// Prints `file:line` for every finding and a one-line summary (with the keys nothing uses);
// exits 1 on any finding, 2 when a strings file is missing or the grammar cannot load.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { sourceFiles } from '../../tools/syntax-check.mjs';
import { parseStrings, specifiers } from './strings-file.mjs';
import { keysOfTree } from './swift-keys.mjs';
import { loadSwift } from './swift-parser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.argv[2] ?? path.join(here, '..'));
const LANGUAGES = ['fr', 'en'];
const TABLES = ['Localizable', 'InfoPlist'];
const RESOURCES = 'Innomed/Resources';
const SWIFT_DIRS = ['Innomed', 'InnomedNotificationService'];
const APP_INFO_PLIST = 'Innomed/SupportingFiles/Info.plist';
const SKIPPED_DIRS = new Set(['node_modules', 'build', 'DerivedData', '.build', '.swiftpm']);

// The SAS emoji table of the Matrix specification, in order (index 0–63).
const SAS_EMOJIS = [
  'Dog', 'Cat', 'Lion', 'Horse', 'Unicorn', 'Pig', 'Elephant', 'Rabbit', 'Panda', 'Rooster', 'Penguin',
  'Turtle', 'Fish', 'Octopus', 'Butterfly', 'Flower', 'Tree', 'Cactus', 'Mushroom', 'Globe', 'Moon', 'Cloud',
  'Fire', 'Banana', 'Apple', 'Strawberry', 'Corn', 'Pizza', 'Cake', 'Heart', 'Smiley', 'Robot', 'Hat',
  'Glasses', 'Spanner', 'Santa', 'Thumbs Up', 'Umbrella', 'Hourglass', 'Clock', 'Gift', 'Light Bulb', 'Book',
  'Pencil', 'Paperclip', 'Scissors', 'Lock', 'Key', 'Hammer', 'Telephone', 'Flag', 'Train', 'Bicycle',
  'Aeroplane', 'Rocket', 'Trophy', 'Ball', 'Guitar', 'Trumpet', 'Bell', 'Anchor', 'Headphones', 'Folder', 'Pin',
];
const SAS_KEYS = SAS_EMOJIS.map((name) => `sas.${name.toLowerCase()}`);

const relative = (file) => path.relative(process.cwd(), file);
const stringsPath = (language, table) => path.join(root, RESOURCES, `${language}.lproj`, `${table}.strings`);


/** Both languages of one table: parsed, compared key by key and specifier by specifier. */
async function checkTable(table, report) {
  const parsed = {};
  for (const language of LANGUAGES) {
    const file = stringsPath(language, table);
    const { entries, problems } = parseStrings(await readFile(file, 'utf8'));
    for (const { line, message } of problems) report(`${relative(file)}:${line}: ${message}`);
    parsed[language] = { file, entries };
  }
  for (const [language, other] of [LANGUAGES, [...LANGUAGES].reverse()]) {
    const { file, entries } = parsed[language];
    for (const [key, { line }] of entries) {
      if (!parsed[other].entries.has(key)) {
        report(`${relative(file)}:${line}: "${key}" is not in ${relative(parsed[other].file)}`);
      }
    }
  }
  const [first, second] = LANGUAGES.map((language) => parsed[language]);
  for (const [key, { value, line }] of first.entries) {
    for (const { file, entries } of [first, second]) {
      const entry = entries.get(key);
      if (entry && specifiers(entry.value).mixed) {
        report(`${relative(file)}:${entry.line}: "${key}" mixes numbered (%1$@) and plain (%@) specifiers`);
      }
    }
    const translated = second.entries.get(key);
    if (!translated) continue;
    const [mine, theirs] = [specifiers(value).list, specifiers(translated.value).list];
    if (mine !== theirs) {
      report(`${relative(second.file)}:${translated.line}: "${key}" has format specifiers [${theirs}], ` +
        `${relative(first.file)}:${line} has [${mine}]`);
    }
  }
  return { fr: first.entries, en: second.entries };
}

/** The Swift side: every key looked up, in a table, or built from an enum, must exist. */
async function checkSwift(parser, strings, report) {
  const files = (await Promise.all(SWIFT_DIRS.map((dir) => sourceFiles(path.join(root, dir), {
    extensions: ['.swift'], skipDirs: SKIPPED_DIRS,
  })))).flat();
  const namespaces = new Set([...strings.fr.keys()].map((key) => key.split('.')[0]));
  const used = new Set();
  const counts = { calls: 0, literals: 0, enumKeys: 0, enums: new Set() };
  const need = (key, where, what) => {
    used.add(key);
    const missing = LANGUAGES.filter((language) => !strings[language].has(key));
    if (missing.length) {
      const files = missing.map((language) => relative(stringsPath(language, 'Localizable')));
      report(`${where}: ${what} "${key}" is not in ${files.join(' nor ')}`);
    }
  };
  const found = [];
  for (const file of files) {
    const tree = parser.parse(await readFile(file, 'utf8'));
    found.push({ file, ...keysOfTree(tree) });
    tree.delete();
  }
  const enums = new Map();
  for (const { enums: declared } of found) {
    for (const { name, cases } of declared) enums.set(name, enums.has(name) ? null : cases);
  }
  const sasTables = [];
  for (const { file, calls, literals, templates, tables } of found) {
    const where = ({ line, column }) => `${relative(file)}:${line}:${column}`;
    for (const use of calls) {
      counts.calls += 1;
      if (use.interpolated) {
        report(`${where(use)}: "${use.key}" has an interpolation where a key is expected: ` +
          'use Text(verbatim:) or L10n.format');
        continue;
      }
      need(use.key, where(use), 'key');
      const value = strings.fr.get(use.key)?.value;
      const wanted = value === undefined ? use.args : specifiers(value).count;
      if (wanted !== use.args) {
        report(`${where(use)}: "${use.key}" takes ${wanted} format argument(s), the code gives ${use.args}`);
      }
    }
    for (const use of literals) {
      // The SAS table is checked as a whole (checkSas).
      if (!namespaces.has(use.key.split('.')[0]) || use.key.startsWith('sas.')) continue;
      counts.literals += 1;
      need(use.key, where(use), 'key');
    }
    for (const template of templates) {
      // The first part of the key (`cases` for `"cases.filter.\(rawValue)"`) names its namespace.
      if (!template.prefix.endsWith('.') || !namespaces.has(template.prefix.split('.')[0])) continue;
      const cases = template.inEnum ? enums.get(template.inEnum) : undefined;
      if (!cases) {
        const why = template.inEnum && enums.get(template.inEnum) === null
          ? `two enums are named ${template.inEnum}`
          : 'not written in an enum or an extension of one';
        const built = `"${template.prefix}\\(${template.expression})"`;
        report(`${where(template)}: key built at run time (${built}, ${why}): list its keys as literals`);
        continue;
      }
      counts.enums.add(template.inEnum);
      for (const { name, raw } of cases) {
        counts.enumKeys += 1;
        const suffix = template.expression === 'rawValue' && raw !== null ? raw : name;
        need(`${template.prefix}${suffix}`, where(template), `${template.inEnum}.${name}:`);
      }
    }
    for (const table of tables) {
      if (table.items.every((item) => item.startsWith('sas.'))) {
        sasTables.push({ where: where(table), items: table.items });
      }
    }
  }
  checkSas(strings, sasTables, report);
  for (const key of SAS_KEYS) used.add(key);
  return { files: files.length, used, counts };
}

/** All 64 names in both languages, no other `sas.` key, and the code's table in the spec's order. */
function checkSas(strings, tables, report) {
  for (const language of LANGUAGES) {
    const file = relative(stringsPath(language, 'Localizable'));
    SAS_KEYS.forEach((key, index) => {
      if (!strings[language].has(key)) {
        report(`${file}: "${key}" (SAS emoji ${index}, ${SAS_EMOJIS[index]}) is missing`);
      }
    });
    for (const [key, { line }] of strings[language]) {
      if (key.startsWith('sas.') && !SAS_KEYS.includes(key)) {
        report(`${file}:${line}: "${key}" is not a SAS emoji of the spec`);
      }
    }
  }
  if (tables.length !== 1) {
    const where = tables.length === 0 ? 'Swift' : tables.map((table) => table.where).join(', ');
    report(`${where}: expected one table of the 64 SAS keys (index → key), found ${tables.length}`);
    return;
  }
  const [{ where, items }] = tables;
  const first = SAS_KEYS.findIndex((key, index) => items[index] !== key);
  if (first >= 0 || items.length !== SAS_KEYS.length) {
    const at = first >= 0 ? first : SAS_KEYS.length;
    const [got, expected] = [items[at] ?? 'nothing', SAS_KEYS[at] ?? 'nothing'];
    report(`${where}: the SAS table differs from the spec at index ${at} ("${got}", expected "${expected}")`);
  }
}

/** InfoPlist.strings translates Info.plist keys, including every usage description. */
async function checkInfoPlist(infoStrings, report) {
  const plist = path.join(root, APP_INFO_PLIST);
  const keys = new Set([...(await readFile(plist, 'utf8')).matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]));
  for (const language of LANGUAGES) {
    const file = relative(stringsPath(language, 'InfoPlist'));
    for (const [key, { line }] of infoStrings[language]) {
      if (!keys.has(key)) report(`${file}:${line}: "${key}" is not a key of ${relative(plist)}`);
    }
    for (const key of keys) {
      if (/^NS.*UsageDescription$/.test(key) && !infoStrings[language].has(key)) {
        report(`${file}: ${key} (${relative(plist)}) is not translated`);
      }
    }
  }
}

async function main() {
  const started = performance.now();
  for (const language of LANGUAGES) {
    for (const table of TABLES) {
      if (!existsSync(stringsPath(language, table))) {
        console.error(`missing ${relative(stringsPath(language, table))}`);
        return 2;
      }
    }
  }
  const problems = [];
  const report = (line) => problems.push(line);
  const strings = await checkTable('Localizable', report);
  const infoStrings = await checkTable('InfoPlist', report);
  await checkInfoPlist(infoStrings, report);
  const parser = await loadSwift();
  const { files, used, counts } = await checkSwift(parser, strings, report);
  // `push.placeholder` is also the push gateway's loc-key (the core's IOS_PUSH_PLACEHOLDER_KEY).
  const unused = [...strings.fr.keys()].filter((key) => !used.has(key));

  for (const line of problems) console.log(line);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `strings: Localizable ${strings.fr.size} fr / ${strings.en.size} en keys, ` +
      `InfoPlist ${infoStrings.fr.size} / ${infoStrings.en.size}; ${files} Swift files: ` +
      `${counts.calls} keys in calls, ${counts.literals} other key literals, ` +
      `${counts.enumKeys} from ${counts.enums.size} enums, ${SAS_KEYS.length} SAS; ${problems.length} problems` +
      `${unused.length ? ` (unused: ${unused.join(', ')})` : ''} (${seconds} s)`,
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
