// Which problem a solution file is bound to: its first line's `# mlkata: <id>` marker.
import * as vscode from "vscode";
import { MARKER_RE } from "./protocol";

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
