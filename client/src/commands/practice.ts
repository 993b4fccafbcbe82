// Palette commands while solving: run the hidden tests, the next hint, the follow-up questions.
import * as vscode from "vscode";
import { activeProblem } from "../binding";
import type { ProblemCatalog } from "../catalog";
import type { Pages } from "../pages";
import { Commands, ServerCommands } from "../protocol";
import type { ResultRenderer } from "../results";
import type { ServerApi } from "../serverApi";
import { pickProblem } from "./problems";
import type { Handlers } from "./types";

export interface PracticeDeps {
  server: ServerApi;
  catalog: ProblemCatalog;
  pages: Pages;
  results: ResultRenderer;
}

/** The follow-ups unlock once the problem is solved; before that the user may give up and see them. */
async function showFollowups({ server, catalog, pages }: PracticeDeps): Promise<void> {
  const id = await pickProblem(catalog, vscode.l10n.t("Follow-up Questions"));
  if (!id) return;
  try {
    await pages.followups(await server.execute(ServerCommands.FOLLOWUPS, { id }));
  } catch (err: any) {
    const message = `${err?.message ?? err}`;
    const prefix = `${ServerCommands.FOLLOWUPS}: `;
    const pick = await vscode.window.showWarningMessage(
      message.startsWith(prefix) ? message.slice(prefix.length) : message,
      { modal: true },
      vscode.l10n.t("Give Up and Show"),
    );
    if (pick) await pages.followups(await server.execute(ServerCommands.FOLLOWUPS, { id, giveUp: true }));
  }
}

export function practiceCommands(d: PracticeDeps) {
  const { server, catalog, results } = d;
  return {
    [Commands.RUN]: async () => {
      const bound = activeProblem();
      if (!bound) throw new Error(vscode.l10n.t("the active file is not an ML Kata solution (no '# mlkata: <id>' first line)"));
      const result = await server.execute(ServerCommands.RUN_TESTS, { uri: bound.uri.toString() });
      await results.render(ServerCommands.RUN_TESTS, result);
      return result;
    },
    [Commands.HINT]: async () => {
      const id = await pickProblem(catalog, vscode.l10n.t("Next Hint"));
      if (id) await results.render(ServerCommands.NEXT_HINT, await server.execute(ServerCommands.NEXT_HINT, { id }));
    },
    [Commands.SHOW_FOLLOWUPS]: async () => showFollowups(d),
  } satisfies Partial<Handlers>;
}
