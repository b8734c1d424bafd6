/**
 * Menu commands: the one message Electron main sends to the page unasked (File ▸ Open calibration
 * packet…). The page then runs the same flow as its own button, through the shell's open dialog
 * and the typed contract, so the menu needs no file access of its own.
 */
export const MENU_COMMAND_CHANNEL = 'menu:command';
export const MENU_COMMANDS = ['openCalibrationPacket'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);

/** What the preload exposes as `window.scorecardMenu`: subscribe, and get a function to unsubscribe. */
export interface MenuBridge {
  onCommand(listener: (command: MenuCommand) => void): () => void;
}
