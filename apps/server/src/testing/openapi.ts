// The routes as the OpenAPI document describes them, for tests that try every route: each operation
// with its body schema and parameters, the paths to the fields a test picks, and bodies built to them.
import type { FastifyInstance } from "fastify";

export type Schema = {
  type?: string;
  format?: string;
  pattern?: string;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
};
/** A step into a body: a key, an array's first item, or a union's branch (its constant fields). */
export type Step = string | 0 | { branch: Record<string, unknown> };
export interface Operation {
  method: string;
  path: string;
  body: Schema | undefined;
  parameters: Array<{ name: string; in: string; schema?: Schema }>;
}

export function operations(app: FastifyInstance): Operation[] {
  const doc = app.swagger() as {
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: { content: Record<string, { schema: Schema }> };
          parameters?: Operation["parameters"];
        }
      >
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      body: op.requestBody?.content["application/json"]?.schema,
      // The fields a request carries: the Idempotency-Key header is the transport's, not a field.
      parameters: (op.parameters ?? []).filter((p) => p.in !== "header"),
    })),
  );
}

/** Paths to every field of `schema` that `matches`, through objects, arrays and unions' branches. */
export function fieldsWhere(
  schema: Schema | undefined,
  matches: (s: Schema) => boolean,
  at: Step[] = [],
): Array<{ at: Step[]; field: Schema }> {
  const found: Array<{ at: Step[]; field: Schema }> = [];
  if (!schema) return found;
  if (matches(schema)) found.push({ at, field: schema });
  for (const [key, child] of Object.entries(schema.properties ?? {}))
    found.push(...fieldsWhere(child, matches, [...at, key]));
  if (schema.items) found.push(...fieldsWhere(schema.items, matches, [...at, 0]));
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    const constant = (p: Schema) => p.const ?? (p.enum?.length === 1 ? p.enum[0] : undefined);
    const consts = Object.entries(branch.properties ?? {}).filter(([, p]) => constant(p) !== undefined);
    const fixed = Object.fromEntries(consts.map(([k, p]) => [k, constant(p)]));
    found.push(...fieldsWhere(branch, matches, consts.length > 0 ? [...at, { branch: fixed }] : at));
  }
  return found;
}

/** The field's path as the error details name it ("body.lines.0.amount"). */
export function pathOf(prefix: string, at: Step[]): string {
  return [prefix, ...at.filter((s) => typeof s !== "object")].join(".");
}

/** The smallest body holding `value` at `path` (the rest left out: its own issues are listed beside). */
export function bodyWith(path: Step[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (head === 0) return [bodyWith(rest, value)];
  if (typeof head === "object") return { ...head.branch, ...(bodyWith(rest, value) as object) };
  return { [head as string]: bodyWith(rest, value) };
}
