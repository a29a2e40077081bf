#!/usr/bin/env node
/**
 * Checks the documentation against itself and the CLI:
 * 1. nothing lost: every heading, command-line flag, environment variable, code-span term (config keys,
 *    option names, file names) and key of a JSON / TypeScript / YAML example that the 1000-line README held before it was split
 *    (its terms are kept in scripts/docs-terms.json) still appears in README.md or docs/*.md;
 * 2. links: every relative link in README.md and docs/*.md resolves to a file, and every `#anchor`
 *    to a heading of the target page;
 * 3. commands: every `maskproof <command> --flag` written in a code span or code block names a
 *    command and an option that the CLI's help text (src/cli/usage.ts, src/cli/scan-command.ts) has;
 * 4. hints: every error hint in src/ that sends the user to `"<section>" in docs/<page>.md` (or the
 *    README) names a heading that page has.
 *
 *   node scripts/check-docs.mjs                     check; exit 1 with one line per problem
 *   node scripts/check-docs.mjs --extract FILE      rewrite scripts/docs-terms.json from an old README
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TERMS_FILE = 'scripts/docs-terms.json';

/** The lines of a markdown text that are prose (outside ``` fences), and those inside fences. */
function splitFences(markdown) {
  const prose = [];
  const code = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.trimStart().startsWith('```')) {
      fenced = !fenced;
      continue;
    }
    (fenced ? code : prose).push(line);
  }
  return { prose, code };
}

