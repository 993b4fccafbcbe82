// What every group of palette commands is made of.
import type { PaletteCommand } from "../protocol";

/** A palette command's handler: its arguments are the command's (menus pass the clicked item). */
export type Handler = (...args: any[]) => Promise<unknown>;

/** Handlers of some palette commands, by id. */
export type Handlers<K extends PaletteCommand = PaletteCommand> = Record<K, Handler>;
