/** A text box that shows its whole text with an empty line below it to write into: nothing
 * scrolls inside it. The parameter is the text, so that a change from outside (undo) refits it.
 * While typing the box only grows, two lines at a time when the text reaches its last line: a
 * growth moves everything below it, one slow frame (≈ 70–110 ms in a software-rendered WebKit),
 * so it happens every other line rather than on each. */
export function autosize(el: HTMLTextAreaElement, _text?: string) {
  const line = () => parseFloat(getComputedStyle(el).lineHeight) || 20;
  const fit = () => {
    el.style.height = "auto";
    // Not laid out yet (in a closed group): the rows attribute holds until it is shown.
    if (el.scrollHeight === 0) return;
    el.style.height = `${el.scrollHeight + line() + 2}px`;
  };
  const grow = () => {
    if (el.scrollHeight > el.clientHeight) el.style.height = `${el.scrollHeight + 2 * line() + 2}px`;
  };
  fit();
  el.addEventListener("input", grow);
  el.addEventListener("focus", grow);
  return {
    update: () => {
      // Typing changes the parameter too: a text set from outside is one the box is not focused for.
      if (document.activeElement !== el) fit();
    },
    destroy: () => {
      el.removeEventListener("input", grow);
      el.removeEventListener("focus", grow);
    },
  };
}
