// The `mlkata.*` settings: what the server is sent, the interpreter, and the changes that need a restart.
import * as vscode from "vscode";
import { CONFIG_SECTION, Setting, Settings } from "./protocol";

/** Settings the server reads (sent at start, then synchronised by the language client). */
const SERVER_SETTINGS: readonly Setting[] = [
  Settings.RUN_ON_SAVE,
  Settings.RUN_ON_TYPE,
  Settings.DEBOUNCE_MS,
  Settings.TIME_MULTIPLIER,
  Settings.PROBLEMS_FOLDERS,
  Settings.DATABASE_PATH,
  Settings.SOLUTIONS_FOLDER,
  Settings.EXPLAIN_MISTAKES,
  Settings.HINT_AFTER_FAILED_RUNS,
  Settings.HINT_AFTER_MINUTES,
  Settings.MOCK_HIDES_DETAILS,
];

/** Settings the server is launched with: a change restarts it. */
const LAUNCH_SETTINGS: readonly Setting[] = [Settings.PYTHON];

/** A setting's key inside the section (`mlkata.runOnSave` -> `runOnSave`). */
function key(setting: Setting): string {
  return setting.slice(CONFIG_SECTION.length + 1);
}

/** The server's settings as its initializationOptions: `{runOnSave: ..., ...}`. */
export function serverSettings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return Object.fromEntries(SERVER_SETTINGS.map((s) => [key(s), c.get(key(s))]));
}

/** The interpreter the user configured (empty: not set). */
export function configuredPython(): string {
  return vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>(key(Settings.PYTHON), "").trim();
}

/** Call `restart` whenever a setting the server is launched with changes. */
export function onLaunchSettingsChanged(restart: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (LAUNCH_SETTINGS.some((s) => e.affectsConfiguration(s))) restart();
  });
}

/** The Python extension's interpreter picker, else the `mlkata.python` setting. */
export async function selectInterpreter(): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes("python.setInterpreter")) {
    await vscode.commands.executeCommand("python.setInterpreter");
  } else {
    await vscode.commands.executeCommand("workbench.action.openSettings", Settings.PYTHON);
  }
}
