// Workspace trust (VS Code's Restricted Mode). The server and its warm workers run the interpreter the
// settings name, which a cloned repository can point at its own `.venv`, and judging a file runs it:
// in a folder the user has not trusted, ML Kata starts nothing and says why, once and on each command.
import * as vscode from "vscode";

/** VS Code's own command that shows the trust editor (where the folder is trusted). */
const MANAGE_TRUST = "workbench.trust.manage";

function manageLabel(): string {
  return vscode.l10n.t("Manage Workspace Trust");
}

/** What the user is told, the same words on activation and on every command (and in the Problems view's welcome, package.nls.json). */
export function restrictedExplanation(): string {
  return vscode.l10n.t(
    "ML Kata judges nothing in Restricted Mode: judging runs the solution and the Python interpreter the settings name, which this folder could choose. Trust the folder to start ML Kata's server.",
  );
}

export class WorkspaceTrust {
  /** How often the explanation was shown (the e2e suite checks that a command showed it). */
  explained = 0;

  get trusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  /** Run `start` once the user trusts the folder (never, when it is trusted already: activation starts it). */
  onGranted(start: () => void): vscode.Disposable {
    return vscode.workspace.onDidGrantWorkspaceTrust(start);
  }

  /** Say why nothing runs, with a button to the trust editor. */
  explain(): void {
    this.explained++;
    void vscode.window.showInformationMessage(restrictedExplanation(), manageLabel()).then((pick) => {
      if (pick) void vscode.commands.executeCommand(MANAGE_TRUST);
    });
  }

  /** The language status item in Restricted Mode: its click opens the trust editor. */
  showRestricted(status: vscode.LanguageStatusItem): void {
    status.text = vscode.l10n.t("ML Kata: restricted mode");
    status.detail = vscode.l10n.t("nothing is judged until the folder is trusted");
    status.severity = vscode.LanguageStatusSeverity.Warning;
    status.busy = false;
    status.command = { title: manageLabel(), command: MANAGE_TRUST };
  }
}
