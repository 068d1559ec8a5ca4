// Views that follow the saves rather than the keys (the library's rows) wait for the writer to
// pause before they render. While the body has focus, every React commit walks the whole body
// to note where the selection is (React keeps that to restore focus after the commit), and in a
// long draft that walk and the render cost a keystroke that lands on them several milliseconds.
// A pause is this long without a keystroke: longer than the gaps inside a word or a sentence.
export const TYPING_PAUSE_MS = 1000;

let lastKeystroke = Number.NEGATIVE_INFINITY;
let waiting: Array<() => void> = [];
let timer: ReturnType<typeof setTimeout> | undefined;

// Called for every change the writer makes to the article; costs a clock read.
export function noteKeystroke(): void {
  lastKeystroke = performance.now();
}

// Runs `run` now if the writer is not typing, or once they pause.
export function whenTypingPauses(run: () => void): void {
  if (sincePause() >= 0) {
    run();
    return;
  }
  waiting.push(run);
  arm();
}

function sincePause(): number {
  return performance.now() - lastKeystroke - TYPING_PAUSE_MS;
}

// One timer for all the waiting work; a keystroke does not move it, it is moved when it fires.
function arm(): void {
  if (timer !== undefined) return;
  timer = setTimeout(() => {
    timer = undefined;
    if (sincePause() < 0) {
      arm();
      return;
    }
    const due = waiting;
    waiting = [];
    for (const run of due) run();
  }, -sincePause());
}
