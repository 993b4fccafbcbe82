// Palette commands of the review queue: the next due item (a card's answer file, or a problem),
// reveal the model answer, grade yourself.
import * as vscode from "vscode";
import { answerDocument } from "../binding";
import { Commands, ServerCommands } from "../protocol";
import type { ResultRenderer } from "../results";
import { Grade, gradeName, GRADES, ReviewQueue } from "../review";
import type { GradedCard, RevealedCard } from "../serverApi";
import { openProblem, ProblemDeps } from "./problems";
import type { Handlers } from "./types";

export type ReviewDeps = Pick<ProblemDeps, "server" | "pages"> & {
  results: ResultRenderer;
  review: ReviewQueue;
};

/** What `reviewNext` returns: a card (its answer file, just written), a problem, or nothing due. */
type Next =
  | { kind: "card"; id: string; question: string; path: string; uri: string }
  | { kind: "problem"; id: string; title: string }
  | { kind: null; due: 0 };

/** What a grade says about the recall. */
function gradeMeaning(grade: Grade): string {
  const meanings: Record<Grade, string> = {
    again: vscode.l10n.t("I did not remember it"),
    hard: vscode.l10n.t("partly, or with a struggle"),
    good: vscode.l10n.t("I remembered it"),
    easy: vscode.l10n.t("at once, without effort"),
  };
  return meanings[grade];
}

/** Open a card's answer file, freshly written by the server, with the cursor where the answer goes (the end). */
async function openAnswer(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const disk = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString("utf8");
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  // A file already open keeps showing its old answer until VS Code notices the new text on disk.
  if (!doc.isDirty && doc.getText() !== disk) await vscode.commands.executeCommand("workbench.action.files.revert");
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end));
  return editor;
}

/** The next due item: a card opens its answer file, a problem opens as Open Problem does. */
async function next(d: ReviewDeps): Promise<unknown> {
  const item = await d.server.execute<Next>(ServerCommands.REVIEW_NEXT);
  if (item.kind === null) {
    d.review.apply({ due: 0, next: null });
    void vscode.window.showInformationMessage(vscode.l10n.t("ML Kata: nothing is due for review. Come back later, or solve a new problem."));
    return item;
  }
  if (item.kind === "card") return openAnswer(vscode.Uri.parse(item.uri));
  const editor = await openProblem(d, item.id);
  const reset = vscode.l10n.t("Reset Problem");
  void vscode.window
    .showInformationMessage(vscode.l10n.t("ML Kata: {0} is due for review: solve it again from scratch.", item.title), reset)
    .then((pick) => (pick ? vscode.commands.executeCommand(Commands.RESET) : undefined));
  return editor;
}

async function answerFile(uri?: string | vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await answerDocument(uri);
  if (!doc) throw new Error(vscode.l10n.t("open a review answer file first (ML Kata: Review); its first line is '<!-- mlkata-card: <id> -->'"));
  if (doc.isDirty) await doc.save();
  return doc;
}

/** Reveal the model answer of the answer file (given, else the active or visible one); the answer is saved first. */
async function reveal({ server, results }: ReviewDeps, uri?: string | vscode.Uri): Promise<RevealedCard> {
  const doc = await answerFile(uri);
  const result = await server.execute<RevealedCard>(ServerCommands.REVEAL_CARD, { uri: doc.uri.toString() });
  await results.render(ServerCommands.REVEAL_CARD, result);
  return result;
}

/** Grade the card (the grade given, else picked): when it comes back is the server's schedule. */
async function grade({ server, results }: ReviewDeps, given?: string, uri?: string | vscode.Uri): Promise<GradedCard | undefined> {
  if (given !== undefined && !GRADES.includes(given as Grade)) throw new Error(vscode.l10n.t("grade must be one of {0}, got {1}", GRADES.join(", "), given));
  const doc = await answerFile(uri);
  const picked =
    given ??
    (
      await vscode.window.showQuickPick(
        GRADES.map((g) => ({ label: gradeName(g), description: gradeMeaning(g), grade: g })),
        { title: vscode.l10n.t("Grade yourself: how well did you remember it?") },
      )
    )?.grade;
  if (!picked) return undefined;
  const result = await server.execute<GradedCard>(ServerCommands.GRADE_CARD, { uri: doc.uri.toString(), grade: picked });
  await results.render(ServerCommands.GRADE_CARD, result);
  return result;
}

export function reviewCommands(d: ReviewDeps) {
  return {
    [Commands.REVIEW]: async () => next(d),
    [Commands.NEXT_DUE]: async () => next(d),
    [Commands.REVEAL]: async (uri?: string | vscode.Uri) => reveal(d, uri),
    [Commands.GRADE]: async (given?: string, uri?: string | vscode.Uri) => grade(d, given, uri),
  } satisfies Partial<Handlers>;
}
