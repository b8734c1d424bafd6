import type { Page } from 'playwright-core';

/** The few DOM shapes the check reads: e2e files are type-checked without the DOM library. */
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}
interface Node {
  tagName: string;
  id: string;
  className: unknown;
  textContent: string | null;
  parentElement: Node | null;
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  getBoundingClientRect(): Box;
  getAttribute(name: string): string | null;
}
interface Style {
  overflowX: string;
  overflowY: string;
  visibility: string;
}
interface Window {
  innerWidth: number;
  innerHeight: number;
  getComputedStyle(node: Node): Style;
  document: { documentElement: Node; querySelectorAll(selector: string): ArrayLike<Node> };
}

/**
 * Elements matching `selector` that the user cannot fully see and has no way to find: text cut
 * short inside its own box (an ellipsis without a `title` repeating it), or a box clipped by an
 * ancestor that does not scroll. Clipped by a scroller is fine: its scrollbar is the hint.
 * Returns one readable line per problem, so an assertion failure says what was cut and by what.
 */
export async function cutOff(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((query) => {
    const win = globalThis as unknown as Window;
    const name = (node: Node) => {
      const classes =
        typeof node.className === 'string' && node.className ? `.${node.className.split(' ')[0]}` : '';
      const text = (node.textContent ?? '').trim().slice(0, 30);
      return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${classes}${text ? ` "${text}"` : ''}`;
    };
    const scrolls = (overflow: string, content: number, visible: number) =>
      (overflow === 'auto' || overflow === 'scroll') && content > visible + 1;
    const problems: string[] = [];
    for (const node of Array.from(win.document.querySelectorAll(query))) {
      const style = win.getComputedStyle(node);
      let box = node.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') {
        problems.push(`${name(node)}: not shown`);
        continue;
      }
      // scrollWidth is rounded: one pixel over already hides part of a glyph behind the ellipsis.
      const clipsOwnText = style.overflowX !== 'visible' && node.scrollWidth > node.clientWidth;
      if (clipsOwnText && !node.getAttribute('title')) {
        problems.push(`${name(node)}: text cut (${node.clientWidth} of ${node.scrollWidth} px shown)`);
      }
      for (let outer = node.parentElement; outer; outer = outer.parentElement) {
        const outerStyle = win.getComputedStyle(outer);
        if (outerStyle.overflowX === 'visible' && outerStyle.overflowY === 'visible') continue;
        const frame = outer.getBoundingClientRect();
        const outX = box.left < frame.left - 1 || box.right > frame.right + 1;
        const outY = box.top < frame.top - 1 || box.bottom > frame.bottom + 1;
        if (!outX && !outY) continue;
        const canScroll =
          (!outX || scrolls(outerStyle.overflowX, outer.scrollWidth, outer.clientWidth)) &&
          (!outY || scrolls(outerStyle.overflowY, outer.scrollHeight, outer.clientHeight));
        if (!canScroll) {
          problems.push(`${name(node)}: cut by ${name(outer).split(' ')[0] ?? ''}`);
          break;
        }
        // Scrolling reveals it inside this scroller; what matters further out is the scroller itself.
        box = frame;
      }
      const page = win.document.documentElement;
      const outOfWindow = box.right > win.innerWidth + 1 || box.bottom > win.innerHeight + 1;
      if (outOfWindow && page.scrollHeight <= page.clientHeight && page.scrollWidth <= page.clientWidth) {
        problems.push(`${name(node)}: outside the window`);
      }
    }
    return problems;
  }, selector);
}

interface FocusStyle extends Style {
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  outlineOffset: string;
  backgroundColor: string;
}

/**
 * What is wrong with the focus indicator of the focused element, or null: it needs an outline at
 * least 2 px wide, at 3:1 against the colour around it (WCAG 1.4.11), not clipped by an ancestor.
 */
export async function focusRingProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const win = globalThis as unknown as Omit<Window, 'getComputedStyle'> & {
      getComputedStyle(node: Node): FocusStyle;
      document: { activeElement: Node | null; body: Node };
    };
    const node = win.document.activeElement;
    if (!node || node === win.document.body) return null;
    const label = `${node.tagName.toLowerCase()} "${(node.textContent ?? '').trim().slice(0, 30)}"`;
    const style = win.getComputedStyle(node);
    const width = parseFloat(style.outlineWidth);
    if (style.outlineStyle === 'none' || !(width >= 2)) return `${label}: no visible outline`;

    const rgba = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const over = (top: number[], under: number[]) => {
      const alpha = top[3] ?? 1;
      return [0, 1, 2].map((i) => (top[i] ?? 0) * alpha + (under[i] ?? 0) * (1 - alpha));
    };
    // The outline sits on the element's own background when drawn inside it, else on its parent's.
    const offset = parseFloat(style.outlineOffset);
    const layers: number[][] = [];
    for (let at: Node | null = offset < 0 ? node : node.parentElement; at; at = at.parentElement) {
      const colour = rgba(win.getComputedStyle(at).backgroundColor);
      if ((colour[3] ?? 1) > 0) layers.push(colour);
      if ((colour[3] ?? 1) === 1) break;
    }
    const background = layers.reduceRight((under, top) => over(top, under), [255, 255, 255]);
    const ring = over(rgba(style.outlineColor), background);
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    const [hi, lo] = [luminance(ring), luminance(background)].sort((a, b) => b - a);
    const ratio = ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
    if (ratio < 3) return `${label}: outline contrast ${ratio.toFixed(2)}:1`;

    const box = node.getBoundingClientRect();
    const reach = Math.max(0, offset + width);
    for (let outer = node.parentElement; outer; outer = outer.parentElement) {
      const outerStyle = win.getComputedStyle(outer);
      if (outerStyle.overflowX === 'visible' && outerStyle.overflowY === 'visible') continue;
      const frame = outer.getBoundingClientRect();
      if (
        box.left - reach < frame.left - 0.5 ||
        box.right + reach > frame.right + 0.5 ||
        box.top - reach < frame.top - 0.5 ||
        box.bottom + reach > frame.bottom + 0.5
      ) {
        return `${label}: outline clipped by ${outer.tagName.toLowerCase()}.${String(outer.className).split(' ')[0]}`;
      }
    }
    return null;
  });
}

/**
 * Presses Tab (or Shift+Tab) until the element matching `until` has focus, at most `stops` times,
 * and returns the focus-ring problems met on the way (and a line if `until` was never reached).
 */
export async function focusRingProblems(
  page: Page,
  options: { stops: number; until?: string; key?: string },
): Promise<string[]> {
  const problems: string[] = [];
  for (let n = 0; n < options.stops; n += 1) {
    await page.keyboard.press(options.key ?? 'Tab');
    const problem = await focusRingProblem(page);
    if (problem) problems.push(problem);
    if (options.until && (await page.locator(`${options.until}:focus`).count()) > 0) return problems;
  }
  if (options.until) problems.push(`${options.until} not reached in ${options.stops} stops`);
  return problems;
}
