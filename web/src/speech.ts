// Spoken cues, when the person turned voice on; speech is optional and may be missing.
export function speak(text: string, on: boolean, interrupt = true): void {
  if (!on || typeof speechSynthesis === 'undefined') return;
  try {
    if (interrupt) speechSynthesis.cancel();
    speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  } catch {
    /* speech is optional */
  }
}
