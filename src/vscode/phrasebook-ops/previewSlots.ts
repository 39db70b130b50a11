// Read-only previews are reused, not piled up: one URI per purpose (daemon and title), whose text the
// next preview replaces. An open tab of that URI then shows the new text instead of a new tab opening.

/** FNV-1a offset basis and prime: a short stable id for a preview slot. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function slotId(...parts: string[]): string {
  let hash = FNV_OFFSET;
  for (const char of parts.join('\u0000')) hash = Math.imul(hash ^ char.codePointAt(0)!, FNV_PRIME) >>> 0;
  return hash.toString(36);
}

/** Texts by slot, newest last, at most `limit` of them. */
export class SlotTexts {
  private readonly texts = new Map<string, string>();

  constructor(private readonly limit: number) {}

  set(id: string, text: string): void {
    this.texts.delete(id);
    this.texts.set(id, text);
    while (this.texts.size > this.limit) this.texts.delete(this.texts.keys().next().value as string);
  }

  get(id: string): string | undefined {
    return this.texts.get(id);
  }
}
