/**
 * Tiny DOM helpers. Data only ever reaches the page as text (textContent) or as an
 * attribute value (setAttribute); nothing here parses HTML.
 */
export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Record<string, string | number | boolean | undefined> = {}, ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** A <button type="button"> with a click handler. */
export function button(label: string, onClick: (event: MouseEvent) => void, attrs: Record<string, string | boolean | undefined> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** A labelled form control: <label>text <control></label>. */
export function labelled(text: string, control: HTMLElement, className = 'field'): HTMLLabelElement {
  return el('label', { class: className }, el('span', { class: 'field-label' }, text), control);
}

export function options(select: HTMLSelectElement, items: ReadonlyArray<{ value: string; label: string }>, selected?: string): void {
  clear(select);
  for (const item of items) {
    const option = el('option', { value: item.value }, item.label);
    if (item.value === selected) option.selected = true;
    select.appendChild(option);
  }
}
