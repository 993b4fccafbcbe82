#!/usr/bin/env node
// The client's translations: `node client/scripts/l10n.js` writes l10n/bundle.l10n.json (English) from
// every `vscode.l10n.t("...")` in client/src; `--check` changes nothing and fails (exit 1, one line per
// problem) when
//   - bundle.l10n.json is not what the sources give (a message added, changed or no longer used),
//   - a translated bundle (bundle.l10n.<lang>.json) lacks a message, has one no longer used, or its
//     placeholders ({0}, {1}...) or command links differ from the English,
//   - a string package.json contributes (a command's title, a view's name, a setting's description, the
//     walkthrough's text...) is not a `%key%`, or a `%key%` is missing from package.nls.json, or package.nls.json
//     has a key package.json does not use, or a package.nls.<lang>.json lacks a key, has an extra one, or
//     changes a command link, or names a file (a walkthrough step's Markdown) that does not exist,
//   - a message of l10n.t is not a string literal (extraction could not see it), or a literal string
//     reaches the UI without l10n.t (show*Message, an item's text, tooltip, title...: a heuristic; a line
//     ending in `// l10n-ignore` is skipped).
// docs/l10n.md explains the files and how to add a language.
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "../..");
const SRC = path.join(ROOT, "client", "src");
const L10N = path.join(ROOT, "l10n");
const BUNDLE = path.join(L10N, "bundle.l10n.json");

/** Every .ts file of the extension (its tests excluded: they show nothing to the user). */
function sources(dir = SRC) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== path.join(SRC, "test")) out.push(...sources(full));
    } else if (entry.name.endsWith(".ts")) {
      out.push(full);
    }
  }
  return out.sort();
}

/** The string literal starting at `text[i]` (a quote or a backtick without `${`): [value, end] or undefined. */
function readLiteral(text, i) {
  const quote = text[i];
  if (quote !== '"' && quote !== "'" && quote !== "`") return undefined;
  let value = "";
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === "\\") {
      const next = text[j + 1];
      const escapes = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "'": "'", "`": "`", $: "$" };
      if (next === "u" && text[j + 2] !== "{") {
        value += String.fromCharCode(parseInt(text.slice(j + 2, j + 6), 16));
        j += 5;
      } else {
        value += escapes[next] ?? next;
        j += 1;
      }
    } else if (c === quote) {
      return [value, j + 1];
    } else if (quote === "`" && c === "$" && text[j + 1] === "{") {
      return undefined;
    } else {
      value += c;
    }
  }
  return undefined;
}

function lineOf(text, index) {
  return text.slice(0, index).split("\n").length;
}

/** The messages of every l10n.t call: { messages: Map(message -> "file:line"), problems: [...] }. */
function extract() {
  const messages = new Map();
  const problems = [];
  for (const file of sources()) {
    const text = fs.readFileSync(file, "utf8");
    const rel = path.relative(ROOT, file);
    for (const m of text.matchAll(/\bl10n\.t\(\s*/g)) {
      const at = m.index + m[0].length;
      const literal = readLiteral(text, at);
      const where = `${rel}:${lineOf(text, m.index)}`;
      if (!literal) {
        problems.push(`${where}: the message of l10n.t must be a string literal (no \${...}: use {0} and an argument)`);
        continue;
      }
      const [message] = literal;
      if (!messages.has(message)) messages.set(message, where);
      const used = placeholders(message);
      const args = countArguments(text, literal[1]);
      const highest = used.length ? Math.max(...used.map((p) => Number(p.slice(1, -1)))) + 1 : 0;
      if (args !== undefined && args !== highest) {
        const has = highest ? `placeholders up to {${highest - 1}}` : "no placeholder";
        problems.push(`${where}: "${short(message)}" has ${has} but ${args} argument(s)`);
      }
    }
    problems.push(...unwrapped(text, rel));
  }
  return { messages, problems };
}

/** How many arguments follow the message of a call (undefined when they cannot be counted simply). */
function countArguments(text, from) {
  let depth = 0;
  let count = 0;
  let sawContent = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === "`") {
      const lit = readLiteral(text, i);
      if (!lit) {
        // a template with ${}: skip to its closing backtick
        const end = text.indexOf("`", i + 1);
        if (end < 0) return undefined;
        i = end;
      } else {
        i = lit[1] - 1;
      }
      sawContent = true;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      // A trailing comma after the last argument adds none.
      if (depth === 0) return count > 0 && !sawContent ? count - 1 : count;
      depth--;
    } else if (c === "," && depth === 0) {
      count++;
      sawContent = false;
      continue;
    }
    if (!/\s/.test(c)) sawContent = true;
  }
  return sawContent ? undefined : count;
}

