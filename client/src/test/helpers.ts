// What the e2e suites share: waiting for a condition, the repository's files, editing and saving a document.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import { SOURCE } from "../protocol";

/**
 * The repository: the nearest folder above this code holding `problems/` and `package.json`. Found, not
 * computed: each suite is bundled with this module, so `__dirname` is the suite's folder, at any depth.
 */
export const ROOT = findRoot(__dirname);

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "problems")) && fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository (problems/ and package.json) above ${start}`);
  }
}

/**
 * Polls `probe` until it gives a truthy value (returned), or throws naming `what` after `timeoutMs`.
 * For state the extension API has no event for (a server's pid, a diagnostic, a view's items).
 */
export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 120000,
  everyMs = 200,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A golden solution of tests/solutions, with its problem's marker on the first line. */
export function golden(problem: string, name: string): string {
  const text = fs.readFileSync(path.join(ROOT, "tests", "solutions", problem, `${name}.py`), "utf8");
  return `# mlkata: ${problem}\n${text}`;
}

/** A file of the window's folder. */
export function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);
}

/** ML Kata's diagnostics of a file. */
export function mlkataDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Saves a document; save() is false when nothing changed or a save participant ran late on a loaded machine. */
export async function save(doc: vscode.TextDocument): Promise<void> {
  for (let attempt = 0; attempt < 5 && doc.isDirty; attempt++) {
    if (await doc.save()) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.ok(!doc.isDirty, `${doc.uri.fsPath} could not be saved`);
}

/** Replaces a document's whole text and saves it. */
export async function replaceAndSave(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  await save(doc);
}

/**
 * The extension's API with its language server running: the server starts only when ML Kata is needed
 * (a window's folder may hold no solution yet), so a suite starts it as a command would.
 */
export async function startedApp(): Promise<any> {
  const ext = vscode.extensions.getExtension("mlkata.mlkata");
  assert.ok(ext, "the extension is installed");
  const app = await ext.activate();
  await app.startServer();
  await until("the server", () => app.client?.isRunning());
  return app;
}
