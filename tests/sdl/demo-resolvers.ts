// Resolvers of the demo schema, typed with the types GraphQL Code Generator makes of the transformed
// schema (codegen.yml). A paginated field's own resolver returns rows: an array or a PageSource.
import { arraySource } from 'pagewise/array';
import type { ArticleFilter, Resolvers } from './generated/demo-types.generated';
import type { ArticleRow, DemoContext } from './demo-data';

function filtered(articles: readonly ArticleRow[], filter: ArticleFilter | null | undefined): readonly ArticleRow[] {
  const text = filter?.titleContains?.toLowerCase();
  return articles.filter(
    (article) =>
      (filter?.authorId === null || filter?.authorId === undefined || String(article.authorId) === filter.authorId) &&
      (text === undefined || article.title.toLowerCase().includes(text)),
  );
}

function found<T extends { readonly id: number }>(rows: readonly T[], id: number): T {
  const row = rows.find((candidate) => candidate.id === id);
  if (!row) throw new Error(`No row ${id}`);
  return row;
}

/** The demo's resolvers: arrays for most lists, a PageSource for an author's articles. */
export const demoResolvers: Resolvers<DemoContext> = {
  Query: {
    authors: (_parent, _args, { authors }) => authors,
    authorPages: (_parent, _args, { authors }) => authors,
    author: (_parent, { id }, { authors }) => authors.find((author) => String(author.id) === id) ?? null,
    articles: (_parent, { filter }, { articles }) => filtered(articles, filter),
    articleList: (_parent, { filter }, { articles }) => filtered(articles, filter),
    articleWindow: (_parent, { filter }, { articles }) => filtered(articles, filter),
    comments: (_parent, _args, { comments }) => comments,
  },
  Author: {
    articles: (author, _args, { articles }) =>
      arraySource(
        articles.filter((article) => article.authorId === author.id),
        { uniqueKey: 'id' },
      ),
  },
  Article: {
    author: (article, _args, { authors }) => found(authors, article.authorId),
    comments: (article, _args, { comments }) => comments.filter((comment) => comment.articleId === article.id),
  },
  Comment: {
    author: (comment, _args, { authors }) => found(authors, comment.authorId),
    article: (comment, _args, { articles }) => found(articles, comment.articleId),
  },
};

/** Rows that are not the mapped row type do not compile: the generated types are not a blanket `any`. */
export const mistypedResolvers: Resolvers<DemoContext> = {
  Query: {
    // @ts-expect-error an article row needs title, body, createdAt and authorId
    articles: () => [{ id: 1 }],
    // @ts-expect-error a paginated field returns rows, not a connection's count
    comments: () => 3,
  },
};
