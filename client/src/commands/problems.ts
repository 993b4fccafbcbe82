// Palette commands about the bank: open (picked, random, next unsolved), statement, reset, refresh.
import * as vscode from "vscode";
import { activeProblem } from "../binding";
import type { Problem, ProblemCatalog } from "../catalog";
import { difficultyName } from "../format";
import type { Pages } from "../pages";
import type { ProblemsView } from "../problems";
import { Commands, ServerCommands } from "../protocol";
import type { ResultRenderer } from "../results";
import type { ServerApi } from "../serverApi";
import type { Handlers } from "./types";

export interface ProblemDeps {
  server: ServerApi;
  catalog: ProblemCatalog;
  pages: Pages;
  results: ResultRenderer;
  problems: ProblemsView;
}

export function problemItem(p: Problem): vscode.QuickPickItem & { id: string } {
  const solved = p.solved ? "$(pass-filled) " : "";
  return {
    id: p.id,
    label: `${solved}${p.title}`,
    description: vscode.l10n.t("{0} · {1} min · {2}", difficultyName(p.difficulty), p.suggestedMinutes, p.topics.join(", ")),
    detail: p.solved
      ? p.bestSeconds
        ? vscode.l10n.t("solved in {0} min", Math.round(p.bestSeconds / 60))
        : vscode.l10n.t("solved")
      : p.runs
        ? vscode.l10n.t("{0} runs", p.runs)
        : undefined,
  };
}

/** The active editor's problem, else one the user picks. */
export async function pickProblem(catalog: ProblemCatalog, title: string): Promise<string | undefined> {
  const bound = activeProblem();
  if (bound) return bound.id;
  const problems = await catalog.list();
  const pick = await vscode.window.showQuickPick(problems.map(problemItem), { title, matchOnDescription: true });
  return pick?.id;
}

/** Create (or reuse) the solution file and open it with the statement beside it. */
export async function openProblem({ server, pages }: Pick<ProblemDeps, "server" | "pages">, id: string): Promise<vscode.TextEditor> {
  const opened = await server.execute<{ path: string; statementPath: string; created: boolean }>(ServerCommands.OPEN_PROBLEM, { id });
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(opened.path));
  const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  await pages.showFile(vscode.Uri.file(opened.statementPath));
  await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  return editor;
}

const DIFFICULTY: Record<string, number> = { easy: 0, medium: 1, hard: 2 };

async function reset({ server }: ProblemDeps, item?: Problem): Promise<void> {
  let uri = activeProblem()?.uri;
  if (item?.id) uri = vscode.Uri.file((await server.execute<{ path: string }>(ServerCommands.OPEN_PROBLEM, { id: item.id })).path);
  if (!uri) throw new Error(vscode.l10n.t("open the solution file to reset first"));
  const ok = await vscode.window.showWarningMessage(
    vscode.l10n.t("Reset this solution to the starter? Your current code is kept as a backup."),
    { modal: true },
    vscode.l10n.t("Reset"),
  );
  if (!ok) return;
  const result = await server.execute<{ backups: string[] }>(ServerCommands.RESET_PROBLEM, { uri: uri.toString() });
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri!.toString());
  if (doc?.isDirty) await doc.save();
  void vscode.window.showInformationMessage(vscode.l10n.t("ML Kata: reset; backup in {0}", result.backups.join(", ")));
}

export function problemCommands(d: ProblemDeps) {
  const { server, catalog, results } = d;
  return {
    [Commands.OPEN]: async (item?: Problem | string) => {
      const id = typeof item === "string" ? item : item?.id ?? (await pickProblem(catalog, vscode.l10n.t("Open Problem")));
      return id ? openProblem(d, id) : undefined;
    },
    [Commands.RANDOM]: async () => {
      const problems = await catalog.list();
      const pool = problems.filter((p) => !p.solved);
      const pick = (pool.length ? pool : problems)[Math.floor(Math.random() * (pool.length || problems.length))];
      return pick ? openProblem(d, pick.id) : undefined;
    },
    [Commands.NEXT_UNSOLVED]: async () => {
      const next = (await catalog.list())
        .filter((p) => !p.solved)
        .sort((x, y) => DIFFICULTY[x.difficulty] - DIFFICULTY[y.difficulty] || x.id.localeCompare(y.id))[0];
      if (!next) return vscode.window.showInformationMessage(vscode.l10n.t("ML Kata: every problem is solved. Try a mock interview."));
      return openProblem(d, next.id);
    },
    [Commands.STATEMENT]: async (item?: Problem) => {
      const id = item?.id ?? (await pickProblem(catalog, vscode.l10n.t("Show Statement")));
      if (id) await results.render(ServerCommands.SHOW_STATEMENT, await server.execute(ServerCommands.SHOW_STATEMENT, { id }));
    },
    [Commands.RESET]: async (item?: Problem) => reset(d, item),
    [Commands.REFRESH]: async () => d.problems.refresh(),
  } satisfies Partial<Handlers>;
}
