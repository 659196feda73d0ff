import fc from "fast-check";
import { v4 as uuidv4, v7 as uuidv7 } from "uuid";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { clientId as clientIdSchema } from "./contract/schemas.js";
import { type RawIssue, summaryCode, translateIssues } from "./contract/validation.js";
import { clientId, isUuidV7, seededIds, systemIds } from "./ids.js";

describe("an id chosen by the client", () => {
  it("is a UUIDv7: the version nibble 7 and the variant bits 10", () => {
    expect(isUuidV7("019a5f2c-7b3e-7c41-9d2a-5e8f0b1c2d3e")).toBe(true);
    // Version 4, and version 7 with the variant of Microsoft's GUIDs (110) or of the NCS (0).
    expect(isUuidV7("019a5f2c-7b3e-4c41-9d2a-5e8f0b1c2d3e")).toBe(false);
    expect(isUuidV7("019a5f2c-7b3e-7c41-cd2a-5e8f0b1c2d3e")).toBe(false);
    expect(isUuidV7("019a5f2c-7b3e-7c41-5d2a-5e8f0b1c2d3e")).toBe(false);
    // Not the 8-4-4-4-12 form: no hyphens, braces, a character short or too many, not hex.
    expect(isUuidV7("019a5f2c7b3e7c419d2a5e8f0b1c2d3e")).toBe(false);
    expect(isUuidV7("{019a5f2c-7b3e-7c41-9d2a-5e8f0b1c2d3e}")).toBe(false);
    expect(isUuidV7("019a5f2c-7b3e-7c41-9d2a-5e8f0b1c2d3")).toBe(false);
    expect(isUuidV7("019a5f2c-7b3e-7c41-9d2a-5e8f0b1c2d3e0")).toBe(false);
    expect(isUuidV7("019a5f2c-7b3e-7c41-9d2a-5e8f0b1c2d3g")).toBe(false);
    expect(isUuidV7(" 019a5f2c-7b3e-7c41-9d2a-5e8f0b1c2d3e")).toBe(false);
    expect(isUuidV7("")).toBe(false);
  });

  it("is read in either case and kept in lower case", () => {
    expect(clientId("019A5F2C-7B3E-7C41-9D2A-5E8F0B1C2D3E")).toBe("019a5f2c-7b3e-7c41-9d2a-5e8f0b1c2d3e");
    expect(clientId("019a5f2c-7b3e-4c41-9d2a-5e8f0b1c2d3e")).toBeNull();
  });

  it("accepts every id the server and the tests make, and refuses every version-4 id", () => {
    const seeded = seededIds(Math.random);
    for (let i = 0; i < 200; i++) {
      expect(isUuidV7(systemIds.next())).toBe(true);
      expect(isUuidV7(seeded.next())).toBe(true);
      expect(isUuidV7(uuidv4())).toBe(false);
    }
  });

  it("made by the server are unique and sort in the order they were made", () => {
    const ids = Array.from({ length: 20_000 }, () => systemIds.next());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const ms = Number.parseInt(ids[0]?.replace("-", "").slice(0, 12) ?? "", 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
  });

  it("finds exactly the version and variant bits a UUIDv7 must have", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
        const text = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
        const version = (bytes[6] ?? 0) >> 4;
        const variant = (bytes[8] ?? 0) >> 6;
        expect(isUuidV7(text)).toBe(version === 7 && variant === 0b10);
        expect(isUuidV7(uuidv7({ random: bytes }))).toBe(true);
      }),
    );
  });

  it("answers INVALID_ID (a 422 of its own) in the reader's language, and lower-cases what it takes", () => {
    const body = z.strictObject({ id: clientIdSchema.optional() });
    expect(body.parse({ id: "019A5F2C-7B3E-7C41-9D2A-5E8F0B1C2D3E" }).id).toBe(
      "019a5f2c-7b3e-7c41-9d2a-5e8f0b1c2d3e",
    );
    expect(body.parse({}).id).toBeUndefined();
    const input = { id: "6ba7b810-9dad-11d1-80b4-00c04fd430c8" };
    const parsed = body.safeParse(input);
    if (parsed.success) throw new Error("a version-1 id was taken");
    const raw = parsed.error.issues as unknown as RawIssue[];
    const en = translateIssues("en", raw, input, "body");
    expect(en).toEqual([
      {
        path: "body.id",
        code: "INVALID_ID",
        message: "The field “identifier”: “6ba7b810-9dad-11d1-80b4-00c04fd430c8” is not a UUID of version 7.",
      },
    ]);
    expect(summaryCode(en)).toBe("INVALID_ID");
    expect(translateIssues("ru", raw, input, "body")[0]?.message).toBe(
      "Поле «идентификатор»: «6ba7b810-9dad-11d1-80b4-00c04fd430c8» — не уникальный идентификатор седьмой версии.",
    );
  });
});
