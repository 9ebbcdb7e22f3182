using System.Net;
using System.Text.RegularExpressions;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Paging;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Search;

/// <summary>Full-text search over visible posts with SQLite FTS5 (or PostgreSQL's text search), ranked by
/// bm25 with the title weighted highest. The body column holds the text readers see (<see cref="Post.SearchText"/>), so
/// snippets quote the article, never its markup or what the sanitizer removed. Whatever a reader types is turned into quoted terms, so no input can be read as
/// FTS5 syntax (quotes, NEAR, *, -, parentheses) or cause an error.</summary>
public sealed partial class PostSearchQuery(BlogDbContext db, TimeProvider clock, SqliteSearchStatements statements)
{
    /// <summary>Turns free text into an FTS5 query of quoted terms (all must match; the last may be a
    /// prefix), or null when there is nothing to search for.</summary>
    public static string? ToMatchExpression(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var terms = WordPattern().Matches(text.Length > 500 ? text[..500] : text)
            .Select(m => m.Value.ToLowerInvariant())
            .Where(t => t.Length <= 40)
            .Distinct()
            .Take(12)
            .ToList();
        if (terms.Count == 0)
        {
            return null;
        }

        var quoted = terms.Select(t => "\"" + t + "\"").ToList();
        quoted[^1] += "*";
        return string.Join(' ', quoted);
    }

    public async Task<PagedList<SearchHit>> SearchAsync(string? text, int page, int pageSize, CancellationToken cancellationToken)
    {
        var match = ToMatchExpression(text);
        if (match is null)
        {
            return new PagedList<SearchHit>([], page, pageSize, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!db.Database.IsSqlite())
        {
            return await SearchPostgreSqlAsync(ToTsQuery(match), now, page, pageSize, cancellationToken);
        }

        var skip = (page - 1) * pageSize;
        // Prepared once and kept (SqliteSearchStatements): SQLite reads synchronously in any case.
        cancellationToken.ThrowIfCancellationRequested();
        return statements.Read(kept =>
        {
            var rows = kept.Page(match, now, pageSize, skip);
            return ToPage(rows, page, pageSize, TotalFromPage(rows.Count, skip, pageSize) ?? kept.Count(match, now));
        });
    }

    /// <summary>The number of hits when the page itself tells (a page that is not full is the last one), so
    /// most searches — few or no hits — need no second statement to count them; null when it must be counted.</summary>
    private static int? TotalFromPage(int rowsOnPage, int skip, int pageSize) =>
        rowsOnPage < pageSize && (rowsOnPage > 0 || skip == 0) ? skip + rowsOnPage : null;

    private static PagedList<SearchHit> ToPage(IReadOnlyList<SearchRow> rows, int page, int pageSize, int total) =>
        new(rows.Select(r => new SearchHit(r.Id, r.Title, r.Slug, r.Summary, DateTime.SpecifyKind(r.PublishedAt, DateTimeKind.Utc), Highlight(r.Snippet))).ToList(),
            page, pageSize, total);

    /// <summary>The same terms as a PostgreSQL <c>tsquery</c>: all must match, the last may be a prefix.
    /// The terms are letters and digits only, so nothing a reader types is read as tsquery syntax.</summary>
    private static string ToTsQuery(string match) =>
        string.Join(" & ", match.Split(' ').Select(t => t.EndsWith('*') ? t.Trim('"', '*') + ":*" : t.Trim('"')));

    /// <summary>ts_rank's weights for D (text), C (tags), B (summary), A (title): SQLite's 1, 6, 4, 10 over 10.</summary>
    private static readonly float[] RankWeights = [0.1f, 0.6f, 0.4f, 1.0f];

    /// <summary>PostgreSQL: the posts' weighted <c>SearchVector</c> (title, summary, tags, text; kept by
    /// triggers, GIN-indexed), ranked with weights mirroring SQLite's bm25 ones, the snippet from the text.</summary>
    private async Task<PagedList<SearchHit>> SearchPostgreSqlAsync(string query, DateTime now, int page, int pageSize, CancellationToken cancellationToken)
    {
        var skip = (page - 1) * pageSize;
        var options = $"StartSel={SearchRow.MarkStart}, StopSel={SearchRow.MarkEnd}, MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=…";
        var rows = await db.Database.SqlQuery<SearchRow>($"""
            SELECT p."Id", p."Title", p."Slug", p."Summary", p."PublishedAt",
                   ts_headline('english', p."SearchText", to_tsquery('english', {query}), {options}) AS "Snippet"
            FROM "Posts" p
            WHERE p."SearchVector" @@ to_tsquery('english', {query}) AND p."Status" IN ('Published', 'Scheduled') AND p."PublishedAt" <= {now}
            ORDER BY ts_rank({RankWeights}, p."SearchVector", to_tsquery('english', {query})) DESC, p."PublishedAt" DESC
            LIMIT {pageSize} OFFSET {skip}
            """).ToListAsync(cancellationToken);
        var total = TotalFromPage(rows.Count, skip, pageSize) ?? await db.Database.SqlQuery<int>($"""
            SELECT COUNT(*)::integer AS "Value" FROM "Posts" p
            WHERE p."SearchVector" @@ to_tsquery('english', {query}) AND p."Status" IN ('Published', 'Scheduled') AND p."PublishedAt" <= {now}
            """).SingleAsync(cancellationToken);
        return ToPage(rows, page, pageSize, total);
    }

    private static string Highlight(string? snippet) =>
        WebUtility.HtmlEncode(snippet ?? string.Empty)
            .Replace(SearchRow.MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(SearchRow.MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WordPattern();
}
