// The Problems view: problems grouped by area (the catalogue's sections: each problem once), with
// difficulty and solved state; a problem's topics are in its tooltip.
import * as vscode from "vscode";
import type { Problem, ProblemSource } from "./catalog";
import { difficultyName, verdictName } from "./format";
import { Commands, Notifications, Views } from "./protocol";
import type { Log, ServerApi } from "./serverApi";

type Node = { area: string; title: string } | Problem;

export class ProblemsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private problems: Problem[] = [];
  readonly view: vscode.TreeView<Node>;
  private readonly subscription: vscode.Disposable;

  /** `server`: a finished run refreshes the view (solved marks, run counts). */
  constructor(
    private readonly source: ProblemSource,
    server: Pick<ServerApi, "onNotification">,
    private readonly log: Log,
  ) {
    this.view = vscode.window.createTreeView(Views.PROBLEMS, { treeDataProvider: this, showCollapseAll: true });
    this.subscription = server.onNotification((n) => {
      if (n.method === Notifications.RUN_FINISHED) void this.refresh();
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.view.dispose();
    this.changed.dispose();
  }

  async refresh(): Promise<void> {
    try {
      this.problems = await this.source.list();
    } catch (err) {
      this.log.warn(`problems view: ${err}`);
      this.problems = [];
    }
    const solved = this.problems.filter((p) => p.solved).length;
    this.view.description = this.problems.length ? vscode.l10n.t("{0}/{1} solved", solved, this.problems.length) : undefined;
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const areas = new Map<string, Problem>();
      for (const p of [...this.problems].sort((a, b) => a.areaRank - b.areaRank)) if (!areas.has(p.area)) areas.set(p.area, p);
      return [...areas.values()].map((p) => ({ area: p.area, title: p.areaTitle }));
    }
    if (!("id" in node)) {
      const order: Record<string, number> = { easy: 0, medium: 1, hard: 2 };
      return this.problems
        .filter((p) => p.area === node.area)
        .sort((a, b) => order[a.difficulty] - order[b.difficulty] || a.title.localeCompare(b.title));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (!("id" in node)) {
      const inArea = this.problems.filter((p) => p.area === node.area);
      const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `area:${node.area}`;
      item.description = `${inArea.filter((p) => p.solved).length}/${inArea.length}`;
      item.contextValue = "area";
      return item;
    }
    const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.id}`;
    item.description = vscode.l10n.t("{0} · {1} min", difficultyName(node.difficulty), node.suggestedMinutes);
    const solved = node.bestSeconds ? vscode.l10n.t("Solved, best {0} min", Math.round(node.bestSeconds / 60)) : vscode.l10n.t("Solved");
    item.tooltip = new vscode.MarkdownString(
      [
        vscode.l10n.t("**{0}** ({1}, {2})", node.title, difficultyName(node.difficulty), node.kind),
        vscode.l10n.t("{0} · {1} hidden tests", node.topics.join(", "), node.tests),
        ...(node.solved ? [solved] : []),
        ...(node.lastVerdict && !node.solved ? [vscode.l10n.t("Last run: {0}", verdictName(node.lastVerdict))] : []),
      ].join("\n\n"),
    );
    item.iconPath = node.solved
      ? new vscode.ThemeIcon("pass-filled", new vscode.ThemeColor("testing.iconPassed"))
      : node.runs
        ? new vscode.ThemeIcon("circle-large-outline", new vscode.ThemeColor("testing.iconFailed"))
        : new vscode.ThemeIcon("circle-large-outline");
    item.contextValue = "problem";
    item.command = { title: vscode.l10n.t("Open"), command: Commands.OPEN, arguments: [node.id] };
    return item;
  }
}
