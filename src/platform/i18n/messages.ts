// The shape every language's messages must fill: a missing translation fails the type check.
import type { ErrorCode } from "../errors.js";

export type Entity =
  | "organisation"
  | "person"
  | "household"
  | "membership"
  | "user"
  | "grant"
  | "tenant"
  | "record";

export interface Messages {
  errors: Record<ErrorCode, string>;
  entities: Record<Entity, string>;
}
