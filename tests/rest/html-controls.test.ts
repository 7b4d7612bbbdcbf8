import { cursorPagination, pageNumberPagination, type PageSource } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { absoluteUrl, paginateRequest, renderPaginationControls, type PaginatedRestPage, type RestOptions } from 'pagewise/rest';

const hundred = Array.from({ length: 100 }, (_, index) => index + 1);

async function pageFor<T>(query: string, options: RestOptions<T> & { source: PageSource<T> }): Promise<PaginatedRestPage<T>> {
  const url = absoluteUrl({ url: `/${query}`, headers: { host: 'testserver' } })!;
  const page = await paginateRequest(url, options.source, options);
  if (!page.paginated) throw new Error('expected a page');
  return page;
}

const controlsFor = async <T>(query: string, options: RestOptions<T> & { source: PageSource<T> }) =>
  (await pageFor(query, options)).htmlContext();

const pageNumber = { pagination: pageNumberPagination({ pageSize: 5 }), source: arraySource(hundred) };

describe('renderPaginationControls', () => {
  it("renders DRF's test_no_page_number context: numbers, an ellipsis, previous and next", async () => {
    const htmlContext = await controlsFor('', pageNumber);
    expect(renderPaginationControls(htmlContext)).toBe(
      '<nav class="pagination" aria-label="Pagination"><ul class="pagination__list">' +
        '<li class="pagination__item pagination__item--previous pagination__item--disabled"><a class="pagination__link" role="link" aria-disabled="true" aria-label="Previous page">«</a></li>' +
        '<li class="pagination__item pagination__item--active"><a class="pagination__link" href="http://testserver/" aria-current="page" aria-label="Page 1">1</a></li>' +
        '<li class="pagination__item"><a class="pagination__link" href="http://testserver/?page=2" aria-label="Page 2">2</a></li>' +
        '<li class="pagination__item"><a class="pagination__link" href="http://testserver/?page=3" aria-label="Page 3">3</a></li>' +
        '<li class="pagination__item pagination__item--break"><span class="pagination__link" aria-hidden="true">…</span></li>' +
        '<li class="pagination__item"><a class="pagination__link" href="http://testserver/?page=20" aria-label="Page 20">20</a></li>' +
        '<li class="pagination__item pagination__item--next"><a class="pagination__link" href="http://testserver/?page=2" rel="next" aria-label="Next page">»</a></li>' +
        '</ul></nav>',
    );
  });

  it('puts breaks on both sides in the middle, as DRF does for (10, 20)', async () => {
    const htmlContext = await controlsFor('?page=10', pageNumber);
    const numbers = [...renderPaginationControls(htmlContext).matchAll(/>(\d+|…)<\/(?:a|span)>/g)].map(([, text]) => text);
    expect(numbers).toEqual(['1', '…', '9', '10', '11', '…', '20']);
  });

  it('escapes URLs and takes class names and words from the options', async () => {
    const htmlContext = await controlsFor('?page=2&q=%22%3E%3Cscript%3E&x=1', pageNumber);
    const html = renderPaginationControls(htmlContext, {
      className: 'pager',
      label: 'Seiten',
      previousText: 'zurück',
      nextText: 'weiter',
      previousLabel: 'Vorherige Seite',
      nextLabel: 'Nächste Seite',
      pageLabel: (page) => `Seite ${page}`,
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain(
      'href="http://testserver/?page=3&amp;q=%22%3E%3Cscript%3E&amp;x=1" rel="next" aria-label="Nächste Seite">weiter</a>',
    );
    expect(html).toContain('<nav class="pager" aria-label="Seiten"><ul class="pager__list">');
    expect(html).toContain('aria-label="Seite 1">1</a>');
    expect(html).toContain('aria-label="Vorherige Seite">zurück</a>');
  });

  it("renders a cursor list as DRF's previous_and_next.html: previous and next only", async () => {
    const htmlContext = await controlsFor('', {
      pagination: cursorPagination({ pageSize: 5, ordering: 'value', mode: 'drf' }),
      source: arraySource(hundred.map((value) => ({ value }))),
    });
    expect(renderPaginationControls(htmlContext)).toBe(
      '<nav class="pagination" aria-label="Pagination"><ul class="pagination__list">' +
        '<li class="pagination__item pagination__item--previous pagination__item--disabled"><a class="pagination__link" role="link" aria-disabled="true" aria-label="Previous page">« Previous</a></li>' +
        `<li class="pagination__item pagination__item--next"><a class="pagination__link" href="${htmlContext.next}" rel="next" aria-label="Next page">Next »</a></li>` +
        '</ul></nav>',
    );
  });

  it('reports whether DRF would display the controls', async () => {
    expect((await pageFor('', pageNumber)).displayPageControls).toBe(true);
    expect((await pageFor('', { ...pageNumber, pagination: pageNumberPagination({ pageSize: 100 }) })).displayPageControls).toBe(false);
  });
});