/** Where a literal reaches the UI without l10n.t (a heuristic over one file). */
function unwrapped(text, rel) {
  const problems = [];
  const patterns = [
    /\bshow(?:Information|Warning|Error)Message\(\s*["'`]/g,
    /\b(?:showInformationMessage|showWarningMessage|showErrorMessage)\([^)]*?,\s*["'`](?=[A-Z])/g,
    /\.(?:text|tooltip|detail|name|description|placeholder|title|label|message)\s*=\s*["'`]/g,
    /[{,]\s*(?:title|placeHolder|prompt|label|description|detail|tooltip)\s*:\s*["'`]/g,
    /\bnew (?:vscode\.)?(?:TreeItem|TestMessage|MarkdownString)\(\s*["'`]/g,
    /\bthrow new Error\(\s*["'`]/g,
  ];
  const lines = text.split("\n");
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length - 1;
      const line = lineOf(text, end);
      const source = lines[line - 1];
      if (/\/\/ l10n-ignore\s*$/.test(source) || /^\s*(\/\/|\*)/.test(source)) continue;
      // Only words need translating: `${a}/${b}` or "$(icon)" alone do not.
      if (!/[A-Za-z]{2}/.test(literalWords(text, end).replace(/\$\([a-z-]+\)/g, ""))) continue;
      problems.push(`${rel}:${line}: a literal reaches the UI without vscode.l10n.t: ${source.trim().slice(0, 100)}`);
    }
  }
  return problems;
}

/** The literal text of the string starting at `text[i]`, a template's `${...}` parts left out. */
function literalWords(text, i) {
  const literal = readLiteral(text, i);
  if (literal) return literal[0];
  let out = "";
  let depth = 0;
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (depth === 0 && c === "`") break;
    if (depth === 0 && c === "$" && text[j + 1] === "{") {
      depth = 1;
      j++;
    } else if (depth > 0) {
      if (c === "{") depth++;
      else if (c === "}") depth--;
    } else {
      out += c;
    }
  }
  return out;
}

function placeholders(message) {
  return [...new Set(message.match(/\{\d+\}/g) ?? [])].sort();
}

function links(message) {
  return [...(message.match(/\(command:[^)\s]+\)/g) ?? [])].sort();
}

function short(message) {
  return message.length > 60 ? `${message.slice(0, 57)}...` : message;
}

function readJson(file, problems) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    problems.push(`${path.relative(ROOT, file)}: ${err.code === "ENOENT" ? "missing" : err.message}`);
    return undefined;
  }
}

function sorted(object) {
  return Object.fromEntries(Object.keys(object).sort().map((k) => [k, object[k]]));
}

function json(object) {
  return `${JSON.stringify(object, null, 2)}\n`;
}

/** A translation against its English: same keys, non-empty values, same placeholders and links. */
function compare(english, translated, name, problems, keyKind) {
  for (const key of Object.keys(english)) {
    if (!(key in translated)) {
      problems.push(`${name}: missing ${keyKind} "${short(key)}"`);
      continue;
    }
    const value = translated[key];
    if (typeof value !== "string" || !value.trim()) {
      problems.push(`${name}: empty translation of "${short(key)}"`);
      continue;
    }
    if (placeholders(english[key]).join() !== placeholders(value).join()) {
      problems.push(`${name}: "${short(key)}": placeholders ${placeholders(value).join(" ") || "none"}, the English has ${placeholders(english[key]).join(" ") || "none"}`);
    }
    if (links(english[key]).join() !== links(value).join()) {
      problems.push(`${name}: "${short(key)}": command links differ from the English`);
    }
  }
  for (const key of Object.keys(translated)) {
    if (!(key in english)) problems.push(`${name}: "${short(key)}" is no longer used (not in the English)`);
  }
}

/** Every `%key%` string in package.json. */
function manifestKeys(value, out = new Set()) {
  if (typeof value === "string") {
    const m = /^%([^%\s]+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) manifestKeys(v, out);
  }
  return out;
}

/** Contributed strings the user reads, as [where, value] (command titles, view names, setting descriptions...). */
function contributedStrings(manifest) {
  const out = [];
  const c = manifest.contributes ?? {};
  const add = (where, value) => {
    if (typeof value === "string") out.push([where, value]);
  };
  add("description", manifest.description);
  add("capabilities.untrustedWorkspaces.description", manifest.capabilities?.untrustedWorkspaces?.description);
  for (const cmd of c.commands ?? []) {
    add(`command ${cmd.command} title`, cmd.title);
    add(`command ${cmd.command} category`, cmd.category);
  }
  for (const [place, containers] of Object.entries(c.viewsContainers ?? {})) for (const v of containers) add(`viewsContainers.${place} ${v.id} title`, v.title);
  for (const views of Object.values(c.views ?? {})) for (const v of views) add(`view ${v.id} name`, v.name);
  for (const w of c.viewsWelcome ?? []) add(`viewsWelcome ${w.view} (${w.when})`, w.contents);
  const configurations = Array.isArray(c.configuration) ? c.configuration : c.configuration ? [c.configuration] : [];
  for (const conf of configurations) {
    add("configuration title", conf.title);
    for (const [name, prop] of Object.entries(conf.properties ?? {})) {
      for (const field of ["description", "markdownDescription", "deprecationMessage", "markdownDeprecationMessage"]) add(`setting ${name} ${field}`, prop[field]);
      for (const [i, d] of (prop.enumDescriptions ?? prop.markdownEnumDescriptions ?? []).entries()) add(`setting ${name} enum description ${i}`, d);
    }
  }
  for (const w of c.walkthroughs ?? []) {
    add(`walkthrough ${w.id} title`, w.title);
    add(`walkthrough ${w.id} description`, w.description);
    for (const step of w.steps ?? []) {
      add(`walkthrough step ${step.id} title`, step.title);
      add(`walkthrough step ${step.id} description`, step.description);
      add(`walkthrough step ${step.id} media altText`, step.media?.altText);
    }
  }
  return out;
}

/** The other languages' files in `dir` matching `prefix.<lang>.json`. */
function translations(dir, prefix) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}.`) && f.endsWith(".json") && f !== `${prefix}.json`)
    .sort()
    .map((f) => path.join(dir, f));
}

function check(messages, problems) {
  const expected = Object.fromEntries([...messages.keys()].map((m) => [m, m]));
  const bundle = readJson(BUNDLE, problems);
  if (bundle) {
    for (const key of Object.keys(expected)) if (!(key in bundle)) problems.push(`l10n/bundle.l10n.json: missing "${short(key)}" (${messages.get(key)}): run node client/scripts/l10n.js`);
    for (const key of Object.keys(bundle)) if (!(key in expected)) problems.push(`l10n/bundle.l10n.json: "${short(key)}" is no longer used in client/src: run node client/scripts/l10n.js`);
    if (fs.readFileSync(BUNDLE, "utf8") !== json(sorted(expected)) && problems.length === 0) problems.push("l10n/bundle.l10n.json: not as generated: run node client/scripts/l10n.js");
  }
  for (const file of translations(L10N, "bundle.l10n")) {
    const translated = readJson(file, problems);
    if (translated) compare(expected, translated, path.relative(ROOT, file), problems, "message");
  }

  const manifest = readJson(path.join(ROOT, "package.json"), problems);
  const nls = readJson(path.join(ROOT, "package.nls.json"), problems);
  if (manifest && nls) {
    for (const [where, value] of contributedStrings(manifest)) {
      if (!/^%[^%\s]+%$/.test(value)) problems.push(`package.json: ${where} is not localised: use "%key%" and put the text in package.nls.json`);
    }
    const used = manifestKeys(manifest);
    for (const key of used) if (!(key in nls)) problems.push(`package.nls.json: missing "%${key}%" (used in package.json)`);
    for (const key of Object.keys(nls)) if (!used.has(key)) problems.push(`package.nls.json: "${key}" is not used in package.json`);
    const files = [[path.join(ROOT, "package.nls.json"), nls]];
    for (const file of translations(ROOT, "package.nls")) {
      const translated = readJson(file, problems);
      if (translated) compare(nls, translated, path.relative(ROOT, file), problems, "key");
      if (translated) files.push([file, translated]);
    }
    // A value that names a file (a walkthrough step's Markdown in that language) must name one that exists.
    for (const [file, values] of files) {
      for (const [key, value] of Object.entries(values)) {
        if (typeof value === "string" && /^[\w./-]+\.(md|png|svg|jpg|gif)$/.test(value) && !fs.existsSync(path.join(ROOT, value))) {
          problems.push(`${path.relative(ROOT, file)}: "${key}" names ${value}, which does not exist`);
        }
      }
    }
  }
  return problems;
}

function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== "--check");
  if (unknown.length) {
    console.error(`l10n.js: unknown argument ${unknown.join(" ")} (usage: node client/scripts/l10n.js [--check])`);
    return 2;
  }
  const { messages, problems } = extract();
  if (args.includes("--check")) {
    check(messages, problems);
    for (const p of problems) console.error(p);
    if (problems.length) {
      console.error(`l10n: ${problems.length} problem(s)`);
      return 1;
    }
    console.log(`l10n: ${messages.size} messages, every bundle and package.nls file complete`);
    return 0;
  }
  fs.mkdirSync(L10N, { recursive: true });
  fs.writeFileSync(BUNDLE, json(sorted(Object.fromEntries([...messages.keys()].map((m) => [m, m])))));
  console.log(`wrote ${path.relative(ROOT, BUNDLE)}: ${messages.size} messages`);
  const rest = check(messages, problems);
  for (const p of rest) console.error(p);
  return rest.length ? 1 : 0;
}

if (require.main === module) process.exit(main());

module.exports = { extract, readLiteral, countArguments, placeholders };
