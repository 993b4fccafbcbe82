// Which problem a solution file is bound to (its first line's `# mlkata: <id>` marker), and which
// concept card a review answer file is (`<!-- mlkata-card: <id> -->`).
import * as vscode from "vscode";
import { CARD_MARKER_RE, MARKER_RE } from "./protocol";

export interface BoundFile {
  id: string;
  uri: vscode.Uri;
}

/** The problem id a document's marker names; undefined without a marker or with an empty id (as the server binds it: to no problem). */
export function boundProblem(doc: vscode.TextDocument): string | undefined {
  return MARKER_RE.exec(doc.lineAt(0).text)?.[1] || undefined;
}

/** The problem bound to the active editor, if any. */
export function activeProblem(): BoundFile | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const id = boundProblem(editor.document);
  return id ? { id, uri: editor.document.uri } : undefined;
}

/** The card id a review answer file's first line names, if any. */
export function boundCard(doc: vscode.TextDocument): string | undefined {
  return CARD_MARKER_RE.exec(doc.lineAt(0).text)?.[1];
}

/** The visible editor of a card's answer file, if any. */
export function answerEditor(card: string): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => boundCard(e.document) === card);
}

/**
 * The answer file to reveal or grade: the one named, else the active editor's, else a visible
 * one (a page beside it may have the focus).
 */
export async function answerDocument(uri?: string | vscode.Uri): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(typeof uri === "string" ? vscode.Uri.parse(uri) : uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active && boundCard(active)) return active;
  return vscode.window.visibleTextEditors.map((e) => e.document).find((d) => boundCard(d));
}
