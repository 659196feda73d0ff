// The browser's check of a registration says what the API would say, on the field it concerns.
import { errorMessage } from "@qadam/core/i18n";
import { composeIin } from "@qadam/core/people/iin";
import { describe, expect, it } from "vitest";
import { checkPerson } from "./person-checks.js";

const TODAY = "2026-12-02";
const ORG = "01a234e8-c600-7000-8000-19c40c46dfd5";
const base = {
  orgId: ORG,
  givenName: "Гүлнар",
  familyName: "Сейітқызы",
  consent: { givenOn: TODAY, scope: "membership" },
};

describe("checking a person before she is registered", () => {
  it("passes a woman with a valid phone, IIN, birth date and sex", () => {
    const iin = composeIin("1994-07-21", "female", 4321);
    const checked = checkPerson(
      "en",
      { ...base, birthDate: "1994-07-21", sex: "female", iin, phone: "+7 701 555 1234" },
      TODAY,
    );
    expect(checked.ok).toBe(true);
  });

  it("refuses a phone that is not one, in the reader's language, on the phone", () => {
    const checked = checkPerson("kk", { ...base, phone: "12" }, TODAY);
    expect(checked).toEqual({
      ok: false,
      errors: { phone: errorMessage("kk", { code: "INVALID_PHONE", params: { phone: "12" } }) },
    });
  });

  it("refuses an IIN that does not match her birth date or her sex, on the IIN", () => {
    const iin = composeIin("1994-07-21", "female", 4321) ?? "";
    const otherDay = checkPerson("ru", { ...base, iin, birthDate: "1994-07-22" }, TODAY);
    expect(otherDay).toEqual({
      ok: false,
      errors: {
        iin: errorMessage("ru", {
          code: "IIN_BIRTH_DATE_MISMATCH",
          params: { iin, birthDate: "1994-07-22" },
        }),
      },
    });
    const man = checkPerson("en", { ...base, iin, sex: "male" }, TODAY);
    expect(man.ok ? {} : man.errors).toEqual({
      iin: errorMessage("en", { code: "IIN_SEX_MISMATCH", params: { iin } }),
    });
  });

  it("refuses an IIN with a wrong check digit and a birth date still to come", () => {
    const iin = composeIin("1994-07-21", "female", 4321) ?? "";
    const wrong = `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;
    const checked = checkPerson("en", { ...base, iin: wrong, birthDate: "2027-01-01" }, TODAY);
    expect(checked.ok ? {} : Object.keys(checked.errors).sort()).toEqual(["birthDate", "iin"]);
  });

  it("asks for a name when she has neither a family name nor a given name", () => {
    const checked = checkPerson("en", { orgId: ORG, consent: base.consent }, TODAY);
    expect(checked.ok ? {} : checked.errors).toEqual({ familyName: "Give a family name or a given name." });
  });
});
