// Every name the client shares with the language server or with package.json, written once.
//
// The server's side is server/mlkata/server/protocol.py; tests/unit/test_protocol_agreement.py
// parses this file and fails when the two (or package.json) disagree. Keep each group as
// `export const Name = { KEY: "value", ... } as const;` with one entry per line, so it stays parseable.

/** Commands of the palette, menus and keybindings (package.json `contributes.commands`). */
export const Commands = {
  OPEN: "mlkata.open",
  RANDOM: "mlkata.random",
  NEXT_UNSOLVED: "mlkata.nextUnsolved",
  REVIEW: "mlkata.review",
  NEXT_DUE: "mlkata.nextDue",
  REVEAL: "mlkata.reveal",
  GRADE: "mlkata.grade",
  RUN: "mlkata.run",
  STATEMENT: "mlkata.statement",
  HINT: "mlkata.hint",
  SHOW_FOLLOWUPS: "mlkata.showFollowups",
  RESET: "mlkata.reset",
  ATTEMPTS: "mlkata.attempts",
  MOCK_START: "mlkata.mockStart",
  MOCK_SUBMIT: "mlkata.mockSubmit",
  MOCK_ABANDON: "mlkata.mockAbandon",
  ASK: "mlkata.ask",
  RATE: "mlkata.rate",
  SHOW_PROGRESS: "mlkata.showProgress",
  REFRESH: "mlkata.refresh",
  SHOW_LOGS: "mlkata.showLogs",
  RESTART_SERVER: "mlkata.restartServer",
} as const;

/**
 * `workspace/executeCommand` names the server handles (its `Commands`). They differ from the palette's:
 * vscode-languageclient registers these itself, so a palette command of the same name would clash.
 */
export const ServerCommands = {
  LIST_PROBLEMS: "mlkata.listProblems",
  SHOW_STATEMENT: "mlkata.showStatement",
  OPEN_PROBLEM: "mlkata.openProblem",
  RUN_TESTS: "mlkata.runTests",
  NEXT_HINT: "mlkata.nextHint",
  FOLLOWUPS: "mlkata.followups",
  RESET_PROBLEM: "mlkata.resetProblem",
  LIST_ATTEMPTS: "mlkata.listAttempts",
  ATTEMPT_TEXT: "mlkata.attemptText",
  RESTORE_ATTEMPT: "mlkata.restoreAttempt",
  DEBUG_CASE: "mlkata.debugCase",
  PROGRESS: "mlkata.progress",
  START_MOCK: "mlkata.startMock",
  MOCK_STATUS: "mlkata.mockStatus",
  SUBMIT_ROUND: "mlkata.submitRound",
  ABANDON_MOCK: "mlkata.abandonMock",
  MOCK_REPORT: "mlkata.mockReport",
  ASK_INTERVIEWER: "mlkata.askInterviewer",
  RATE_INTERVIEW: "mlkata.rateInterview",
  REVIEW_STATUS: "mlkata.reviewStatus",
  REVIEW_NEXT: "mlkata.reviewNext",
  REVEAL_CARD: "mlkata.revealCard",
  GRADE_CARD: "mlkata.gradeCard",
} as const;

/** Notifications the server sends (its `Notifications`). */
export const Notifications = {
  MOCK_EVENT: "mlkata/mockEvent",
  RUN_FINISHED: "mlkata/runFinished",
  REVIEW_CHANGED: "mlkata/reviewChanged",
} as const;

/** The activity-bar container and the views in it (package.json `viewsContainers`, `views`). */
export const Views = {
  CONTAINER: "mlkata",
  PROBLEMS: "mlkata.problems",
} as const;

/** Context keys the client sets for `when` clauses. */
export const ContextKeys = {
  BOUND_EDITOR: "mlkata.boundEditor",
} as const;

/** The configuration section; the server is sent (and synchronised on) this section. */
export const CONFIG_SECTION = "mlkata";

/** Settings (package.json `contributes.configuration.properties`), by their full ids. */
export const Settings = {
  PYTHON: "mlkata.python",
  RUN_ON_SAVE: "mlkata.runOnSave",
  RUN_ON_TYPE: "mlkata.runOnType",
  DEBOUNCE_MS: "mlkata.debounceMs",
  EXPLAIN_MISTAKES: "mlkata.explainMistakes",
  HINT_AFTER_FAILED_RUNS: "mlkata.hintAfterFailedRuns",
  HINT_AFTER_MINUTES: "mlkata.hintAfterMinutes",
  TIME_MULTIPLIER: "mlkata.timeMultiplier",
  PROBLEMS_FOLDERS: "mlkata.problemsFolders",
  DATABASE_PATH: "mlkata.databasePath",
  SOLUTIONS_FOLDER: "mlkata.solutionsFolder",
  MOCK_HIDES_DETAILS: "mlkata.mockHidesDetails",
  REALISM: "mlkata.realism",
} as const;

/**
 * Other ids: the language client, the status items, the test controller, the attempts' URI scheme, the
 * workspace-state key of the settings the realism switch saved, the walkthrough (package.json
 * `contributes.walkthroughs`) and the global-state key recording that it was shown.
 */
export const Ids = {
  LANGUAGE_CLIENT: "mlkata",
  SERVER_STATUS: "mlkata.server",
  MOCK_STATUS: "mlkata.mock",
  REVIEW_STATUS: "mlkata.reviewDue",
  TEST_CONTROLLER: "mlkata",
  ATTEMPT_SCHEME: "mlkata-attempt",
  REALISM_SAVED: "mlkata.realismSaved",
  WALKTHROUGH: "mlkata.getStarted",
  WALKTHROUGH_SHOWN: "mlkata.walkthroughShown",
} as const;

/** The Python module that runs the language server (`python -m ...`). */
export const SERVER_MODULE = "mlkata.server";

/** `Diagnostic.source` of every diagnostic the server publishes (its `SOURCE`). */
export const SOURCE = "mlkata";

/**
 * The binding marker on a solution's first line: group 1 is the problem id (empty: bound to no
 * problem). The same characters as the server's `MARKER_PATTERN` (server/mlkata/binding.py); the
 * `(?!\s)` keeps matching linear on a long first line (see there).
 */
export const MARKER_PATTERN = String.raw`^\ufeff?\s*#\s*mlkata:\s*(?!\s)(\S*)\s*$`;
export const MARKER_RE = new RegExp(MARKER_PATTERN);

/**
 * A review answer file: the folder the server writes them to (under the solutions folder) and the
 * marker on its first line, group 1 the card id (server/mlkata/server/review.py: `FOLDER`, `CARD_MARKER_RE`).
 */
export const REVIEW_FOLDER = "mlkata-review";
export const CARD_MARKER_RE = /^\ufeff?<!--\s*mlkata-card:\s*([a-z0-9-]+)\s*-->\s*$/;

export type PaletteCommand = (typeof Commands)[keyof typeof Commands];
export type ServerCommand = (typeof ServerCommands)[keyof typeof ServerCommands];
export type Notification = (typeof Notifications)[keyof typeof Notifications];
export type Setting = (typeof Settings)[keyof typeof Settings];
