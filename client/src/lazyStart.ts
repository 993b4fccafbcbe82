// When the language server (a Python process) starts: not with the window, only once ML Kata is needed.
// The extension activates on any Python file (VS Code cannot activate on a file's content), on the ML
// Kata view, its commands and a practice folder; the server then waits for one of: a solution file
// (`# mlkata: <id>`) or a review answer file open, the ML Kata view shown, a practice folder open, or a
// command that asks the server something (Server.execute starts it itself).
import * as vscode from "vscode";
import { boundCard, boundProblem } from "./binding";

/**
 * The folder ML Kata keeps beside the solutions it creates (debug scripts go there too): a workspace
 * folder holding it at its root is a practice folder (package.json `workspaceContains:.mlkata`).
 */
export const PRACTICE_MARKER = ".mlkata";

/** Whether a document is one the server judges or grades: a marked solution, or a review answer file. */
export function needsServer(doc: vscode.TextDocument): boolean {
  if (doc.uri.scheme !== "file" || doc.lineCount === 0) return false;
  if (doc.languageId === "python") return boundProblem(doc) !== undefined;
  if (doc.languageId === "markdown") return boundCard(doc) !== undefined;
  return false;
}

/** Whether a workspace folder holds `.mlkata` at its root. */
export async function isPracticeFolder(): Promise<boolean> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    try {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, PRACTICE_MARKER));
      if (stat.type & vscode.FileType.Directory) return true;
    } catch {
      // not there
    }
  }
  return false;
}

/**
 * Call `need(why)` as soon as ML Kata is needed: now, when an open document, the view or the folder
 * already says so, else on the first document opened or the view shown.
 */
export function startWhenNeeded(view: vscode.TreeView<unknown>, need: (why: string) => void): vscode.Disposable[] {
  const check = (doc: vscode.TextDocument) => {
    if (needsServer(doc)) need(`${vscode.workspace.asRelativePath(doc.uri)} is open`);
  };
  vscode.workspace.textDocuments.forEach(check);
  if (view.visible) need("the ML Kata view is shown");
  void isPracticeFolder().then((yes) => (yes ? need(`a practice folder (${PRACTICE_MARKER}) is open`) : undefined));
  return [
    vscode.workspace.onDidOpenTextDocument(check),
    view.onDidChangeVisibility((e) => (e.visible ? need("the ML Kata view is shown") : undefined)),
  ];
}
