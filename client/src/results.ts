// Showing what a server command returned, the way a person wants to read it (from the palette
// commands, and from the code lenses and quick fixes that call the server's commands directly).
import { debugCase } from "./debug";
import type { MockClock } from "./mock";
import type { Pages } from "./pages";
import { ServerCommands } from "./protocol";
import type { ReviewQueue } from "./review";
import type { Log } from "./serverApi";
import type { HiddenTests } from "./testing";

export class ResultRenderer {
  constructor(
    private readonly pages: Pages,
    private readonly tests: HiddenTests,
    private readonly mock: MockClock,
    private readonly review: ReviewQueue,
    private readonly log: Log,
  ) {}

  /** Show the result of a server command (nothing for commands whose result is not for reading). */
  async render(command: string, result: any): Promise<void> {
    if (!result) return;
    switch (command) {
      case ServerCommands.SHOW_STATEMENT:
        await this.pages.statement(result);
        break;
      case ServerCommands.NEXT_HINT:
        await this.pages.hints(result);
        break;
      case ServerCommands.RUN_TESTS:
        this.tests.update(result.uri, result.title, result);
        break;
      case ServerCommands.SUBMIT_ROUND:
        await this.mock.onEvent(result);
        break;
      case ServerCommands.ASK_INTERVIEWER:
        if (result.answer) this.mock.answered(result);
        break;
      case ServerCommands.RATE_INTERVIEW:
        await this.mock.showReport(result);
        break;
      case ServerCommands.REVEAL_CARD:
        await this.review.revealed(result);
        break;
      case ServerCommands.GRADE_CARD:
        this.review.graded(result);
        break;
      case ServerCommands.DEBUG_CASE:
        await debugCase(result, this.log);
        break;
    }
  }
}
