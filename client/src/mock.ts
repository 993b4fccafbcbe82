// The mock-interview clock in the status bar, driven by the server's clock.
import * as vscode from "vscode";
import { clock, Pages } from "./pages";
import { Commands, Ids, Notifications, ServerCommands } from "./protocol";
import type { Log, ServerApi } from "./serverApi";

export class MockClock implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private status: any;
  private offset = 0; // server clock minus ours, in seconds
  private ticker: NodeJS.Timeout | undefined;
  private warned = new Set<string>();
  private readonly subscription: vscode.Disposable;
  lastReport: any;

  constructor(
    private readonly server: ServerApi,
    private readonly pages: Pages,
    private readonly log: Log,
  ) {
    this.item = vscode.window.createStatusBarItem(Ids.MOCK_STATUS, vscode.StatusBarAlignment.Left, 100);
    this.item.name = "ML Kata mock interview";
    this.item.command = Commands.MOCK_SUBMIT;
    this.subscription = server.onNotification((n) => {
      if (n.method === Notifications.MOCK_EVENT) void this.onEvent(n.params);
    });
  }

  dispose(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.subscription.dispose();
    this.item.dispose();
  }

  /** Ask the server where the interview is (after a start or a window reload). */
  async sync(): Promise<void> {
    try {
      this.apply(await this.server.execute(ServerCommands.MOCK_STATUS));
    } catch (err) {
      this.log.warn(`mock status: ${err}`);
    }
  }

  async started(status: any): Promise<void> {
    this.apply(status);
    if (status.path) await this.openRound(status.path, status.problem);
  }

  /** A notification (or a command result) about the interview. */
  async onEvent(event: any): Promise<void> {
    if (!event) return;
    this.apply(event.status);
    if (event.event === "finished") {
      await this.showReport(event.report);
    } else if (event.event === "roundClosed") {
      const why = event.reason === "timeout" ? "Time is up" : "Round submitted";
      void vscode.window.showInformationMessage(`ML Kata: ${why}. Round ${event.status.round + 1}: ${event.status.problem}.`);
      if (event.status.path) await this.openRound(event.status.path, event.status.problem);
    }
  }

  async showReport(report: any): Promise<void> {
    this.lastReport = report;
    this.apply({ active: false });
    await this.pages.mockReport(report);
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

  private apply(status: any): void {
    this.status = status;
    if (status?.now) this.offset = status.now - Date.now() / 1000;
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
    if (!s?.active) return;
    const left = Math.max(0, s.deadline - (Date.now() / 1000 + this.offset));
    this.item.text = `$(watch) ${s.title}: round ${s.round + 1}/${s.rounds} · ${clock(left)}`;
    this.item.tooltip = `${s.problem}: ${clock(left)} left. Click to submit the round.`;
    this.item.backgroundColor =
      left <= 60 ? new vscode.ThemeColor("statusBarItem.errorBackground") : left <= 300 ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
    for (const [mark, text] of [
      [300, "5 minutes left"],
      [60, "1 minute left"],
    ] as const) {
      const key = `${s.id}:${s.round}:${mark}`;
      if (left <= mark && left > 0 && s.deadline - s.now > mark && !this.warned.has(key)) {
        this.warned.add(key);
        void vscode.window.showWarningMessage(`ML Kata mock interview: ${text} in round ${s.round + 1}.`);
      }
    }
  }
}
