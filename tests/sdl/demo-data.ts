// The rows behind the demo schema (tests/sdl/demo.graphql) in the SDL tests: a few authors, articles
// that share createdAt values (so cursor pages must break ties), and comments.

/** An author row. */
export interface AuthorRow {
  readonly id: number;
  readonly name: string;
  readonly createdAt: string;
}

/** An article row; `authorId` points at its author. */
export interface ArticleRow {
  readonly id: number;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly authorId: number;
}

/** A comment row. */
export interface CommentRow {
  readonly id: number;
  readonly body: string;
  readonly createdAt: string;
  readonly authorId: number;
  readonly articleId: number;
}

/** What the demo resolvers read from the GraphQL context. */
export interface DemoContext {
  readonly authors: readonly AuthorRow[];
  readonly articles: readonly ArticleRow[];
  readonly comments: readonly CommentRow[];
}

const day = (n: number) => `2024-01-${String(n).padStart(2, '0')}T09:00:00.000Z`;

/** Four authors, twelve articles (three per day on four days), and ten comments on the first articles. */
export function demoData(): DemoContext {
  const authors: AuthorRow[] = ['Dana', 'Ali', 'Chen', 'Bea'].map((name, index) => ({ id: index + 1, name, createdAt: day(index + 1) }));
  const articles: ArticleRow[] = Array.from({ length: 12 }, (_, index) => ({
    id: index + 1,
    title: `Article ${index + 1}`,
    body: `Body of article ${index + 1}`,
    createdAt: day(Math.floor(index / 3) + 10),
    authorId: (index % 4) + 1,
  }));
  const comments: CommentRow[] = Array.from({ length: 10 }, (_, index) => ({
    id: index + 1,
    body: `Comment ${index + 1}`,
    createdAt: day(index + 15),
    authorId: ((index + 1) % 4) + 1,
    articleId: (index % 3) + 1,
  }));
  return { authors, articles, comments };
}
