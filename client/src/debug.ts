// "Debug this case": the server writes a script reproducing one hidden test; run it under the debugger.
import * as path from "path";
import * as vscode from "vscode";
import type { Log } from "./serverApi";

/** What the server's debugCase command returns. */
export interface DebugCase {
  path: string;
  python: string;
  uri: string;
  test: string;
}

/** Run a "debug this case" script: under the Python debugger when it is installed, else in a terminal. */
export async function debugCase(r: DebugCase, log: Log): Promise<void> {
  // The script runs the file on disk: save the editor's text first.
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === r.uri);
  if (doc?.isDirty) await doc.save();
  const script = vscode.Uri.file(r.path);
  await vscode.window.showTextDocument(script, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  const debugType = vscode.extensions.getExtension("ms-python.debugpy")
    ? "debugpy"
    : vscode.extensions.getExtension("ms-python.python")
      ? "python"
      : undefined;
  const cwd = path.dirname(r.path);
  if (debugType) {
    const started = await vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(script), {
      type: debugType,
      request: "launch",
      name: `ML Kata: ${r.test}`,
      program: r.path,
      python: r.python,
      cwd,
      console: "integratedTerminal",
      justMyCode: true,
    });
    if (started) return;
    log.warn(`the Python debugger did not start for ${r.path}: running it in a terminal`);
  }
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const terminal = vscode.window.createTerminal({ name: `ML Kata: ${r.test}`, cwd });
  terminal.show();
  terminal.sendText(`${quote(r.python)} ${quote(r.path)}`);
}
