// Room for the code: when a problem's statement opens beside its solution, the solution gets about
// two thirds of the width (100 columns in a 1400 px window without the minimap) and the ML Kata view,
// whose job is done once a problem is picked, closes (one click on the activity bar brings it back).
import * as vscode from "vscode";

/** The solution's share of the editor area's width when the statement is beside it. */
export const CODE_SHARE = 0.72;

/** The tab label of a statement: `statement.md`, or a translation of it (`statement.zh-cn.md`). */
const STATEMENT_LABEL = /\bstatement(\.[A-Za-z-]+)?\.md$/;

/** A problem's statement, rendered (Pages.showFile opens it as a locked Markdown preview). */
export function isStatement(tab: vscode.Tab): boolean {
  return tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith("markdown.preview") && STATEMENT_LABEL.test(tab.label);
}

export class ProblemLayout implements vscode.Disposable {
  private readonly fitted = new vscode.EventEmitter<void>();
  /** Fires after the layout was fitted to a statement beside a solution. */
  readonly onDidFit = this.fitted.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly view: vscode.TreeView<unknown>) {
    this.subscription = vscode.window.tabGroups.onDidChangeTabs((e) => {
      if (e.opened.some(isStatement)) void this.fit();
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.fitted.dispose();
  }

  /** With exactly a solution's group and the statement's beside it: size them, and close the ML Kata view. */
  async fit(): Promise<void> {
    const groups = vscode.window.tabGroups.all;
    if (groups.length !== 2 || !groups[1].tabs.some(isStatement)) return;
    const code = groups[0].activeTab?.input;
    if (!(code instanceof vscode.TabInputText) || !code.uri.path.endsWith(".py")) return;
    if (this.view.visible) await vscode.commands.executeCommand("workbench.action.closeSidebar");
    await vscode.commands.executeCommand("vscode.setEditorLayout", {
      orientation: 0,
      groups: [{ size: CODE_SHARE }, { size: 1 - CODE_SHARE }],
    });
    this.fitted.fire();
  }
}
