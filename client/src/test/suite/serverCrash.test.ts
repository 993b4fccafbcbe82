// A server process that dies is started again by itself, after a delay that grows with each crash.
import * as assert from "assert";
import * as vscode from "vscode";
import { serverPids } from "../processes";

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The one server process, once the client runs on it. */
async function runningServer(app: any): Promise<number> {
  return until("a running server", () => {
    const pids = serverPids();
    return app.client?.isRunning() && pids.length === 1 && pids[0];
  }, 60000);
}

describe("a crashed server", () => {
  let app: any;

  before(async () => {
    app = await vscode.extensions.getExtension("mlkata.mlkata")!.activate();
    await app.startServer(); // started only when needed: alone (MLKATA_E2E_GREP) nothing else starts it
  });

  it("is restarted after 1 s, then 2 s, and answers the commands sent meanwhile", async () => {
    for (const delay of [1, 2]) {
      const old = await runningServer(app);
      const killed = Date.now();
      process.kill(old, "SIGKILL");
      await until(`the status "restarting in ${delay} s"`, () => app.status.text === `ML Kata: restarting in ${delay} s`, 10000);
      // Sent while it is down: waits for the restart instead of failing.
      const problems = await app.listProblems();
      assert.ok(problems.length > 0, "the restarted server lists the problems");
      const took = Date.now() - killed;
      const pid = await runningServer(app);
      assert.notStrictEqual(pid, old, "a new process");
      assert.ok(took >= delay * 1000, `back after ${took} ms, not before the ${delay} s delay`);
      assert.ok(took < 20000, `back after ${took} ms`);
      console.log(`  server killed, back and answering after ${took} ms (delay ${delay} s)`);
    }
  });
});
