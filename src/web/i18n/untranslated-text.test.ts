import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * A cheap pseudo-locale: finds words written straight into the JSX of the
 * staff app instead of going through `t()`, which would show in one language
 * to everybody. Text made only of digits, punctuation and symbols (×, —, ›)
 * is allowed.
 */
const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Props that end up on screen or in the accessibility tree. */
const VISIBLE_PROPS = new Set([
  'aria-label', 'title', 'placeholder', 'alt', 'label', 'legend', 'hint', 'emptyLabel', 'emptyText', 'caption', 'header', 'subtitle', 'message', 'text',
]);
const LETTER = /\p{L}/u;

function tsxFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...tsxFiles(full));
    else if (name.endsWith('.tsx') && !name.endsWith('.test.tsx')) out.push(full);
  }
  return out;
}

function untranslatedText(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push(`${path.relative(webRoot, fileName)}:${line + 1}: ${JSON.stringify(text.trim())}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && VISIBLE_PROPS.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init) && LETTER.test(init.text)) report(init, init.text);
      if (ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression) && LETTER.test(init.expression.text)) report(init, init.expression.text);
    }
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) && node.expression && ts.isStringLiteralLike(node.expression) && LETTER.test(node.expression.text)) {
      report(node, node.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('untranslated text in the staff app', () => {
  it('finds words written straight into JSX (the check itself works)', () => {
    const sample = `const A = () => <p title="Hello">Save <b>{'now'}</b> {t('ok')} — 12 ×</p>;`;
    expect(untranslatedText(path.join(webRoot, 'sample.tsx'), sample)).toHaveLength(3);
  });

  it('has none', () => {
    const found = tsxFiles(webRoot).flatMap((file) => untranslatedText(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
