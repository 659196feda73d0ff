// A command's JSON input, from a file or from standard input ("-"): the same body the API takes for
// the same command, checked against the same schema, each problem named by its path in the document.
import { readFile } from "node:fs/promises";
import { type RawIssue, translateIssues } from "@qadam/core/contract/validation";
import type { Locale } from "@qadam/core/i18n";
import type { z } from "zod";
import { CliError } from "./io.js";

async function readText(file: string): Promise<string> {
  if (file !== "-") return readFile(file, "utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The document in `file` checked against `schema`; every problem is named at once, in `locale`. */
export async function readJson<S extends z.ZodType>(
  file: string,
  schema: S,
  locale: Locale = "en",
): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readText(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new CliError(
      `${file}: ${translateIssues(locale, parsed.error.issues as unknown as RawIssue[], json)
        .map((i) => `${i.path || "(document)"}: ${i.message}`)
        .join("; ")}`,
    );
  return parsed.data;
}
