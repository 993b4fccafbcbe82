// The first screen: on the first activation in a VS Code profile, the ML Kata view and the walkthrough
// open, once (VS Code opens a walkthrough on install only from its Extensions view, not for a .vsix
// installed from the command line or a browser VS Code set up by a script).
import * as vscode from "vscode";
import { Ids, Views } from "./protocol";

export class FirstRun {
  /** How often this window opened the walkthrough (the e2e suite checks it). */
  opened = 0;

  constructor(
    private readonly state: vscode.Memento,
    private readonly extensionId: string,
  ) {}

  /**
   * Show the ML Kata view and open the walkthrough, unless this profile saw it before or the user turned
   * off `workbench.welcomePage.walkthroughs.openOnInstall`; whether it opened.
   */
  async maybeShow(): Promise<boolean> {
    if (this.state.get<boolean>(Ids.WALKTHROUGH_SHOWN)) return false;
    if (!vscode.workspace.getConfiguration("workbench.welcomePage").get<boolean>("walkthroughs.openOnInstall", true)) return false;
    // Recorded first: a second window activating meanwhile does not open it again.
    await this.state.update(Ids.WALKTHROUGH_SHOWN, true);
    this.opened++;
    await vscode.commands.executeCommand(`workbench.view.extension.${Views.CONTAINER}`);
    await vscode.commands.executeCommand("workbench.action.openWalkthrough", `${this.extensionId}#${Ids.WALKTHROUGH}`, false);
    return true;
  }
}
