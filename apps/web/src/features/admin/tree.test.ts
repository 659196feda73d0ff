import { describe, expect, it } from "vitest";
import { childrenOf, treeOrder } from "./tree.js";

const org = (id: string, parentId: string | null, name: string) => ({ id, parentId, name });

describe("the organisation tree", () => {
  const list = [
    org("g2", "c1", "Ырыс №2"),
    org("f1", "root", "Қарасай федерациясы"),
    org("c1", "f1", "Қаскелең кластері"),
    org("root", null, "Мөлдір"),
    org("g1", "c1", "Ақ ниет №1"),
    org("mfo", "root", "Микроқаржы ұйымы"),
  ];

  it("puts each parent before its children, children by name", () => {
    expect(treeOrder(list).map((o) => o.id)).toEqual(["root", "f1", "c1", "g1", "g2", "mfo"]);
    expect(
      childrenOf(list)
        .get("c1")
        ?.map((o) => o.id),
    ).toEqual(["g1", "g2"]);
  });

  it("starts from the tops the reader can see when the root is out of her sight", () => {
    const hers = list.filter((o) => o.id !== "root" && o.id !== "mfo");
    expect(treeOrder(hers).map((o) => o.id)).toEqual(["f1", "c1", "g1", "g2"]);
  });
});
