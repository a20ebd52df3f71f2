/**
 * H5 only. NutUI writes WeChat's `aria-role` attribute (the mini program's name for it); browsers
 * and screen readers know only `role`, so a checkbox or switch is announced as nothing. Each page
 * container also scrolls on its own, and a scrolling region must be reachable from the keyboard.
 */
export function fixAriaForBrowsers(): void {
  const fix = () => {
    document.querySelectorAll<HTMLElement>('[aria-role]').forEach((element) => {
      element.setAttribute('role', element.getAttribute('aria-role') ?? '');
      element.removeAttribute('aria-role');
    });
    // Taro writes tabIndex as tab-index on its custom elements; only tabindex makes them focusable.
    document.querySelectorAll<HTMLElement>('[tab-index]').forEach((element) => {
      element.setAttribute('tabindex', element.getAttribute('tab-index') ?? '0');
      element.removeAttribute('tab-index');
    });
    document.querySelectorAll<HTMLElement>('.taro_page:not([tabindex])').forEach((page) => page.setAttribute('tabindex', '0'));
  };
  new MutationObserver(fix).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-role', 'tab-index'],
  });
  fix();
}
