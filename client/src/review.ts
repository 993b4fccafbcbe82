// The review queue in the status bar (the due count), and what a reveal or a grade shows.
import * as vscode from "vscode";
import { answerEditor } from "./binding";
import type { Pages } from "./pages";
import { Commands, Ids, Notifications, ServerCommands } from "./protocol";
import type { GradedCard, Log, ReviewStatus, RevealedCard, ServerApi } from "./serverApi";

export const GRADES = ["again", "hard", "good", "easy"] as const;
export type Grade = (typeof GRADES)[number];

/** A grade as its button reads: Again, Hard, Good, Easy. */
export function gradeName(grade: string): string {
  const names: Record<string, string> = {
    again: vscode.l10n.t("Again"),
    hard: vscode.l10n.t("Hard"),
    good: vscode.l10n.t("Good"),
    easy: vscode.l10n.t("Easy"),
  };
  return names[grade] ?? grade;
}

/** When a due time (epoch seconds) is, said plainly: "in 10 minutes", "in 3 hours", "tomorrow", "in 4 days". */
export function whenDue(due: number, now = Date.now() / 1000): string {
  const seconds = due - now;
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return vscode.l10n.t("now");
  if (minutes < 60) return minutes === 1 ? vscode.l10n.t("in 1 minute") : vscode.l10n.t("in {0} minutes", minutes);
  const day = (at: number) => {
    const d = new Date(at * 1000);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  const days = Math.round((day(due) - day(now)) / 86_400_000);
  if (days === 0) {
    const hours = Math.round(seconds / 3600);
    return hours === 1 ? vscode.l10n.t("in 1 hour") : vscode.l10n.t("in {0} hours", hours);
  }
  return days === 1 ? vscode.l10n.t("tomorrow") : vscode.l10n.t("in {0} days", days);
}

export class ReviewQueue implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  /** The queue as last heard from the server (undefined before). */
  status: ReviewStatus | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly server: ServerApi,
    private readonly pages: Pages,
    private readonly log: Log,
  ) {
    this.item = vscode.window.createStatusBarItem(Ids.REVIEW_STATUS, vscode.StatusBarAlignment.Left, 99);
    this.item.name = vscode.l10n.t("ML Kata review queue");
    this.item.command = Commands.REVIEW;
    this.subscription = server.onNotification((n) => {
      if (n.method === Notifications.REVIEW_CHANGED) this.apply(n.params);
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }

  /** How many items are due now (0 before the server has said). */
  get due(): number {
    return this.status?.due ?? 0;
  }

  /** Ask the server (after it starts). */
  async sync(): Promise<void> {
    try {
      this.apply(await this.server.execute<ReviewStatus>(ServerCommands.REVIEW_STATUS));
    } catch (err) {
      this.log.warn(`review status: ${err}`);
    }
  }

  /** Show the due count ("3 due"), hidden when nothing is due. */
  apply(status: ReviewStatus): void {
    this.status = status;
    if (!status.due) {
      this.item.hide();
      return;
    }
    this.item.text = vscode.l10n.t("$(history) {0} due", status.due);
    const kind = status.next?.kind === "card" ? vscode.l10n.t("concept card") : vscode.l10n.t("problem");
    const lines = [status.due === 1 ? vscode.l10n.t("ML Kata: 1 review due.") : vscode.l10n.t("ML Kata: {0} reviews due.", status.due)];
    if (status.next) lines.push(vscode.l10n.t("Next: {0} ({1}).", status.next.title, kind));
    lines.push(vscode.l10n.t("Click to review."));
    this.item.tooltip = lines.join("\n");
    this.item.show();
  }

  /** A revealed card: its page beside the answer (the focus kept on the answer), then the grade asked for. */
  async revealed(result: RevealedCard): Promise<void> {
    const editor = answerEditor(result.id);
    await this.pages.card(result);
    if (editor) await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    const uri = editor?.document.uri.toString();
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t("ML Kata: grade yourself (how well did you remember it?)"),
        ...GRADES.map((grade) => ({ title: gradeName(grade), grade })),
      )
      .then((pick) => (pick ? vscode.commands.executeCommand(Commands.GRADE, pick.grade, uri) : undefined));
  }

  /** A graded card: the new due count, and when the card comes back. */
  graded(result: GradedCard): void {
    this.apply(result.status);
    const grade = gradeName(result.grade);
    const message = result.status.due
      ? vscode.l10n.t("ML Kata: {0}. Next review: {1}. {2} more due now.", grade, whenDue(result.due), result.status.due)
      : vscode.l10n.t("ML Kata: {0}. Next review: {1}. Nothing else is due now.", grade, whenDue(result.due));
    void vscode.window
      .showInformationMessage(message, ...(result.status.due ? [vscode.l10n.t("Review Next")] : []))
      .then((pick) => (pick ? vscode.commands.executeCommand(Commands.REVIEW) : undefined));
  }
}
