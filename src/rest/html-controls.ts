import type { HtmlContext } from '../core/internal';

/** Words and class names of the HTML controls; every one can be replaced (translation, CSS). */
export interface HtmlControlsOptions {
  /** The class of the `<nav>`; items get `<class>__item` and so on (default `pagination`). */
  readonly className?: string;
  /** The accessible name of the navigation landmark (default `Pagination`). */
  readonly label?: string;
  /** Text of the previous control (default `«` with numbers, `« Previous` without, as DRF's templates). */
  readonly previousText?: string;
  /** Text of the next control (default `»` with numbers, `Next »` without). */
  readonly nextText?: string;
  /** Accessible name of the previous control (default `Previous page`). */
  readonly previousLabel?: string;
  /** Accessible name of the next control (default `Next page`). */
  readonly nextLabel?: string;
  /** Accessible name of a page link (default `Page {n}`). */
  readonly pageLabel?: (page: number) => string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/**
 * DRF's pagination controls (`numbers.html` with page links and ellipses, `previous_and_next.html`
 * for the cursor style) as plain, accessible HTML: a labelled `<nav>`, `aria-current="page"` on the
 * current page, a disabled control as a link without `href` (not focusable, announced as disabled),
 * no inline style.
 */
export function renderPaginationControls(context: HtmlContext, options: HtmlControlsOptions = {}): string {
  const base = escapeHtml(options.className ?? 'pagination');
  const numbered = context.pageLinks.length > 0;
  const item = (modifier: string, inner: string): string =>
    `<li class="${base}__item${modifier ? ` ${base}__item--${modifier}` : ''}">${inner}</li>`;
  const control = (url: string | null, rel: 'prev' | 'next', text: string, label: string, modifier: string): string =>
    url === null
      ? item(
          `${modifier} ${base}__item--disabled`,
          `<a class="${base}__link" role="link" aria-disabled="true" aria-label="${escapeHtml(label)}">${escapeHtml(text)}</a>`,
        )
      : item(
          modifier,
          `<a class="${base}__link" href="${escapeHtml(url)}" rel="${rel}" aria-label="${escapeHtml(label)}">${escapeHtml(text)}</a>`,
        );
  const pageLabel = options.pageLabel ?? ((page: number) => `Page ${page}`);

  const parts = [
    control(
      context.previous,
      'prev',
      options.previousText ?? (numbered ? '«' : '« Previous'),
      options.previousLabel ?? 'Previous page',
      'previous',
    ),
    ...context.pageLinks.map((link) => {
      if (link.isBreak || link.url === null || link.number === null) {
        return item('break', `<span class="${base}__link" aria-hidden="true">…</span>`);
      }
      const current = link.isActive ? ' aria-current="page"' : '';
      return item(
        link.isActive ? 'active' : '',
        `<a class="${base}__link" href="${escapeHtml(link.url)}"${current} aria-label="${escapeHtml(pageLabel(link.number))}">${link.number}</a>`,
      );
    }),
    control(context.next, 'next', options.nextText ?? (numbered ? '»' : 'Next »'), options.nextLabel ?? 'Next page', 'next'),
  ];
  return `<nav class="${base}" aria-label="${escapeHtml(options.label ?? 'Pagination')}"><ul class="${base}__list">${parts.join('')}</ul></nav>`;
}
