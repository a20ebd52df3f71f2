/**
 * One rendered page of the compiled mini program, driven as a user would: read its text, tap what
 * shows a given text, type into the field under a given label. Events go through WeChat's own
 * component framework (exparser), so only what the compiled WXML really binds can react.
 */
const FIELD_TAGS = 'wx-input, wx-textarea';

export class PageHandle {
  constructor({ component, instance, exparser, calls, route, pages }) {
    Object.assign(this, { component, instance, exparser, calls, route, pages });
    this.setDataFrom = pages.setDataSizes.length;
  }

  get dom() {
    return this.component.dom;
  }

  text() {
    return this.dom.textContent.replace(/\s+/g, ' ').trim();
  }

  has(text) {
    return this.text().includes(text);
  }

  /** Waits until no cloud call is in flight and the runtime has flushed its updates. */
  async settle(limitMs = 5000) {
    const until = Date.now() + limitMs;
    let quiet = 0;
    while (quiet < 4 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 15));
      quiet = this.calls.inflight === 0 ? quiet + 1 : 0;
    }
  }

  async waitFor(text, limitMs = 4000) {
    const until = Date.now() + limitMs;
    while (!this.has(text)) {
      if (Date.now() > until) throw new Error(`${this.route}: 等不到「${text}」。页面文字：${this.text().slice(0, 600)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * The innermost rendered element showing `text`: one that reads exactly that (a button, a label)
   * before one where it is part of a sentence.
   */
  find(text, within = this.dom) {
    const matching = [...within.querySelectorAll('*')].filter((element) => element.textContent.includes(text));
    const innermost = matching.filter((element) => !matching.some((other) => other !== element && element.contains(other)));
    return innermost.find((element) => element.textContent.trim() === text) ?? innermost[0] ?? null;
  }

  findAll(selector) {
    return [...this.dom.querySelectorAll(selector)];
  }

  /** A tap on what shows `target` (a text, or an element already found). */
  async tap(target) {
    const element = typeof target === 'string' ? this.find(target) : target;
    if (!element) throw new Error(`${this.route}: 页面上没有「${target}」。页面文字：${this.text().slice(0, 600)}`);
    this.dispatch(element, 'tap', { x: 0, y: 0 });
    await this.settle();
  }

  /** Types `value` into the input or textarea in the form row labelled `label`. */
  async input(label, value) {
    const field = this.field(label);
    this.dispatch(field, 'input', { value, cursor: value.length, keyCode: 0 });
    await this.settle();
  }

  /** What the field under `label` shows: the value the compiled WXML hands the input. */
  valueOf(label) {
    const attrs = this.field(label).__wxElement?._vt?.attrs ?? [];
    return attrs.find((attr) => attr.name === 'value')?.value ?? '';
  }

  /** Chooses option `index` in the picker of the form row labelled `label`, as WeChat's picker reports it. */
  async pick(label, index) {
    this.dispatch(this.field(label, 'wx-picker'), 'change', { value: index });
    await this.settle();
  }

  /** The control in the form row whose label reads `label` (a required mark aside). */
  field(label, tags = FIELD_TAGS) {
    const labels = [...this.dom.querySelectorAll('[class*="label"]')].filter(
      (element) => element.textContent.replace('*', '').trim() === label,
    );
    const labelElement = labels[labels.length - 1] ?? this.find(label);
    if (!labelElement) throw new Error(`${this.route}: 找不到标签「${label}」`);
    for (let node = labelElement; node && node !== this.dom.parentNode; node = node.parentElement) {
      const field = node.querySelector(tags);
      if (field) return field;
    }
    throw new Error(`${this.route}: 「${label}」旁边没有输入框`);
  }

  dispatch(element, name, detail) {
    const target = element.__wxElement;
    if (!target) throw new Error(`${this.route}: 元素不属于渲染树`);
    const event = this.exparser.Event.create(name, detail, {
      bubbles: true,
      capturePhase: true,
      composed: true,
      extraFields: { touches: {}, changedTouches: {} },
    });
    this.exparser.Event.dispatchEvent(target, event);
  }

  /** The page shown again, as after navigateBack from a page opened on top of it. */
  async show() {
    this.instance.onShow?.();
    await this.settle();
  }

  async pullDown() {
    this.instance.onPullDownRefresh?.();
    await this.settle();
  }

  async reachBottom() {
    this.instance.onReachBottom?.();
    await this.settle();
  }

  /** WeChat's experience audit: WXML nodes, tree depth, and the largest setData payload (bytes). */
  metrics() {
    // <virtual> stands for a template or wx:for block: WeChat renders no node for it.
    const elements = [...this.dom.querySelectorAll('*')].filter((element) => element.tagName !== 'VIRTUAL');
    let depth = 0;
    for (const element of elements) {
      let level = 0;
      for (let node = element; node && node !== this.dom; node = node.parentElement) if (node.tagName !== 'VIRTUAL') level += 1;
      depth = Math.max(depth, level);
    }
    const sizes = this.pages.setDataSizes.slice(this.setDataFrom);
    return { nodes: elements.length, depth, setDataMax: Math.max(0, ...sizes), setDataCalls: sizes.length };
  }

  close() {
    this.instance.onHide?.();
    this.instance.onUnload?.();
    this.pages.stack.splice(this.pages.stack.indexOf(this.instance), 1);
    this.component.detach();
  }
}
