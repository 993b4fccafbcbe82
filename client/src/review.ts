// The review queue in the status bar (the due count), and what a reveal or a grade shows.
import * as vscode from "vscode";
import { answerEditor } from "./binding";
import type { Pages } from "./pages";
import { Commands, Ids, Notifications, ServerCommands } from "./protocol";
import type { GradedCard, Log, ReviewStatus, RevealedCard, ServerApi } from "./serverApi";

export const GRADES = ["again", "hard", "good", "easy"] as const;
export type Grade = (typeof GRADES)[number];

const title = (grade: string): string => grade.charAt(0).toUpperCase() + grade.slice(1);

/** When a due time (epoch seconds) is, said plainly: "in 10 minutes", "in 3 hours", "tomorrow", "in 4 days". */
export function whenDue(due: number, now = Date.now() / 1000): string {
  const seconds = due - now;
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return "now";
  if (minutes < 60) return `in ${plural(minutes, "minute")}`;
  const day = (at: number) => {
    const d = new Date(at * 1000);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  const days = Math.round((day(due) - day(now)) / 86_400_000);
  if (days === 0) return `in ${plural(Math.round(seconds / 3600), "hour")}`;
  return days === 1 ? "tomorrow" : `in ${days} days`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
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
    this.item.name = "ML Kata review queue";
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
    this.item.text = `$(history) ${status.due} due`;
    const next = status.next ? `Next: ${status.next.title} (${status.next.kind === "card" ? "concept card" : "problem"}).\n` : "";
    this.item.tooltip = `ML Kata: ${plural(status.due, "review")} due.\n${next}Click to review.`;
    this.item.show();
  }

  /** A revealed card: its page beside the answer (the focus kept on the answer), then the grade asked for. */
  async revealed(result: RevealedCard): Promise<void> {
    const editor = answerEditor(result.id);
    await this.pages.card(result);
    if (editor) await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    const uri = editor?.document.uri.toString();
    void vscode.window
      .showInformationMessage("ML Kata: grade yourself (how well did you remember it?)", ...GRADES.map(title))
      .then((pick) => (pick ? vscode.commands.executeCommand(Commands.GRADE, pick.toLowerCase(), uri) : undefined));
  }

  /** A graded card: the new due count, and when the card comes back. */
  graded(result: GradedCard): void {
    this.apply(result.status);
    const more = result.status.due ? ` ${result.status.due} more due now.` : " Nothing else is due now.";
    const message = `ML Kata: ${title(result.grade)}. Next review: ${whenDue(result.due)}.${more}`;
    void vscode.window
      .showInformationMessage(message, ...(result.status.due ? ["Review Next"] : []))
      .then((pick) => (pick ? vscode.commands.executeCommand(Commands.REVIEW) : undefined));
  }
}
