// Finds the localisation keys a Swift file uses, with tree-sitter's Swift grammar:
// - `calls`: string literals given where SwiftUI or Foundation looks a key up:
//   Text("k"), Button("k"), Label("k", systemImage:), Section("k"), .navigationTitle("k"),
//   LocalizedStringKey(c ? "a" : "b"), L10n.string("k"), L10n.format("k", args…),
//   NSLocalizedString("k", …), String(localized: "k"), localizedString(forKey: "k") …;
//   `args` is the number of format arguments (L10n.format, NSLocalizedString's none), and
//   `interpolated` marks a literal with `\(…)` there (a key no .strings file can hold);
// - `literals`: every other plain literal shaped like a key (`case.reply`, `sas.thumbs up`),
//   outside SF Symbol and logger arguments: tables of keys (`membership.Joined`), switches;
// - `templates`: literals built from a prefix and one interpolation (`"urgency.\(rawValue)"`,
//   `"cases.filter.\(rawValue)"`), with the enum they are written in (its declaration or an
//   extension of it), if any;
// - `enums`: every enum's cases (name and raw value, if a string);
// - `tables`: array literals made only of string literals, with their position.

import { nodes as allNodes } from '../../tools/syntax-check.mjs';

// Calls whose first unlabelled argument is a LocalizedStringKey (or a key, for L10n and
// NSLocalizedString).
const KEY_CALLS = new Set([
  'Text', 'Button', 'Label', 'Toggle', 'TextField', 'SecureField', 'Section', 'Picker', 'Menu',
  'NavigationLink', 'Link', 'Stepper', 'Slider', 'LabeledContent', 'DatePicker', 'ProgressView',
  'ShareLink', 'GroupBox', 'DisclosureGroup', 'ControlGroup', 'ContentUnavailableView',
  'navigationTitle', 'alert', 'confirmationDialog', 'help', 'accessibilityLabel', 'accessibilityHint',
  'accessibilityValue', 'LocalizedStringKey', 'LocalizedStringResource', 'NSLocalizedString',
]);
// Calls on a receiver: `L10n.string("k")`, `L10n.format("k", …)`.
const RECEIVER_CALLS = { L10n: new Set(['string', 'format']) };
// Calls whose key comes with a label.
const LABELLED_CALLS = { String: 'localized', localizedString: 'forKey', localizedUserNotificationString: 'forKey' };
// Arguments that hold other dotted names: SF Symbols, logger names, Info.plist keys.
const NOT_KEYS = new Set(['systemImage', 'systemName', 'subsystem', 'category', 'forInfoDictionaryKey', 'named']);
const DECLARATION_KINDS = new Set(['enum', 'struct', 'class', 'extension', 'actor']);
const KEY_SHAPE = /^[a-z][A-Za-z0-9]*\.[A-Za-z0-9 .]*[A-Za-z0-9]$/;

/** The literal's text, whether it has interpolations, its static prefix and first interpolation. */
export function literal(node) {
  if (node.type !== 'line_string_literal' && node.type !== 'multi_line_string_literal') return null;
  let text = '';
  let prefix = null;
  let expression = null;
  let interpolations = 0;
  for (const child of node.children) {
    if (child.type === 'line_str_text' || child.type === 'multi_line_str_text') text += child.text;
    else if (child.type === 'str_escaped_char') text += unescape(child.text);
    else if (child.type === 'interpolated_expression') {
      interpolations += 1;
      if (prefix === null) {
        prefix = text;
        expression = child.text;
      }
      text += '%@';
    }
  }
  return { text, interpolations, prefix, expression };
}

function unescape(escaped) {
  const simple = { '\\n': '\n', '\\t': '\t', '\\r': '\r', '\\0': '\0' };
  return simple[escaped] ?? escaped.slice(1);
}

/** String literals an expression can evaluate to: itself, either side of `?:`, inside `( )`. */
function literalsOf(node) {
  if (!node) return [];
  if (literal(node)) return [node];
  if (node.type === 'ternary_expression') {
    const [, whenTrue, whenFalse] = node.namedChildren;
    return [...literalsOf(whenTrue), ...literalsOf(whenFalse)];
  }
  if (node.type === 'tuple_expression' && node.namedChildCount === 1) return literalsOf(node.namedChildren[0]);
  return [];
}

function calleeOf(call) {
  const callee = call.child(0);
  if (callee.type === 'simple_identifier') return { name: callee.text, receiver: null };
  if (callee.type === 'navigation_expression') {
    const suffix = callee.namedChildren.at(-1);
    const name = suffix?.namedChildren.at(-1);
    const target = callee.child(0);
    if (name?.type !== 'simple_identifier') return null;
    return { name: name.text, receiver: target.type === 'simple_identifier' ? target.text : null };
  }
  return null;
}

