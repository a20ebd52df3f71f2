/**
 * H5 only. Taro 4.2.1's router can leave the page the URL points to hidden (class
 * `taro_page_shade`) after navigateBack or the browser's back button onto a tab page: it hides
 * the page it believes is current, which may be the one being returned to. The page matching the
 * current route is the one the user must see, so it is never left shaded.
 */
export function guardVisibleRoute(): void {
  const routeOf = (id: string) => decodeURIComponent(id.split('?')[0]);
  const currentRoute = () => routeOf(window.location.hash.replace(/^#/, '') || '/');
  const reveal = () => {
    const route = currentRoute();
    document.querySelectorAll<HTMLElement>('.taro_page.taro_page_shade').forEach((page) => {
      if (routeOf(page.id) === route) page.classList.remove('taro_page_shade');
    });
  };
  new MutationObserver(reveal).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'] });
  window.addEventListener('hashchange', reveal);
}
