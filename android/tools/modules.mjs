#!/usr/bin/env node
// The module list in one place: android/modules.txt. settings.gradle.kts reads it for Gradle;
// Maven cannot, so this writes the source folders of the two Maven builds from it, between
// marker comments:
//   jvm/pom.xml      `main`: src/main/kotlin of every module but the app and the fakes;
//                    `test`: the fakes' src/main/kotlin and every module's src/test/kotlin;
//   uicheck/pom.xml  `ui`: src/main/kotlin and src/ui/kotlin of the kotlin, ui and feature
//                    modules (the app's own folders are listed by hand there, outside the
//                    markers: they are folders of one module, not modules).
// Only folders that exist are listed.
//
//   node modules.mjs            checks: exits 1 when a pom differs from modules.txt, when a
//                               folder under libraries/ or features/ is not listed, or when a
//                               listed module has no folder
//   node modules.mjs --write    writes the poms' lists
//
// Exits 2 when modules.txt cannot be read or a pom has no markers.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const android = path.resolve(here, '..');
const KINDS = new Set(['app', 'kotlin', 'fakes', 'bindings', 'ui', 'feature']);

/** [{ path, kind }] in the file's order; throws on a malformed line. */
export async function readModules(file = path.join(android, 'modules.txt')) {
  const modules = [];
  const lines = (await readFile(file, 'utf8')).split('\n');
  lines.forEach((raw, index) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const fields = line.split(/\s+/);
    if (fields.length !== 2 || !KINDS.has(fields[1])) {
      throw new Error(`modules.txt:${index + 1}: expected "path kind" (kind: ${[...KINDS].join(', ')}), got "${line}"`);
    }
    modules.push({ path: fields[0], kind: fields[1] });
  });
  return modules;
}

const isDir = (relative) => existsSync(path.join(android, relative)) && statSync(path.join(android, relative)).isDirectory();

/** The folders of each list, relative to android/. */
function lists(modules) {
  const main = [];
  const test = [];
  const ui = [];
  for (const { path: module, kind } of modules) {
    if (kind === 'app') continue;
    const mainDir = `${module}/src/main/kotlin`;
    const uiDir = `${module}/src/ui/kotlin`;
    const testDir = `${module}/src/test/kotlin`;
    if (isDir(mainDir)) {
      (kind === 'fakes' ? test : main).push(mainDir);
      if (kind === 'kotlin' || kind === 'ui' || kind === 'feature') ui.push(mainDir);
    }
    if (isDir(uiDir)) ui.push(uiDir);
    if (isDir(testDir)) test.push(testDir);
  }
  return { 'jvm/pom.xml': { main, test }, 'uicheck/pom.xml': { ui } };
}

/** `text` with the lines between the markers of `name` replaced by `folders`. */
function withList(text, pom, name, folders) {
  const begin = `<!-- modules.txt (${name}): written by tools/modules.mjs -->`;
  const end = `<!-- end of modules.txt (${name}) -->`;
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() === begin);
  const last = lines.findIndex((line, index) => index > first && line.trim() === end);
  if (first < 0 || last < 0) throw new Error(`${pom}: no "${begin}" ... "${end}" markers`);
  const indent = lines[first].match(/^\s*/)[0];
  const body = folders.map((folder) => `${indent}<source>\${android.root}/${folder}</source>`);
  return [...lines.slice(0, first + 1), ...body, ...lines.slice(last)].join('\n');
}

/** Folders under libraries/ and features/ that modules.txt does not list, and listed ones missing. */
function unlisted(modules) {
  const listed = new Set(modules.map((module) => module.path));
  const problems = [];
  for (const group of ['libraries', 'features']) {
    if (!isDir(group)) continue;
    for (const name of readdirSync(path.join(android, group)).sort()) {
      const module = `${group}/${name}`;
      if (isDir(`${module}/src`) && !listed.has(module)) problems.push(`${module}: not in modules.txt`);
    }
  }
  for (const module of listed) if (!isDir(module)) problems.push(`modules.txt: ${module} has no folder`);
  return problems;
}

async function main() {
  const write = process.argv.includes('--write');
  let modules;
  try {
    modules = await readModules();
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  const problems = unlisted(modules);
  for (const [pom, names] of Object.entries(lists(modules))) {
    const file = path.join(android, pom);
    const text = await readFile(file, 'utf8');
    let wanted = text;
    try {
      for (const [name, folders] of Object.entries(names)) wanted = withList(wanted, pom, name, folders);
    } catch (error) {
      console.error(error.message);
      return 2;
    }
    if (wanted === text) continue;
    if (write) {
      await writeFile(file, wanted);
      console.log(`${pom}: written from modules.txt`);
    } else {
      problems.push(`${pom}: its source folders differ from modules.txt (run \`npm run modules\` in android/tools)`);
    }
  }
  for (const line of problems) console.log(line);
  const features = modules.filter((module) => module.kind === 'feature').length;
  console.log(`modules: ${modules.length} in modules.txt (${features} features), ${problems.length} problems`);
  return problems.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`modules check failed to run: ${error?.stack ?? error}`);
      process.exit(2);
    },
  );
}