export function headingsOf(markdown) {
  return splitFences(markdown)
    .prose.filter((line) => /^#{1,6} /.test(line))
    .map((line) => line.replace(/^#+ /, '').trim());
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slugOf(heading) {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function normalise(text) {
  return text
    .toLowerCase()
    .replace(/[`*_:()"']/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function codeSpansOf(line) {
  return [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

/** What an old README mentions that must survive: headings, flags, env vars, code-span terms. */
export function extractTerms(markdown) {
  const { prose, code } = splitFences(markdown);
  const text = [...prose, ...code].join('\n');
  const flags = new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z0-9-]*/g)].map((m) => m[0]));
  const env = new Set([...text.matchAll(/\b(?:MASKPROOF|CHROME)_[A-Z_]+\b/g)].map((m) => m[0]));
  const terms = new Set();
  for (const line of prose) {
    for (const span of codeSpansOf(line)) {
      // identifiers, key paths and file names: `maskAllInputs`, `policy.collection.sampleRate`, `safe.json`
      if (/^[A-Za-z_$][\w$.\/-]*$/.test(span) && span.length > 2) terms.add(span);
    }
  }
  for (const line of code) {
    // config keys written in JSON, TypeScript and YAML examples: "maskAllInputs": / webServer: / - goto:
    for (const m of line.matchAll(/(?:^|[{,\s])"?([A-Za-z_][\w]{2,})"?\s*:(?!\/)/g)) terms.add(m[1]);
  }
  for (const flag of flags) terms.delete(flag);
  return { headings: headingsOf(markdown), flags: [...flags].sort(), env: [...env].sort(), terms: [...terms].sort() };
}

/** Terms of the old README that appear nowhere in the new documentation. */
export function missingTerms(terms, texts) {
  const all = texts.join('\n');
  const headings = texts.flatMap(headingsOf).map(normalise);
  const missing = [];
  for (const h of terms.headings) {
    const want = normalise(h);
    if (!headings.some((have) => have.includes(want))) missing.push(`heading "${h}"`);
  }
  for (const flag of terms.flags) if (!new RegExp(`(?<![\\w-])${flag}(?![\\w-])`).test(all)) missing.push(`flag ${flag}`);
  for (const name of terms.env) if (!new RegExp(`\\b${name}\\b`).test(all)) missing.push(`environment variable ${name}`);
  for (const term of terms.terms) if (!all.includes(term)) missing.push(`term \`${term}\``);
  return missing;
}

/** Relative links that point at no file, or at no heading of their target. `files`: path → text. */
export function brokenLinks(files, fileExists = existsSync) {
  const problems = [];
  for (const [path, markdown] of files) {
    for (const line of splitFences(markdown).prose) {
      const withoutCode = line.replace(/`[^`]*`/g, '');
      for (const m of withoutCode.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
        const target = m[1];
        if (/^[a-z]+:/i.test(target)) continue; // http:, https:, mailto:
        const [file, anchor] = target.split('#');
        const targetPath = file ? join(dirname(path), file) : path;
        if (file && !files.has(targetPath) && !fileExists(targetPath)) {
          problems.push(`${path}: link to ${target}: no file ${targetPath}`);
          continue;
        }
        if (anchor !== undefined) {
          const text = files.get(targetPath) ?? (fileExists(targetPath) ? readFileSync(targetPath, 'utf8') : '');
          if (!headingsOf(text).map(slugOf).includes(anchor)) problems.push(`${path}: link to ${target}: no heading #${anchor} in ${targetPath}`);
        }
      }
    }
  }
  return problems;
}

/** The help text of each command, from the CLI's sources: command → text. */
export function loadHelp(root = ROOT) {
  const help = new Map();
  const usage = readFileSync(join(root, 'src/cli/usage.ts'), 'utf8');
  for (const m of usage.matchAll(/^ {2}(\w+): `([\s\S]*?)`,\s*$/gm)) help.set(m[1], m[2]);
  help.set('scan', readFileSync(join(root, 'src/cli/scan-command.ts'), 'utf8'));
  return help;
}

/** `maskproof <command> --flag` in code that the CLI's help does not know. */
export function unknownCommands(files, help) {
  const problems = [];
  for (const [path, markdown] of files) {
    const { prose, code } = splitFences(markdown);
    const snippets = [...prose.flatMap(codeSpansOf), ...code.map((line) => line.replace(/\s#\s.*$/, ''))];
    for (const snippet of snippets) {
      for (const m of snippet.matchAll(/\bmaskproof\s+([a-z]+)([^|;&]*)/g)) {
        const [, command, rest] = m;
        if (!help.has(command)) {
          problems.push(`${path}: \`maskproof ${command}\`: no such command`);
          continue;
        }
        const own = rest.split(/\s--(?:\s|$)/)[0];
        for (const flag of own.match(/(?<![\w-])--?[a-z][a-z0-9-]*/g) ?? []) {
          if (!new RegExp(`(?<![\\w-])${flag}(?![\\w-])`).test(help.get(command))) problems.push(`${path}: \`maskproof ${command} ${flag}\`: not an option of ${command}`);
        }
      }
    }
  }
  return problems;
}

/** Hints in source files that name a section of a page that does not have it. `sources`: path → text. */
export function staleHints(sources, root = ROOT) {
  const problems = [];
  for (const [path, text] of sources) {
    for (const m of text.replaceAll("\\'", "'").matchAll(/"([^"]+)" in (docs\/[\w-]+\.md|the README)/g)) {
      const page = m[2] === 'the README' ? 'README.md' : m[2];
      const file = join(root, page);
      const headings = existsSync(file) ? headingsOf(readFileSync(file, 'utf8')).map(normalise) : [];
      if (!headings.includes(normalise(m[1]))) problems.push(`${path}: sends the user to "${m[1]}" in ${page}, which has no such heading`);
    }
  }
  return problems;
}

function sourceFiles(root) {
  const files = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js|mjs)$/.test(entry.name)) files.set(path, readFileSync(path, 'utf8'));
    }
  };
  walk(join(root, 'src'));
  return files;
}

export function docFiles(root = ROOT) {
  const files = new Map();
  files.set(join(root, 'README.md'), readFileSync(join(root, 'README.md'), 'utf8'));
  const docs = join(root, 'docs');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) files.set(path, readFileSync(path, 'utf8'));
    }
  };
  if (existsSync(docs)) walk(docs);
  return files;
}

export function checkDocs(root = ROOT) {
  const files = docFiles(root);
  const terms = JSON.parse(readFileSync(join(root, TERMS_FILE), 'utf8'));
  return [
    ...missingTerms(terms, [...files.values()]).map((what) => `README.md + docs/: the old README's ${what} is gone`),
    ...brokenLinks(files),
    ...unknownCommands(files, loadHelp(root)),
    ...staleHints(sourceFiles(root), root),
  ].map((p) => p.replaceAll(`${root}/`, ''));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--extract');
  if (at !== -1) {
    const terms = extractTerms(readFileSync(process.argv[at + 1], 'utf8'));
    writeFileSync(join(ROOT, TERMS_FILE), `${JSON.stringify(terms, null, 1)}\n`);
    console.log(`${TERMS_FILE}: ${terms.headings.length} headings, ${terms.flags.length} flags, ${terms.env.length} environment variables, ${terms.terms.length} terms`);
  } else {
    const problems = checkDocs();
    for (const p of problems) console.log(p);
    console.log(problems.length === 0 ? 'docs: complete, every link resolves, every command matches the CLI' : `docs: ${problems.length} problem(s)`);
    process.exitCode = problems.length === 0 ? 0 : 1;
  }
}
