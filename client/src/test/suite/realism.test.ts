// The realism switch in a real VS Code: settings off during a round, the user's own values back after an
// abandon, and after a window that died mid-round (a new instance finds the record and restores it).
import * as assert from "assert";
import * as vscode from "vscode";

const KEY = "editor.inlineSuggest.enabled";
const QUICK = "editor.quickSuggestions";

function workspaceValue(key: string): unknown {
  return vscode.workspace.getConfiguration().inspect(key)?.workspaceValue;
}

async function until(what: string, probe: () => boolean, timeoutMs = 30000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the realism switch", () => {
  let app: any;
  before(async () => {
    app = await vscode.extensions.getExtension("mlkata.mlkata")!.activate();
  });
  afterEach(async () => {
    await vscode.workspace.getConfiguration().update(KEY, undefined, vscode.ConfigurationTarget.Workspace);
  });

  it("restores the user's own workspace values when an interview is abandoned", async () => {
    await vscode.workspace.getConfiguration().update(KEY, true, vscode.ConfigurationTarget.Workspace);
    assert.strictEqual(workspaceValue(QUICK), undefined);
    await vscode.commands.executeCommand("mlkata.mockStart", "algorithms-screen", 0.5);
    await until("the settings turned off", () => workspaceValue(KEY) === false && workspaceValue(QUICK) !== undefined);
    await vscode.commands.executeCommand("mlkata.abandonMock"); // the server command: the palette one asks first
    await until("the settings restored", () => workspaceValue(KEY) === true && workspaceValue(QUICK) === undefined);
  });

  it("a window that died mid-round has its settings restored by the next one", async () => {
    const Realism = app.realism.constructor;
    const kept = new Map<string, unknown>(); // workspaceState, as a new window of this workspace sees it
    const memento = {
      keys: () => [...kept.keys()],
      get: (key: string) => kept.get(key),
      update: async (key: string, value: unknown) => void (value === undefined ? kept.delete(key) : kept.set(key, value)),
    };
    const log = { info() {}, warn() {}, error() {} };
    await vscode.workspace.getConfiguration().update(KEY, true, vscode.ConfigurationTarget.Workspace);
    const died = new Realism(memento, log);
    await died.update(true); // a round runs; then the window is gone without restoring anything
    assert.strictEqual(workspaceValue(KEY), false);
    assert.strictEqual(kept.size, 1, "the user's values were recorded before any change");
    const next = new Realism(memento, log);
    await next.update(false); // the next window: the server says no interview is running
    assert.strictEqual(workspaceValue(KEY), true, "the user's own value, exactly");
    assert.strictEqual(workspaceValue(QUICK), undefined, "a setting the user never set is removed again");
    assert.strictEqual(kept.size, 0, "the record is cleared");
    died.dispose();
    next.dispose();
  });
});
