import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { requestHash } from "./command-route.js";
import { controlCharacterIn, jsonDepthExceeds } from "./server.js";

describe("request guards", () => {
  it("finds control characters anywhere in a body, keys included", () => {
    expect(controlCharacterIn({ name: "Ақбота", note: "line\nbreak\tand tab" })).toBeNull();
    expect(controlCharacterIn({ name: "a\u0000b" })).toBe("name");
    expect(controlCharacterIn({ grants: [{ orgId: "x" }, { orgId: "\u001b[31m" }] })).toBe("grants[1].orgId");
    expect(controlCharacterIn({ "bad\u0007key": 1 })).toBe("bad\u0007key");
  });

  it("walks any nesting without overflowing the stack", () => {
    let deep: unknown = "a\u0000b";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(controlCharacterIn(deep)).toBe("[0]".repeat(100_000));
  });

  it("measures a JSON text's nesting, brackets inside strings aside", () => {
    expect(jsonDepthExceeds("[[[]]]", 3)).toBe(false);
    expect(jsonDepthExceeds("[[[[]]]]", 3)).toBe(true);
    expect(jsonDepthExceeds('{"a":{"b":[1]}}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":{"b":[{}]}}', 3)).toBe(true);
    expect(jsonDepthExceeds(`["${"[".repeat(100)}", "\\", ""[[[["]`, 2)).toBe(false);
    expect(jsonDepthExceeds(`${"[".repeat(10_000)}${"]".repeat(10_000)}`, 64)).toBe(true);
  });

  it("hashes requests by their content, key order aside, passwords included but only under the key", () => {
    const key = "k".repeat(32);
    const a = requestHash("POST", "/x", { b: 1, a: [1, { d: 2, c: 3 }] }, key);
    expect(requestHash("POST", "/x", { a: [1, { c: 3, d: 2 }], b: 1 }, key)).toBe(a);
    expect(requestHash("POST", "/x", { b: 2, a: [1, { d: 2, c: 3 }] }, key)).not.toBe(a);
    const withPassword = requestHash("POST", "/users", { login: "a", password: "secret one" }, key);
    expect(requestHash("POST", "/users", { login: "a", password: "secret two" }, key)).not.toBe(withPassword);
    expect(requestHash("POST", "/users", { login: "a", password: "secret one" }, key)).toBe(withPassword);
    expect(requestHash("POST", "/users", { login: "a" }, key)).not.toBe(withPassword);
    // Keyed: without the server's secret, the password cannot be tried against the stored hash.
    expect(requestHash("POST", "/users", { login: "a", password: "secret one" }, "o".repeat(32))).not.toBe(
      withPassword,
    );
    const plain = (text: string) => createHash("sha256").update(text).digest("hex");
    expect(withPassword).not.toBe(plain('POST /users\n{"login":"a","password":"secret one"}'));
    // A body without a password keeps the plain digest that keys stored before were checked against.
    expect(requestHash("POST", "/x", { a: 1 }, key)).toBe(plain('POST /x\n{"a":1}'));
  });
});
