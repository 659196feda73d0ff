// The table-level wall behind the front doors: a table of schema.ts is read and written only by the
// domain that owns it (platform/db/table-owners.ts). Every non-test file under src is parsed with the
// TypeScript compiler and each table it names — a Kysely selectFrom, insertInto, updateTable,
// deleteFrom or join with a literal table name, or the text of a raw sql`…` template — must be its own.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { TABLE_OWNERS } from "./platform/db/table-owners.js";

const SRC = import.meta.dirname;

/** Kysely's methods whose first argument names a table (or a list of them, for selectFrom). */
const TABLE_METHODS = new Set([
  "selectFrom",
  "insertInto",
  "replaceInto",
  "updateTable",
  "deleteFrom",
  "mergeInto",
  "using",
  "innerJoin",
  "leftJoin",
  "rightJoin",
  "fullJoin",
  "crossJoin",
  "innerJoinLateral",
  "leftJoinLateral",
  "crossJoinLateral",
]);

/** In raw SQL, the word after one of these is a table (or a CTE, an alias, a function: not in the map). */
const RAW_TABLE = /\b(?:from|join|into|update|table)\s+([a-z_][a-z0-9_]*)/gi;

/** Files that may touch any table: schema history, the database's own set-up, test fixtures, and the
 * session resolver (it reads a session's user, grants and organisations in one statement per request). */
const EXEMPT = [
  /^platform\/db\/migrations\//,
  /^platform\/db\/column-types\.ts$/,
  /^testing\//,
  /^platform\/auth\/sessions\.ts$/,
  /\.test\.ts$/,
  // A domain's testing.ts holds fixtures for tests only (dependency-cruiser keeps it out of production).
  /(^|\/)testing\.ts$/,
];

type Table = keyof typeof TABLE_OWNERS;

/** The table a name stands for (snake_case in raw SQL, camelCase in Kysely, maybe with an alias), if any. */
function tableNamed(name: string): Table | undefined {
  const table = (name.trim().split(/\s+/)[0] ?? "").replace(/_([a-z0-9])/g, (_, c: string) =>
    c.toUpperCase(),
  );
  return Object.hasOwn(TABLE_OWNERS, table) ? (table as Table) : undefined;
}

interface TableAccess {
  table: Table;
  line: number;
}

/** The tables a module's text names, with the line of each mention. */
function tableAccesses(fileName: string, text: string): TableAccess[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: TableAccess[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const literal = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const table = tableNamed(node.text);
      if (table) found.push({ table, line: lineOf(node) });
    } else if (ts.isArrayLiteralExpression(node)) node.elements.forEach(literal);
  };
  const raw = (node: ts.Node, sqlText: string) => {
    for (const m of sqlText.matchAll(RAW_TABLE)) {
      const table = tableNamed(m[1] ?? "");
      if (table) found.push({ table, line: lineOf(node) });
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const first = node.arguments[0];
      if (TABLE_METHODS.has(node.expression.name.text) && first) literal(first);
    }
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === "sql") {
      const t = node.template;
      const sqlText = ts.isNoSubstitutionTemplateLiteral(t)
        ? t.text
        : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)].join(" ? ");
      raw(node, sqlText);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The domain a file under src belongs to: its top folder ("app" for the composition root's files). */
const domainOf = (path: string) => (path.includes("/") ? (path.split("/")[0] ?? "") : "app");

/** "path:line table (owner)" for each access to a table the file's domain does not own. */
function foreignAccesses(files: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (EXEMPT.some((re) => re.test(path))) continue;
    for (const { table, line } of tableAccesses(path, text)) {
      const owner = TABLE_OWNERS[table];
      if (owner !== domainOf(path)) out.push(`${path}:${line} ${table} (${owner})`);
    }
  }
  return out.sort();
}

function sourceFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".d.ts")) continue;
    const full = join(entry.parentPath, entry.name);
    files[relative(SRC, full).split(sep).join("/")] = readFileSync(full, "utf8");
  }
  return files;
}

describe("table ownership", () => {
  it("has every table of the schema touched only by the domain that owns it", () => {
    expect(foreignAccesses(sourceFiles(SRC))).toEqual([]);
  });

  it("bites: a domain reading or writing another's table is found, through Kysely or raw SQL", () => {
    const files = {
      "groups/rollup.ts": [
        'import { sql } from "kysely";',
        'export const a = (db) => db.selectFrom("loans as l").innerJoin("meetings as m", "m.id", "l.id");',
        'export const b = (db) => db.selectFrom(["memberships", "groupRules"]).selectAll();',
        // A template with a substitution: its text comes in pieces.
        "export const c = (db, id) => sql`select count(*) from journal_lines jl join meetings m on m.id = $" +
          "{id}`;",
        'export const d = (db) => db.insertInto("auditLog").values({});',
        'export const e = (db) => db.with("x", (q) => q.selectFrom("meetings")).selectFrom("x");',
      ].join("\n"),
      "demo/generate.ts": 'export const f = (db) => db.updateTable("persons").set({});',
      "loans/store.ts": 'export const g = (db) => db.deleteFrom("loanNotes").where("id", "=", 1);',
      "platform/db/migrations/0001_foundation.ts": 'export const h = (db) => db.selectFrom("loans");',
      "loans/lists.test.ts": 'export const i = (db) => db.selectFrom("persons");',
    };
    expect(foreignAccesses(files)).toEqual([
      "demo/generate.ts:1 persons (people)",
      "groups/rollup.ts:2 loans (loans)",
      "groups/rollup.ts:3 memberships (people)",
      "groups/rollup.ts:4 journalLines (books)",
      "groups/rollup.ts:5 auditLog (platform)",
    ]);
  });
});
