// The realism switch (`mlkata.realism`): while a mock interview runs, no suggestions, inline completions,
// Copilot or chat button in this workspace, as in a real interview; the user's workspace settings come back after.
import * as vscode from "vscode";
import { Ids, Settings } from "./protocol";
import type { Log } from "./serverApi";

/** The workspace settings an interview sets, and their values during it. */
export const REALISM_SETTINGS: readonly (readonly [string, unknown])[] = [
  ["editor.quickSuggestions", { other: "off", comments: "off", strings: "off" }],
  ["editor.inlineSuggest.enabled", false],
  ["editor.suggestOnTriggerCharacters", false],
  ["github.copilot.enable", { "*": false }],
  ["chat.commandCenter.enabled", false],
];

/**
 * What the workspace had before (kept in `workspaceState`, written before any change). A key missing
 * from `values` had no workspace value: restoring removes the workspace setting.
 */
interface Saved {
  keys: string[];
  values: Record<string, unknown>;
}

export class Realism implements vscode.Disposable {
  private queue: Promise<void> = Promise.resolve();
  private active = false;
  private applied = false;
  private readonly watcher: vscode.Disposable;

  constructor(
    private readonly state: vscode.Memento,
    private readonly log: Log,
  ) {
    this.watcher = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(Settings.REALISM)) void this.update(this.active);
    });
  }

  dispose(): void {
    this.watcher.dispose();
  }

  /**
   * Whether a mock interview is running (each status the clock hears). Running with the switch on:
   * the settings applied; otherwise any saved settings restored (also after a crash or reload mid-round).
   * One change at a time, in order.
   */
  update(active: boolean): Promise<void> {
    this.active = active;
    const on = active && vscode.workspace.getConfiguration().get<boolean>(Settings.REALISM, true);
    this.queue = this.queue
      .then(() => (on ? this.apply() : this.restore()))
      .catch((err) => this.log.error(`realism: ${err?.message ?? err}`));
    return this.queue;
  }

  private async apply(): Promise<void> {
    if (this.applied) return;
    if (!vscode.workspace.workspaceFolders?.length && !vscode.workspace.workspaceFile) {
      this.log.info("realism: no workspace open, so no workspace settings to change");
      return;
    }
    if (!this.state.get<Saved>(Ids.REALISM_SAVED)) {
      // A record left by an earlier window is kept: it holds the user's values, not ours.
      const config = vscode.workspace.getConfiguration();
      const values = Object.fromEntries(REALISM_SETTINGS.map(([key]) => [key, config.inspect(key)?.workspaceValue]));
      await this.state.update(Ids.REALISM_SAVED, { keys: REALISM_SETTINGS.map(([key]) => key), values } satisfies Saved);
    }
    this.applied = true;
    for (const [key, value] of REALISM_SETTINGS) await this.write(key, value);
    this.log.info("realism: suggestions, inline completions and chat turned off in this workspace for the interview");
  }

  private async restore(): Promise<void> {
    this.applied = false;
    const saved = this.state.get<Saved>(Ids.REALISM_SAVED);
    if (!saved) return;
    for (const key of saved.keys) await this.write(key, saved.values[key]);
    await this.state.update(Ids.REALISM_SAVED, undefined);
    this.log.info("realism: the workspace settings are back as they were");
  }

  /** One workspace setting (undefined: removed); a key VS Code refuses (e.g. not registered) is logged and skipped. */
  private async write(key: string, value: unknown): Promise<void> {
    try {
      await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Workspace);
    } catch (err: any) {
      this.log.warn(`realism: ${key} left as it is: ${err?.message ?? err}`);
    }
  }
}
