/**
 * Moving focus to the page's main heading after a route change tells screen-reader and
 * keyboard users that the page changed. The heading may appear only after data loads, so a
 * request waits until a heading mounts.
 */
let pending = false;

/** Asks for the main heading to take focus; done now if it is already on screen. */
export function requestHeadingFocus(): void {
  const heading = document.getElementById('main-heading');
  if (heading) {
    heading.focus();
    pending = false;
  } else {
    pending = true;
  }
}

/** Called by a heading when it mounts: takes the focus if a route change asked for it. */
export function claimHeadingFocus(heading: HTMLElement): void {
  if (!pending) return;
  pending = false;
  heading.focus();
}
