// The mock-interview clock in the status bar, driven by the server's clock; each phase's file opened as the phase starts.
import * as vscode from "vscode";
import { clock, phaseName, questionCount } from "./format";
import type { Pages } from "./pages";
import { Commands, Ids, Notifications, ServerCommands } from "./protocol";
import type { InterviewerAnswer, Log, MockEvent, MockReport, MockStatus, PhaseKind, ServerApi } from "./serverApi";

export class MockClock implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private status: MockStatus | undefined;
  private offset = 0; // server clock minus ours, in seconds
  private ticker: NodeJS.Timeout | undefined;
  private warned = new Set<string>();
  /** Phases opened: a submit's result and its notification are one event. */
  private handled = new Set<string>();
  /** The report shown at the end, by interview id: its result and its notification wait for the same page. */
  private reports = new Map<string, Promise<void>>();
  private readonly subscription: vscode.Disposable;
  private readonly activeChanged = new vscode.EventEmitter<boolean>();
  /** Each status heard: whether an interview is running (the realism switch listens). */
  readonly onDidChangeActive = this.activeChanged.event;
  lastReport: MockReport | undefined;

  constructor(
    private readonly server: ServerApi,
    private readonly pages: Pages,
    private readonly log: Log,
  ) {
    this.item = vscode.window.createStatusBarItem(Ids.MOCK_STATUS, vscode.StatusBarAlignment.Left, 100);
    this.item.name = vscode.l10n.t("ML Kata mock interview");
    this.item.command = Commands.MOCK_SUBMIT;
    this.subscription = server.onNotification((n) => {
      if (n.method === Notifications.MOCK_EVENT) void this.onEvent(n.params);
    });
  }

  dispose(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.subscription.dispose();
    this.activeChanged.dispose();
    this.item.dispose();
  }

  /** Ask the server where the interview is (after a start or a window reload). */
  async sync(): Promise<void> {
    try {
      this.apply(await this.server.execute<MockStatus>(ServerCommands.MOCK_STATUS));
    } catch (err) {
      this.log.warn(`mock status: ${err}`);
    }
  }

  async started(status: MockStatus): Promise<void> {
    this.apply(status);
    if (this.first(`${status.id}:${status.round}`)) await this.openPhase(status);
  }

  /** A notification (or a command result) about the interview. */
  async onEvent(event: MockEvent | undefined): Promise<void> {
    if (!event) return;
    const s = event.status;
    this.apply(s);
    if (event.event === "finished") {
      if (event.report) await this.ended(event.report);
    } else if (s.active && this.first(`${s.id}:${s.round}`)) {
      if (event.reason !== "start") {
        const why = event.reason === "timeout" ? vscode.l10n.t("Time is up") : vscode.l10n.t("Submitted");
        void vscode.window.showInformationMessage(vscode.l10n.t("ML Kata: {0}. Round {1}, {2}: {3}.", why, roundOf(s), phaseName(s.phase), what(s)));
      }
      await this.openPhase(s);
    }
  }

  /** The interview is over: its report, once. */
  ended(report: MockReport): Promise<void> {
    if (!this.reports.has(report.id)) this.reports.set(report.id, this.showReport(report));
    return this.reports.get(report.id)!;
  }

  async showReport(report: MockReport): Promise<void> {
    this.lastReport = report;
    this.apply({ active: false, now: Date.now() / 1000 + this.offset });
    await this.pages.mockReport(report);
  }

  /** Save the open phase's file, so a submit judges and reads what is on screen. */
  async saveOpenPhase(): Promise<void> {
    const path = this.status?.active ? this.status.path : undefined;
    const doc = path ? vscode.workspace.textDocuments.find((d) => d.uri.fsPath === vscode.Uri.file(path).fsPath) : undefined;
    if (doc?.isDirty) await doc.save();
  }

  /** The interviewer's answer to a clarifying question (the server records it for the report). */
  answered(a: InterviewerAnswer): void {
    const note = a.heldBack ? " (the statement left this out: asking it counts)" : "";
    this.log.info(`mock interview: asked the interviewer "${a.question}": "${a.answer}"; recorded for the report${note}`);
    void vscode.window.showInformationMessage(vscode.l10n.t("Interviewer: {0}", a.answer));
  }

  private first(key: string): boolean {
    if (this.handled.has(key)) return false;
    this.handled.add(key);
    return true;
  }

  private async openPhase(s: MockStatus): Promise<void> {
    if (!s.path) return;
    if (s.phase === "questions" || s.phase === "followups") await this.openAnswers(s.path, s.phase);
    else if (s.problem) await this.openRound(s.path, s.problem);
  }

  /** The round's solution file, with its statement rendered beside it. */
  private async openRound(path: string, problem: string): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    try {
      await this.pages.statement(await this.server.execute(ServerCommands.SHOW_STATEMENT, { id: problem }));
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    } catch (err) {
      this.log.warn(`statement of ${problem}: ${err}`);
    }
  }

  /** The round's answer file, the cursor under the phase's first question (its sections may reach the editor late). */
  private async openAnswers(path: string, phase: PhaseKind): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const heading = `## ${phase === "followups" ? "F" : "Q"}1.`;
    const line = () => doc.getText().split(/\r?\n/).findIndex((l) => l.startsWith(heading));
    if (line() < 0 && !doc.isDirty) await vscode.commands.executeCommand("workbench.action.files.revert");
    for (let i = 0; i < 20 && line() < 0; i++) await new Promise((r) => setTimeout(r, 150));
    const at = line();
    if (at < 0 || at + 1 >= doc.lineCount) return;
    const pos = new vscode.Position(at + 1, 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private apply(status: MockStatus): void {
    this.status = status;
    if (status?.now) this.offset = status.now - Date.now() / 1000;
    this.activeChanged.fire(!!status?.active);
    if (!status?.active) {
      this.item.hide();
      if (this.ticker) clearInterval(this.ticker);
      this.ticker = undefined;
      return;
    }
    this.tick();
    this.item.show();
    if (!this.ticker) this.ticker = setInterval(() => this.tick(), 1000);
  }

  private tick(): void {
    const s = this.status;
    if (!s?.active || s.deadline == null) return;
    const left = Math.max(0, s.deadline - (Date.now() / 1000 + this.offset));
    const phase = phaseName(s.phase);
    this.item.text = vscode.l10n.t("$(watch) {0}: round {1} · {2} · {3}", s.title ?? "", roundOf(s), phase, clock(left));
    this.item.tooltip = vscode.l10n.t("{0}: {1} left. Click to submit the {2} phase.", what(s), clock(left), phase);
    this.item.backgroundColor =
      left <= 60 ? new vscode.ThemeColor("statusBarItem.errorBackground") : left <= 300 ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
    for (const [mark, text] of [
      [300, vscode.l10n.t("5 minutes left")],
      [60, vscode.l10n.t("1 minute left")],
    ] as const) {
      const key = `${s.id}:${s.round}:${mark}`;
      if (left <= mark && left > 0 && s.deadline - s.now > mark && !this.warned.has(key)) {
        this.warned.add(key);
        void vscode.window.showWarningMessage(vscode.l10n.t("ML Kata mock interview: {0} in round {1} ({2}).", text, roundOf(s), phase));
      }
    }
  }
}

/** "1/3": the open phase's interview round of how many. */
function roundOf(s: MockStatus): string {
  return `${s.interviewRound ?? (s.round ?? 0) + 1}/${s.interviewRounds ?? s.rounds}`;
}

/** What the open phase is about: the problem's title, else its questions. */
function what(s: MockStatus): string {
  if (s.phase === "questions" || s.phase === "followups") {
    return questionCount(s.questions?.length ?? 0);
  }
  return (s.round != null ? s.roundStates?.[s.round]?.title : undefined) ?? s.problem ?? "";
}
