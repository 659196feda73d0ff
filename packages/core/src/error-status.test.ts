import { describe, expect, it } from "vitest";
import { ERROR_STATUS, joinErrorTables, statusOf } from "./error-status.js";
import { LOAN_ERRORS } from "./loans/errors.js";
import { PEOPLE_ERRORS } from "./people/errors.js";

describe("the error codes, joined from the domains' own", () => {
  it("keep each domain's code with the status the domain gave it", () => {
    expect(statusOf("LOAN_OVERPAYMENT")).toBe(LOAN_ERRORS.LOAN_OVERPAYMENT);
    expect(statusOf("IIN_ALREADY_REGISTERED")).toBe(409);
    for (const [code, status] of Object.entries(PEOPLE_ERRORS))
      expect(ERROR_STATUS[code as keyof typeof PEOPLE_ERRORS]).toBe(status);
  });

  it("refuse a code two domains both declare", () => {
    expect(joinErrorTables({ A: 400 }, { B: 409 })).toEqual({ A: 400, B: 409 });
    expect(() => joinErrorTables({ A: 400 }, { B: 409, A: 422 })).toThrow(
      "The error code A is declared by two domains",
    );
  });
});
