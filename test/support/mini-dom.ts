/**
 * Just enough DOM for renderPreview in Node (jsdom is not installed): elements with
 * attributes, children, textContent, value, focus and events. `innerHTML` throws, so a
 * test fails if the renderer ever reaches for it.
 */
export class MiniNode {
  readonly children: MiniElement[] = [];
  parent: MiniElement | null = null;
  get firstChild(): MiniElement | null {
    return this.children[0] ?? null;
  }
  appendChild<T extends MiniElement>(child: T): T {
    child.parent?.removeChild(child);
    this.children.push(child);
    child.parent = this as unknown as MiniElement;
    return child;
  }
  removeChild<T extends MiniElement>(child: T): T {
    const i = this.children.indexOf(child);
    if (i >= 0) this.children.splice(i, 1);
    child.parent = null;
    return child;
  }
}

export class MiniElement extends MiniNode {
  readonly attributes = new Map<string, string>();
  private text = "";
  value = "";
  private readonly listeners = new Map<string, Array<(event: unknown) => void>>();
  hidden = false;

  constructor(
    readonly ownerDocument: MiniDocument,
    readonly tagName: string,
    readonly namespaceURI: string | null = null,
  ) {
    super();
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  get textContent(): string {
    return this.text + this.children.map((c) => c.textContent).join("");
  }
  set textContent(value: string) {
    this.children.splice(0).forEach((c) => (c.parent = null));
    this.text = value;
  }
  set innerHTML(_value: string) {
    throw new Error("innerHTML must never be used: cell content is hostile");
  }
  get parentElement(): MiniElement | null {
    return this.parent;
  }
  addEventListener(type: string, fn: (event: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  /**
   * Fires `type` here and, for events that bubble in a browser (keys, clicks, focusin), on
   * each ancestor; the event carries `target` and whatever `init` gives (key, shiftKey…).
   * Returns whether a listener called preventDefault.
   */
  dispatch(type: string, init: Record<string, unknown> = {}): boolean {
    let prevented = false;
    const event = { target: this, preventDefault: () => (prevented = true), ...init };
    const bubbles = ["keydown", "click", "focusin"].includes(type);
    const path: MiniElement[] = [this];
    while (bubbles && path[path.length - 1].parent) path.push(path[path.length - 1].parent!);
    for (const at of path) for (const fn of at.listeners.get(type) ?? []) fn(event);
    return prevented;
  }
  focus(): void {
    this.ownerDocument.activeElement = this;
    this.dispatch("focus");
    this.dispatch("focusin");
  }
  /** Descendants matching a predicate, depth first. */
  findAll(match: (e: MiniElement) => boolean): MiniElement[] {
    const out: MiniElement[] = [];
    const walk = (e: MiniElement): void => {
      for (const c of e.children) {
        if (match(c)) out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }
  byTag(tag: string): MiniElement[] {
    return this.findAll((e) => e.tagName === tag);
  }
}

export class MiniDocument {
  activeElement: MiniElement | null = null;
  createElement(tag: string): MiniElement {
    return new MiniElement(this, tag);
  }
  createElementNS(ns: string, tag: string): MiniElement {
    return new MiniElement(this, tag, ns);
  }
}

export function container(): MiniElement & HTMLElement {
  const doc = new MiniDocument();
  return doc.createElement("div") as MiniElement & HTMLElement;
}
