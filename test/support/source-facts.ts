import ts from 'typescript';

/** One module a source file names: `import … from`, `export … from`, `import('…')`, `typeof import('…')`. */
export interface ImportFact {
  specifier: string;
  line: number;
  /** Only types cross (`import type`, or every named import marked `type`): still an arrow between rooms. */
  typeOnly: boolean;
}

/** A place that speaks SQL: kysely's runtime, a query builder call, or a string that reads as a statement. */
export interface SqlFact {
  line: number;
  what: string;
}

export interface SourceFacts {
  imports: ImportFact[];
  sql: SqlFact[];
}

const QUERY_BUILDERS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto']);

// The pattern: a statement keyword, then within 80 characters the word that goes with it.
const SQL_SHAPE = /\b(select|insert|update|delete)\b[\s\S]{0,80}\b(from|into|set)\b/i;
// A sentence of the interface (English or Vietnamese) starts with a capital and a lower-case
// letter, or ends with a full stop, a question or an exclamation: SQL in hailong does neither.
const PROSE = /^\s*[A-ZÀ-Ỹ][a-zà-ỹ]|[.!?…]["')\]]?\s*$/;

/** Whether a string literal reads as an SQL statement rather than a sentence someone reads. */
export function looksLikeSql(text: string): boolean {
  return SQL_SHAPE.test(text) && !PROSE.test(text);
}

/** The imports and the SQL of one TypeScript source, read with the compiler's own parser. */
export function sourceFacts(path: string, text: string): SourceFacts {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const facts: SourceFacts = { imports: [], sql: [] };
  const lineOf = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const addImport = (node: ts.Node, specifier: ts.Node | undefined, typeOnly: boolean) => {
    if (specifier && ts.isStringLiteralLike(specifier)) facts.imports.push({ specifier: specifier.text, line: lineOf(node), typeOnly });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const typeOnly = importsOnlyTypes(node.importClause);
      addImport(node, node.moduleSpecifier, typeOnly);
      if (!typeOnly && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === 'kysely') {
        facts.sql.push({ line: lineOf(node), what: "imports kysely's runtime (sql, the query builder)" });
      }
    } else if (ts.isExportDeclaration(node)) {
      addImport(node, node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      addImport(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      addImport(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      addImport(node, node.argument.literal, true);
    } else if (ts.isTaggedTemplateExpression(node) && tagName(node.tag) === 'sql') {
      facts.sql.push({ line: lineOf(node), what: "uses kysely's sql`…` template" });
      return; // its text is the same finding again
    } else if (ts.isPropertyAccessExpression(node) && QUERY_BUILDERS.has(node.name.text)) {
      facts.sql.push({ line: lineOf(node), what: `builds a query (.${node.name.text})` });
    } else if (isTextNode(node) && looksLikeSql(node.text)) {
      facts.sql.push({ line: lineOf(node), what: `holds an SQL statement in a string: ${JSON.stringify(node.text.trim().slice(0, 60))}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return facts;
}

function importsOnlyTypes(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false; // `import './x'` runs the module
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

/** `sql`, `sql.raw`, `sql<T>`: the tag's leftmost name. */
function tagName(tag: ts.Expression): string | undefined {
  if (ts.isIdentifier(tag)) return tag.text;
  if (ts.isPropertyAccessExpression(tag)) return tagName(tag.expression);
  return undefined;
}

function isTextNode(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateLiteralLikeNode | ts.JsxText {
  return (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateHead(node) ||
    ts.isTemplateMiddle(node) ||
    ts.isTemplateTail(node) ||
    ts.isJsxText(node)
  );
}
