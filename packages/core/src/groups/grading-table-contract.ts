// The grading table's history as the API gives it (GET /api/v1/grading-table): the default table that
// holds before any version, and each version the tenant set, oldest first, with the day it takes effect.
import { z } from "zod";
import { gradingTableSchema } from "./grading.js";

export const gradingTableVersionItemSchema = z.object({
  validFrom: z.string(),
  table: gradingTableSchema,
  createdAt: z.string(),
});
export type GradingTableVersionItem = z.infer<typeof gradingTableVersionItemSchema>;

export const gradingTablesSchema = z.object({
  /** The table that holds before the first version (and when there is none). */
  default: gradingTableSchema,
  items: z.array(gradingTableVersionItemSchema),
});
export type GradingTablesDto = z.infer<typeof gradingTablesSchema>;
