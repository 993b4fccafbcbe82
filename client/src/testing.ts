// The hidden tests in VS Code's Testing view: one item per solution file, one child per hidden test.
import * as vscode from "vscode";
import { activeProblem } from "./binding";
import { ContextKeys, Ids, Notifications, ServerCommands } from "./protocol";
import type { Log, RunReport, ServerApi } from "./serverApi";

export class HiddenTests implements vscode.Disposable {
  readonly controller: vscode.TestController;
  private readonly disposables: vscode.Disposable[] = [];
  /** The latest report per file uri (what the last run of its latest text said). */
  readonly reports = new Map<string, RunReport>();

  constructor(
    private readonly server: ServerApi,
    private readonly log: Log,
  ) {
    this.controller = vscode.tests.createTestController(Ids.TEST_CONTROLLER, "ML Kata hidden tests");
    this.controller.createRunProfile("Run hidden tests", vscode.TestRunProfileKind.Run, (req, token) => this.run(req, token), true);
    this.disposables.push(
      this.controller,
      server.onNotification((n) => {
        if (n.method === Notifications.RUN_FINISHED) this.update(n.params.uri, n.params.title, n.params.report);
      }),
    );
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }

  /** Record a finished run: items for every hidden test, with passed/failed, message and duration. */
  update(uri: string, title: string, report: RunReport): void {
    this.reports.set(uri, report);
    const fileUri = vscode.Uri.parse(uri);
    let file = this.controller.items.get(uri);
    if (!file) {
      file = this.controller.createTestItem(uri, `${title} (${vscode.workspace.asRelativePath(fileUri)})`, fileUri);
      this.controller.items.add(file);
    }
    const children: vscode.TestItem[] = [];
    for (const t of report.tests) {
      const item = this.controller.createTestItem(`${uri}#${t.name}`, t.name, fileUri);
      if (t.line) item.range = new vscode.Range(t.line - 1, 0, t.line - 1, 0);
      children.push(item);
    }
    file.children.replace(children);
    const run = this.controller.createTestRun(new vscode.TestRunRequest([file]), `${title}: ${report.passed}/${report.total}`, false);
    for (const t of report.tests) {
      const item = file.children.get(`${uri}#${t.name}`)!;
      if (t.verdict === "passed") {
        run.passed(item, t.duration_ms);
      } else {
        const message = new vscode.TestMessage(`${t.verdict}: ${t.message}`);
        if (t.line) {
          message.location = new vscode.Location(
            fileUri,
            new vscode.Range(t.line - 1, (t.column ?? 1) - 1, (t.end_line ?? t.line) - 1, (t.end_column ?? 1) - 1),
          );
        }
        run.failed(item, message, t.duration_ms);
      }
    }
    run.end();
    this.syncContext();
  }

  /** Re-run from the Testing view: the hidden tests of each requested file. */
  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const files = new Set<string>();
    const wanted = request.include ?? [...iterate(this.controller.items)];
    for (const item of wanted) files.add(item.id.split("#")[0]);
    for (const uri of files) {
      if (token.isCancellationRequested) break;
      try {
        await this.server.execute(ServerCommands.RUN_TESTS, { uri });
      } catch (err) {
        this.log.error(`run from the Testing view: ${err}`);
      }
    }
  }

  /** Context key for menus: the active editor is a bound solution file. */
  syncContext(): void {
    void vscode.commands.executeCommand("setContext", ContextKeys.BOUND_EDITOR, activeProblem() !== undefined);
  }
}

function* iterate(collection: vscode.TestItemCollection): Generator<vscode.TestItem> {
  for (const [, item] of collection) yield item;
}
