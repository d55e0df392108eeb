// Apple `.strings` files as the iOS app writes them, read strictly: every line is
// `"key" = "value";`, a comment (`/* … */`, which may span lines, or `// …`) or blank. Anything
// else is reported with its line, as are duplicate keys, unknown escapes and empty values.

const ENTRY = /^"((?:[^"\\]|\\.)*)"\s*=\s*"((?:[^"\\]|\\.)*)"\s*;\s*(?:\/\/.*|\/\*.*\*\/\s*)?$/;
const ESCAPE = /\\(?:["\\'nrt0]|U[0-9A-Fa-f]{4}|u[0-9A-Fa-f]{4})/g;

/**
 * Parses `text`; returns `entries` (key → { value, line }) and `problems` (`{ line, message }`).
 */
export function parseStrings(text) {
  const entries = new Map();
  const problems = [];
  let commentFrom = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    let rest = raw.trim();
    if (commentFrom) {
      const end = rest.indexOf('*/');
      if (end < 0) return;
      commentFrom = 0;
      rest = rest.slice(end + 2).trim();
    }
    if (rest === '' || rest.startsWith('//')) return;
    if (rest.startsWith('/*')) {
      const end = rest.indexOf('*/', 2);
      if (end < 0) {
        commentFrom = line;
        return;
      }
      if (rest.slice(end + 2).trim() !== '') problems.push({ line, message: 'text after a comment' });
      return;
    }
    const match = ENTRY.exec(rest);
    if (!match) {
      problems.push({ line, message: 'not `"key" = "value";`, a comment or a blank line' });
      return;
    }
    const [, key, value] = match;
    for (const part of [key, value]) {
      const unknown = part.replace(ESCAPE, '').match(/\\./);
      if (unknown) problems.push({ line, message: `unknown escape ${unknown[0]}` });
    }
    if (key === '') problems.push({ line, message: 'empty key' });
    if (value === '') problems.push({ line, message: `"${key}" has an empty value` });
    const first = entries.get(key);
    if (first) {
      problems.push({ line, message: `"${key}" is defined twice (first on line ${first.line})` });
      return;
    }
    entries.set(key, { value, line });
  });
  if (commentFrom) problems.push({ line: commentFrom, message: 'comment not closed' });
  return { entries, problems };
}

// printf-style specifiers of Foundation's String(format:): position, flags, width, precision,
// length, conversion. `%%` is a literal percent sign.
const SPECIFIER = /%(?:(\d+)\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(hh|h|ll|l|q|L|z|t|j)?([@dDiuUxXoOfFeEgGaAcCsSp%])/g;

/**
 * The format specifiers of a value, position by position (`1:@`, `2:ld`), in a canonical
 * form: `%@ %d` and `%1$@ %2$d` are the same list. Returns { list, count, mixed }.
 */
export function specifiers(value) {
  const found = [];
  let next = 1;
  let positional = false;
  let sequential = false;
  for (const [, position, length = '', conversion] of value.matchAll(SPECIFIER)) {
    if (conversion === '%') continue;
    if (position) positional = true;
    else sequential = true;
    found.push({ position: position ? Number(position) : next++, spec: `${length}${conversion}` });
  }
  found.sort((a, b) => a.position - b.position);
  const list = found.map(({ position, spec }) => `${position}:${spec}`);
  return { list: list.join(' '), count: new Set(found.map((f) => f.position)).size, mixed: positional && sequential };
}