function argumentsOf(call) {
  const suffix = call.namedChildren.find((child) => child.type === 'call_suffix');
  const list = suffix?.namedChildren.find((child) => child.type === 'value_arguments');
  return (list?.namedChildren ?? []).filter((child) => child.type === 'value_argument');
}

function labelOf(argument) {
  const label = argument.namedChildren.find((child) => child.type === 'value_argument_label');
  return label ? label.text : null;
}

function valueOf(argument) {
  return argument.namedChildren.filter((child) => child.type !== 'value_argument_label').at(-1);
}

/** The key literals of a call that looks keys up, and its number of format arguments. */
function keyArguments(call) {
  const callee = calleeOf(call);
  if (!callee) return null;
  const args = argumentsOf(call);
  if (args.length === 0) return null;
  const labelled = LABELLED_CALLS[callee.name];
  if (labelled) {
    const argument = args.find((arg) => labelOf(arg) === labelled);
    return argument ? { nodes: literalsOf(valueOf(argument)), args: 0 } : null;
  }
  const viaReceiver = callee.receiver && RECEIVER_CALLS[callee.receiver]?.has(callee.name);
  if (!viaReceiver && !KEY_CALLS.has(callee.name)) return null;
  if (labelOf(args[0]) !== null) return null;
  const formatted = callee.receiver === 'L10n' && callee.name === 'format';
  return { nodes: literalsOf(valueOf(args[0])), args: formatted ? args.length - 1 : 0 };
}

/** `enum`, `struct`, `class`, `extension` or `actor`. */
function declarationKind(declaration) {
  return declaration.children.find((child) => DECLARATION_KINDS.has(child.type))?.type;
}

/** The enum a node is written in: its declaration, or an extension of it (by name). */
function enclosingEnum(node) {
  for (let at = node.parent; at; at = at.parent) {
    if (at.type !== 'class_declaration') continue;
    const kind = declarationKind(at);
    if (kind === 'enum') return at.namedChildren.find((c) => c.type === 'type_identifier')?.text ?? null;
    if (kind === 'extension') {
      const type = at.namedChildren.find((c) => c.type === 'user_type');
      return type?.namedChildren.at(-1)?.text ?? null;
    }
    return null;
  }
  return null;
}

function enumCases(declaration) {
  const body = declaration.namedChildren.find((c) => c.type === 'enum_class_body');
  const cases = [];
  for (const entry of body?.namedChildren ?? []) {
    if (entry.type !== 'enum_entry') continue;
    for (const child of entry.namedChildren) {
      if (child.type === 'simple_identifier') cases.push({ name: child.text, raw: null });
      else if (literal(child) && cases.length) cases.at(-1).raw = literal(child).text;
    }
  }
  return cases;
}


/** Everything `check-strings.mjs` needs from one parsed file. */
export function keysOfTree(tree) {
  const calls = [];
  const literals = [];
  const templates = [];
  const enums = [];
  const tables = [];
  const inCalls = new Set();
  const at = (node) => ({ line: node.startPosition.row + 1, column: node.startPosition.column + 1 });
  const nodes = [...allNodes(tree)];
  for (const node of nodes) {
    if (node.type === 'call_expression') {
      const found = keyArguments(node);
      for (const key of found?.nodes ?? []) {
        const { text, interpolations } = literal(key);
        inCalls.add(key.id);
        if (text === '') continue;
        calls.push({ key: text, args: found.args, interpolated: interpolations > 0, ...at(key) });
      }
    } else if (node.type === 'class_declaration' && declarationKind(node) === 'enum') {
      const name = node.namedChildren.find((c) => c.type === 'type_identifier')?.text;
      if (name) enums.push({ name, cases: enumCases(node), ...at(node) });
    } else if (node.type === 'array_literal') {
      const items = node.namedChildren;
      if (items.length && items.every((item) => literal(item)?.interpolations === 0)) {
        tables.push({ items: items.map((item) => literal(item).text), ...at(node) });
      }
    }
  }
  for (const node of nodes) {
    const value = literal(node);
    if (!value || inCalls.has(node.id)) continue;
    const argument = node.parent?.type === 'value_argument' ? node.parent : null;
    if (argument && NOT_KEYS.has(labelOf(argument))) continue;
    if (value.interpolations === 0 && KEY_SHAPE.test(value.text)) {
      literals.push({ key: value.text, ...at(node) });
    } else if (value.interpolations === 1 && /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*\.$/.test(value.prefix ?? '')
      && value.text === `${value.prefix}%@`) {
      const { prefix, expression } = value;
      templates.push({ prefix, expression, inEnum: enclosingEnum(node), ...at(node) });
    }
  }
  return { calls, literals, templates, enums, tables };
}
