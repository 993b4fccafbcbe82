// The crash-restart policy on a clock of its own: delays 1 s, 2 s, 4 s, 8 s, then none within the window.
// Pure: it needs no VS Code (it runs in the e2e extension host with the rest, or under plain mocha).
import * as assert from "assert";
import { RestartPolicy } from "../../restart";

const LIMITS = { firstDelayMs: 1000, maxRestarts: 4, windowMs: 180_000 };

/** A policy and the clock it reads, moved by hand. */
function policyAt(start = 0): { policy: RestartPolicy; advance(ms: number): void } {
  let now = start;
  return { policy: new RestartPolicy(LIMITS, () => now), advance: (ms) => void (now += ms) };
}

/** The delays the policy gives for crashes `gapMs` apart (each after the previous restart's delay). */
function crashes(p: ReturnType<typeof policyAt>, count: number, gapMs = 0): (number | undefined)[] {
  const delays: (number | undefined)[] = [];
  for (let i = 0; i < count; i++) {
    const delay = p.policy.onCrash();
    delays.push(delay);
    p.advance((delay ?? 0) + gapMs);
  }
  return delays;
}

describe("the crash-restart policy", () => {
  it("doubles the delay from 1 s and gives up after 4 restarts within the window", () => {
    assert.deepStrictEqual(crashes(policyAt(), 6), [1000, 2000, 4000, 8000, undefined, undefined]);
  });

  it("forgets crashes older than the window", () => {
    const p = policyAt(1_000_000);
    assert.deepStrictEqual(crashes(p, 4), [1000, 2000, 4000, 8000]);
    p.advance(LIMITS.windowMs - 15_000); // one window after the first restart (the delays took 15 s): it has left
    assert.strictEqual(p.policy.onCrash(), 8000, "three restarts left in the window: the fourth's delay");
    assert.strictEqual(p.policy.onCrash(), undefined, "four again");
  });

  it("restarts a server that crashes rarely every time, after the first delay", () => {
    assert.deepStrictEqual(crashes(policyAt(), 5, LIMITS.windowMs), [1000, 1000, 1000, 1000, 1000]);
  });

  it("counts anew after reset (the user's Restart)", () => {
    const p = policyAt();
    crashes(p, 5);
    p.policy.reset();
    assert.deepStrictEqual(crashes(p, 2), [1000, 2000]);
  });

  it("gives up without recording, so asking again does not push the window further", () => {
    const p = policyAt();
    crashes(p, 4); // restarts at 0, 1 s, 3 s, 7 s
    for (let i = 0; i < 10; i++) assert.strictEqual(p.policy.onCrash(), undefined);
    p.advance(LIMITS.windowMs - 15_000); // now = window: the restart at 0 has left it
    assert.strictEqual(p.policy.onCrash(), 8000);
  });
});
