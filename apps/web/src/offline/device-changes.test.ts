// The change notifier: this page's listeners hear a write at once, another tab's through the channel;
// a reader following some stores reads again after their writes only, and an overtaken answer is dropped.
import { describe, expect, it, vi } from "vitest";
import { deviceChanges, watchReads } from "./device-changes.js";

let count = 0;
const channelName = () => `device-changes-test-${process.pid}-${count++}`;

describe("the device's change notifier", () => {
  it("tells this page's listeners at once, and another tab's through the channel", async () => {
    const name = channelName();
    const here = deviceChanges(name);
    const there = deviceChanges(name);
    const heardHere: string[][] = [];
    const heardThere: string[][] = [];
    here.listen((stores) => heardHere.push([...stores]));
    there.listen((stores) => heardThere.push([...stores]));
    here.changed(["outbox"]);
    expect(heardHere).toEqual([["outbox"]]);
    await vi.waitFor(() => expect(heardThere).toEqual([["outbox"]]));
    // A tab does not hear its own write twice (a channel does not hear its own messages).
    await new Promise((r) => setTimeout(r, 20));
    expect(heardHere).toEqual([["outbox"]]);
    here.close();
    there.close();
  });

  it("stops telling a listener once stopped, and tells nothing once closed", async () => {
    const name = channelName();
    const changes = deviceChanges(name);
    const other = deviceChanges(name);
    const heard: string[][] = [];
    const stop = changes.listen((stores) => heard.push([...stores]));
    changes.changed(["drafts"]);
    stop();
    changes.changed(["outbox"]);
    expect(heard).toEqual([["drafts"]]);
    const heardOther: string[][] = [];
    other.listen((stores) => heardOther.push([...stores]));
    other.close();
    changes.changed(["groups"]);
    await new Promise((r) => setTimeout(r, 20));
    expect(heardOther).toEqual([]);
    changes.close();
  });
});

describe("a reader following the device's stores", () => {
  it("reads now, and again after a write to a store it follows, not after others", async () => {
    const changes = deviceChanges(channelName());
    let reads = 0;
    const shown: number[] = [];
    const stop = watchReads(
      changes,
      ["outbox"],
      async () => ++reads,
      (n) => shown.push(n),
      () => {},
    );
    await vi.waitFor(() => expect(shown).toEqual([1]));
    changes.changed(["drafts"]);
    changes.changed(["groups"]);
    changes.changed(["outbox"]);
    await vi.waitFor(() => expect(shown).toEqual([1, 2]));
    stop();
    changes.changed(["outbox"]);
    await new Promise((r) => setTimeout(r, 20));
    expect({ reads, shown }).toEqual({ reads: 2, shown: [1, 2] });
    changes.close();
  });

  it("drops an answer overtaken by a later read, and shows a failure", async () => {
    const changes = deviceChanges(channelName());
    const pending: Array<{ resolve: (v: string) => void; reject: (e: unknown) => void }> = [];
    const shown: string[] = [];
    const failures: unknown[] = [];
    const stop = watchReads(
      changes,
      ["outbox"],
      () => new Promise<string>((resolve, reject) => pending.push({ resolve, reject })),
      (v) => shown.push(v),
      (e) => failures.push(e),
    );
    changes.changed(["outbox"]);
    expect(pending).toHaveLength(2);
    // The second read answers first; the first one's late answer, older, is not shown over it.
    pending[1]?.resolve("second");
    await vi.waitFor(() => expect(shown).toEqual(["second"]));
    pending[0]?.resolve("first");
    await new Promise((r) => setTimeout(r, 10));
    expect(shown).toEqual(["second"]);
    changes.changed(["outbox"]);
    pending[2]?.reject(new Error("storage gone"));
    await vi.waitFor(() => expect(failures).toHaveLength(1));
    stop();
    changes.close();
  });
});
