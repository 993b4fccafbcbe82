// Palette commands about the past: a file's attempts (open read-only or restore), the progress page.
import * as vscode from "vscode";
import { activeProblem } from "../binding";
import type { ProblemCatalog } from "../catalog";
import { dateTime, verdictName } from "../format";
import type { Pages } from "../pages";
import { Commands, Ids, ServerCommands } from "../protocol";
import type { ServerApi } from "../serverApi";
import type { Handlers } from "./types";

export interface HistoryDeps {
  server: ServerApi;
  catalog: ProblemCatalog;
  pages: Pages;
}

interface Attempt {
  hash: string;
  at: number;
  kind: "run" | "snapshot";
  verdict: string | null;
  passed: number | null;
  total: number | null;
}

/** Read-only documents showing a stored attempt (`mlkata-attempt:` URIs; the query is its hash). */
export function registerAttemptDocuments(server: ServerApi): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(Ids.ATTEMPT_SCHEME, {
    provideTextDocumentContent: async (uri) => (await server.execute<{ text: string }>(ServerCommands.ATTEMPT_TEXT, { hash: uri.query })).text,
  });
}

async function attempts({ server }: HistoryDeps): Promise<unknown> {
  const bound = activeProblem();
  if (!bound) throw new Error(vscode.l10n.t("open a solution file first (its first line is '# mlkata: <id>')"));
  const listing = await server.execute<{ title: string; attempts: Attempt[] }>(ServerCommands.LIST_ATTEMPTS, {
    uri: bound.uri.toString(),
  });
  if (!listing.attempts.length) return vscode.window.showInformationMessage(vscode.l10n.t("ML Kata: no attempts of this problem yet."));
  const pick = await vscode.window.showQuickPick(
    listing.attempts.map((at) => ({
      hash: at.hash,
      label: dateTime(at.at),
      description: at.kind === "run" ? `${verdictName(at.verdict)} ${at.passed}/${at.total}` : vscode.l10n.t("kept before a restore (never run)"),
    })),
    { title: vscode.l10n.t("Attempts: {0}", listing.title) },
  );
  if (!pick) return undefined;
  const open = vscode.l10n.t("Open Read-Only Beside");
  const action = await vscode.window.showQuickPick([open, vscode.l10n.t("Restore Into the Editor")], { title: pick.label });
  if (action === open) {
    const uri = vscode.Uri.from({ scheme: Ids.ATTEMPT_SCHEME, path: `/attempt-${pick.hash.slice(0, 12)}.py`, query: pick.hash });
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  } else if (action) {
    await server.execute(ServerCommands.RESTORE_ATTEMPT, { uri: bound.uri.toString(), hash: pick.hash });
  }
  return undefined;
}

export function historyCommands(d: HistoryDeps) {
  const { server, catalog, pages } = d;
  return {
    [Commands.ATTEMPTS]: async () => attempts(d),
    [Commands.SHOW_PROGRESS]: async () => pages.progress(await server.execute(ServerCommands.PROGRESS), catalog.cached()),
  } satisfies Partial<Handlers>;
}
