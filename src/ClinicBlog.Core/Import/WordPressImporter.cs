using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Media;
using ClinicBlog.Core.Pages;
using ClinicBlog.Core.Posts;
using ClinicBlog.Core.Redirects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicBlog.Core.Import;

/// <summary>Imports a WordPress export (WXR): authors, categories and tags, posts, pages, comments,
/// images and the old addresses. The whole import is one transaction: a broken or hostile file leaves
/// the blog as it was. The file is read twice, one element at a time (first for the attachments and
/// totals, then to import), and saved in batches, so memory stays bounded however big the export.</summary>
public sealed partial class WordPressImporter(
    BlogDbContext db,
    MarkdownRenderer renderer,
    MediaLibrary media,
    MediaStorage storage,
    CommenterIpHasher ipHasher,
    RedirectTable redirects,
    SiteLinks siteLinks,
    IAuditLog audit,
    TimeProvider clock,
    WordPressImporter.Gate gate,
    InstanceLeases leases,
    Content.IPublicContentCache publicPages,
    ILogger<WordPressImporter> logger)
{
    /// <summary>How long the import lease lasts without renewal (it is renewed with every batch), so an
    /// instance that dies mid-import holds up the next import for at most this long.</summary>
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(5);

    private const string AnotherImport = "Another import is running; try again when it has finished.";

    /// <summary>Items saved per batch (the change tracker is emptied after each).</summary>
    private const int BatchSize = 100;

    /// <summary>One import at a time per blog: two would fight over slugs and the write lock.</summary>
    public sealed class Gate : IDisposable
    {
        internal SemaphoreSlim OneAtATime { get; } = new(1, 1);

        public void Dispose() => OneAtATime.Dispose();
    }

    /// <summary>Image extensions taken from the uploads folder (the media library checks the bytes).</summary>
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".gif", ".webp" };

    /// <summary>Imports the export at <paramref name="exportFile"/>.</summary>
    /// <param name="exportFile">The WXR file.</param>
    /// <param name="uploadsFolder">A copy of the old site's <c>wp-content/uploads</c>, or null.</param>
    /// <param name="userId">The staff member importing (null from the command line).</param>
    /// <param name="progress">Told how far the import has got, every batch.</param>
    /// <param name="cancellationToken">Stops the import; nothing is kept.</param>
    public async Task<ImportReport> ImportAsync(string exportFile, string? uploadsFolder, string? userId, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var report = new ImportReport();
        if (!await gate.OneAtATime.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            report.Failure = AnotherImport;
            return report;
        }

        // Several instances: one import at a time across all of them.
        if (!await leases.TryHoldAsync(Lease.Import, LeaseTime, cancellationToken))
        {
            gate.OneAtATime.Release();
            report.Failure = AnotherImport;
            return report;
        }

        var run = new Run(report, uploadsFolder is null ? null : Path.GetFullPath(uploadsFolder), userId, progress);
        var stopwatch = Stopwatch.StartNew();
        var committed = false;
        try
        {
            await ScanAsync(exportFile, run, cancellationToken);
            run.Progress?.Report(new ImportProgress(0, run.Total, run.Line, 0));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await ImportEntriesAsync(exportFile, run, cancellationToken);
            await AddRedirectsAsync(run, cancellationToken);
            audit.Record(AuditAction.WordPressImported, userId, run.Site, report.Summary());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            committed = true;
            if (report.PostsMerged > 0)
            {
                // A merged article's import mark is written with ExecuteUpdate, which the change
                // interceptor does not see; its page now says it came from the old site.
                await publicPages.PostsChangedAsync(cancellationToken);
            }
        }
        catch (XmlException e)
        {
            report.Failure = $"Line {e.LineNumber}: the file is not well-formed XML there, so it is damaged or not a WordPress export ({e.Message})";
        }
        catch (InvalidDataException e)
        {
            report.Failure = e.Message;
        }
        catch (RegexMatchTimeoutException)
        {
            report.Failure = $"Line {run.Line}: this item's content is built to take forever to read; it was refused.";
        }
        finally
        {
            db.ChangeTracker.Clear();
            if (!committed)
            {
                DeleteWrittenFiles(run);
            }

            await leases.ReleaseAsync(Lease.Import, CancellationToken.None);
            gate.OneAtATime.Release();
        }

        report.Duration = stopwatch.Elapsed;
        if (committed)
        {
            redirects.Invalidate();
            siteLinks.Invalidate();
            logger.LogInformation("WordPress import committed in {Elapsed}: {Summary}", stopwatch.Elapsed, report.Summary());
        }
        else
        {
            logger.LogWarning("WordPress import refused, nothing changed: {Failure}", report.Failure ?? "cancelled");
        }

        return report;
    }

    /// <summary>First pass: the old site's address and the attachments (for galleries and featured images).</summary>
    private static async Task ScanAsync(string exportFile, Run run, CancellationToken cancellationToken)
    {
        await using var stream = OpenExport(exportFile);
        foreach (var entry in WxrReader.Read(stream))
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Line = entry.Line;
            switch (entry)
            {
                case WxrSite site when run.Site == "wordpress":
                    run.SetSite(site.Url);
                    break;
                case WxrItem { PostType: "attachment", AttachmentUrl: { Length: > 0 } url } item:
                    run.Attachments[item.Id] = url;
                    run.Total++;
                    break;
                case WxrItem:
                    run.Total++;
                    break;
            }
        }

        run.Report.Site = run.SiteUrl;
    }

    private static FileStream OpenExport(string exportFile) =>
        new(exportFile, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan | FileOptions.Asynchronous);

    private async Task ImportEntriesAsync(string exportFile, Run run, CancellationToken cancellationToken)
    {
        run.PageSlugs.UnionWith(await db.Pages.AsNoTracking().Select(p => p.Slug).ToListAsync(cancellationToken));
        await using var stream = OpenExport(exportFile);
        var items = 0;
        foreach (var entry in WxrReader.Read(stream))
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Line = entry.Line;
            switch (entry)
            {
                case WxrAuthor author:
                    await AuthorAsync(author, run, cancellationToken);
                    break;
                case WxrTerm term when term.Slug.Length > 0 && term.Name.Length > 0:
                    run.TermNames.TryAdd(DecodedSlug(term.Slug), term.Name);
                    break;
                case WxrItem item:
                    await ItemAsync(item, run, cancellationToken);
                    if (++items % BatchSize == 0)
                    {
                        await SaveBatchAsync(run, cancellationToken);
                        if (!db.Database.IsSqlite())
                        {
                            // (SQLite: one instance, and this transaction holds its only write lock.)
                            await leases.TryHoldAsync(Lease.Import, LeaseTime, cancellationToken);
                        }
                        run.Progress?.Report(new ImportProgress(items, run.Total, item.Line, run.Report.CommentsImported));
                    }

                    break;
            }
        }

        await SaveBatchAsync(run, cancellationToken);
        run.Progress?.Report(new ImportProgress(items, run.Total, run.Line, run.Report.CommentsImported));
    }

    /// <summary>Writes the batch (inside the import's transaction) and forgets its entities, so memory
    /// holds one batch, not the whole blog.</summary>
    private async Task SaveBatchAsync(Run run, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (slug, tag) in run.NewTags)
        {
            run.TagIds[slug] = (tag.Id, tag.Name, tag.Slug);
        }

        run.NewTags.Clear();
        db.ChangeTracker.Clear();
    }

    private async Task AuthorAsync(WxrAuthor wxr, Run run, CancellationToken cancellationToken)
    {
        if (wxr.Login.Length == 0 || run.AuthorIds.ContainsKey(wxr.Login))
        {
            return;
        }

        var key = run.Key("author", wxr.Login);
        var existing = await db.Authors.AsNoTracking().Where(a => a.ImportKey == key).Select(a => new { a.Id, a.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (existing is null && wxr.Email is { Length: > 0 } email)
        {
            // Someone who writes here already: their staff account's email is the one WordPress knew.
            var normalized = email.ToUpperInvariant();
            existing = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized && u.AuthorId != null)
                .Select(u => new { Id = u.AuthorId!.Value, u.Author!.Slug }).FirstOrDefaultAsync(cancellationToken);
        }

        if (existing is not null)
        {
            run.AuthorIds[wxr.Login] = existing.Id;
            run.Report.AuthorsMatched++;
            run.Redirect(wxr.Line, "/author/" + SlugGenerator.Generate(wxr.Login), "/authors/" + existing.Slug);
            return;
        }

        var name = Clip(PlainText(wxr.DisplayName), Author.DisplayNameMaxLength);
        name = name.Length == 0 ? Clip(wxr.Login, Author.DisplayNameMaxLength) : name;
        var author = new Author
        {
            DisplayName = name,
            Slug = await UniqueAuthorSlugAsync(SlugGenerator.Generate(name) is { Length: > 0 } s ? s : "author", cancellationToken),
            ImportKey = key,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Authors.Add(author);
        await db.SaveChangesAsync(cancellationToken);
        run.AuthorIds[wxr.Login] = author.Id;
        run.Report.AuthorsAdded++;
        run.Redirect(wxr.Line, "/author/" + SlugGenerator.Generate(wxr.Login), "/authors/" + author.Slug);
    }

    private async Task<string> UniqueAuthorSlugAsync(string slug, CancellationToken cancellationToken)
    {
        var candidate = slug;
        for (var n = 2; await db.Authors.AnyAsync(a => a.Slug == candidate, cancellationToken); n++)
        {
            candidate = slug + "-" + n;
        }

        return candidate;
    }

    private async Task<int> AuthorIdAsync(WxrItem item, Run run, CancellationToken cancellationToken)
    {
        var login = item.Creator is { Length: > 0 } creator ? creator : "wordpress";
        if (!run.AuthorIds.TryGetValue(login, out var id))
        {
            // An author the export does not describe (WordPress leaves out users without posts of their own).
            await AuthorAsync(new WxrAuthor(item.Line, login, null, login), run, cancellationToken);
            id = run.AuthorIds[login];
        }

        return id;
    }

    private async Task ItemAsync(WxrItem item, Run run, CancellationToken cancellationToken)
    {
        if (item.PostType is not ("post" or "page"))
        {
            return; // attachments, revisions, menu items, reusable blocks, theme styles: not content readers saw
        }

        if (item.Status is "trash" or "auto-draft" or "inherit")
        {
            run.Report.ItemsSkipped++;
            run.Report.Note(item.Line, $"Skipped “{Clip(PlainText(item.Title), 80)}” ({item.PostType} {item.Id}): it was {(item.Status == "trash" ? "in the trash" : "an unsaved draft")} on WordPress.");
            return;
        }

        if (item.PostType == "post")
        {
            await PostAsync(item, run, cancellationToken);
        }
        else
        {
            await PageAsync(item, run, cancellationToken);
        }
    }

    private async Task PostAsync(WxrItem item, Run run, CancellationToken cancellationToken)
    {
        var key = run.Key("post", Id(item.Id));
        var title = Clip(PlainText(item.Title), Post.TitleMaxLength);
        var already = await db.Posts.Where(p => p.ImportKey == key).Select(p => new { p.Id, p.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (already is not null)
        {
            run.Report.PostsAlreadyHere++;
            await CommentsAsync(item, new PostRef(already.Id), run, cancellationToken);
            PostRedirects(item, already.Slug, run);
            return;
        }

        var slug = Slug(item, title);
        var taken = await db.Posts.Where(p => p.Slug == slug).Select(p => new { p.Id, p.Title, p.ImportKey }).FirstOrDefaultAsync(cancellationToken);
        if (taken is not null && taken.ImportKey is null && SameTitle(taken.Title, title))
        {
            // Most clinics' WordPress also holds the article this blog was seeded with: the same article.
            await db.Posts.Where(p => p.Id == taken.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ImportKey, key), cancellationToken);
            run.Report.PostsMerged++;
            run.Report.Note(item.Line, $"“{title}” is already here at /posts/{slug}: its text was kept and its comments merged.");
            await CommentsAsync(item, new PostRef(taken.Id), run, cancellationToken);
            PostRedirects(item, slug, run);
            return;
        }

        if (taken is not null || run.PostSlugs.Contains(slug))
        {
            var original = slug;
            slug = await UniquePostSlugAsync(slug, run, cancellationToken);
            run.Report.Note(item.Line, $"“{title}”: the address /posts/{original} is taken by another article here, so it was imported as /posts/{slug} (its old link leads there).");
        }

        run.PostSlugs.Add(slug);
        var content = await ContentAsync(item, run, cancellationToken);
        if (content.Markdown.Length > Post.BodyMaxLength)
        {
            // Imported whole (nothing readers saw is lost); the editor will ask to shorten it before its next save.
            run.Report.Note(item.Line, $"“{title}” is {content.Markdown.Length:N0} characters long, more than the editor takes ({Post.BodyMaxLength:N0}): it was imported whole, but split or shorten it before editing it here.");
        }

        var (status, publishedAt) = PostStatusOf(item, title, run);
        var date = item.DateGmt ?? item.Date ?? clock.GetUtcNow().UtcDateTime;
        var post = new Post
        {
            Title = title.Length == 0 ? "(untitled)" : title,
            Slug = slug,
            Summary = content.Summary,
            Body = content.Markdown,
            BodyHtml = string.Empty,
            Status = status,
            CreatedAt = date,
            UpdatedAt = date,
            TextChangedAt = date,
            PublishedAt = publishedAt,
            AuthorId = await AuthorIdAsync(item, run, cancellationToken),
            CommentsOpen = item.CommentsOpen,
            ImportKey = key,
        };
        post.SetBody(content.Markdown, renderer, await db.ImagesInAsync(content.Markdown, cancellationToken));
        if (item.ThumbnailId is { } thumbnail && run.Attachments.TryGetValue(thumbnail, out var coverUrl)
            && await ImageAsync(coverUrl, item.Line, run, cancellationToken) is { } cover)
        {
            post.CoverImage = cover.FileName;
            post.CoverImageWidth = cover.Width;
            post.CoverImageHeight = cover.Height;
            post.CoverImageVariantWidths = cover.VariantWidths;
        }

        foreach (var (termSlug, termName) in item.Terms.DistinctBy(t => DecodedSlug(t.Slug)))
        {
            if (await TagAsync(termSlug, termName, item.Line, run, cancellationToken) is { } tag && !post.Tags.Contains(tag))
            {
                post.Tags.Add(tag);
            }
        }

        db.Posts.Add(post);
        run.Report.PostsImported++;
        // Saved with its batch: its comments hang on the entity, not on an id it does not have yet.
        await CommentsAsync(item, post, run, cancellationToken);
        PostRedirects(item, slug, run);
    }

    private static (PostStatus Status, DateTime? PublishedAt) PostStatusOf(WxrItem item, string title, Run run)
    {
        var date = item.DateGmt ?? item.Date;
        if (item.Password is { Length: > 0 })
        {
            run.Report.Note(item.Line, $"“{title}” was protected by a password on WordPress; it was imported as a draft (this blog has no password-protected articles).");
            return (PostStatus.Draft, null);
        }

        switch (item.Status)
        {
            case "publish":
                return (PostStatus.Published, date ?? run.Now);
            case "future" when date is not null:
                return (PostStatus.Scheduled, date);
            case "private":
                run.Report.Note(item.Line, $"“{title}” was private on WordPress; it was imported as a draft.");
                return (PostStatus.Draft, null);
            default:
                return (PostStatus.Draft, null);
        }
    }

    private async Task<string> UniquePostSlugAsync(string slug, Run run, CancellationToken cancellationToken)
    {
        for (var n = 2; ; n++)
        {
            var candidate = slug + "-" + n;
            if (!run.PostSlugs.Contains(candidate) && !await db.Posts.AnyAsync(p => p.Slug == candidate, cancellationToken))
            {
                return candidate;
            }
        }
    }

    private static void PostRedirects(WxrItem item, string slug, Run run)
    {
        var to = "/posts/" + slug;
        run.Redirect(item.Line, "/?p=" + Id(item.Id), to);
        if (item.Status is not ("publish" or "future"))
        {
            return; // a draft had no address but ?p=
        }

        if (run.LocalPath(item.Link) is { } link)
        {
            run.Redirect(item.Line, link, to);
        }

        if (item.Name is { Length: > 0 } name)
        {
            // The usual permalink structures, whichever the old site used: /slug/ and /2024/06/14/slug/.
            run.Redirect(item.Line, "/" + name, to, unlessPage: true);
            if (item.Date is { } date)
            {
                run.Redirect(item.Line, $"/{date:yyyy}/{date:MM}/{date:dd}/{name}", to);
            }
        }
    }

    private async Task PageAsync(WxrItem item, Run run, CancellationToken cancellationToken)
    {
        var key = run.Key("page", Id(item.Id));
        var title = Clip(PlainText(item.Title), Post.TitleMaxLength);
        var already = await db.Pages.AsNoTracking().Where(p => p.ImportKey == key).Select(p => p.Slug).FirstOrDefaultAsync(cancellationToken);
        if (already is not null)
        {
            run.Report.PagesAlreadyHere++;
            PageRedirects(item, already, run);
            return;
        }

        var slug = Slug(item, title);
        var taken = await db.Pages.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Title, p.ImportKey }).FirstOrDefaultAsync(cancellationToken);
        if (taken is not null && taken.ImportKey is null && SameTitle(taken.Title, title))
        {
            await db.Pages.Where(p => p.Id == taken.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ImportKey, key), cancellationToken);
            run.Report.PagesAlreadyHere++;
            run.Report.Note(item.Line, $"The page “{title}” is already here at /{slug}: its text was kept.");
            PageRedirects(item, slug, run);
            return;
        }

        if (PageService.ReservedSlugs.Contains(slug) || taken is not null || run.PageSlugs.Contains(slug))
        {
            var original = slug;
            var candidate = PageService.ReservedSlugs.Contains(slug) ? slug + "-page" : slug;
            for (var n = 2; run.PageSlugs.Contains(candidate) || PageService.ReservedSlugs.Contains(candidate); n++)
            {
                candidate = slug + "-" + n;
            }

            slug = candidate;
            run.Report.Note(item.Line, $"The page “{title}”: the address /{original} is {(PageService.ReservedSlugs.Contains(original) ? "one of the blog's own" : "taken here")}, so it was imported as /{slug} (its old link leads there).");
        }

        run.PageSlugs.Add(slug);
        var content = await ContentAsync(item, run, cancellationToken);
        var published = item.Status == "publish" && item.Password is not { Length: > 0 };
        if (!published && item.Status is "publish" or "future" or "private")
        {
            run.Report.Note(item.Line, $"The page “{title}” was {(item.Password is { Length: > 0 } ? "password-protected" : item.Status == "future" ? "scheduled" : "private")} on WordPress; it was imported as a draft.");
        }

        var date = item.DateGmt ?? item.Date ?? run.Now;
        var page = new Page
        {
            Title = title.Length == 0 ? "(untitled)" : title,
            Slug = slug,
            Summary = content.Summary,
            Body = content.Markdown,
            BodyHtml = string.Empty,
            Status = published ? PageStatus.Published : PageStatus.Draft,
            PublishedAt = published ? date : null,
            CreatedAt = date,
            UpdatedAt = date,
            ImportKey = key,
        };
        page.SetBody(content.Markdown, renderer, await db.ImagesInAsync(content.Markdown, cancellationToken));
        db.Pages.Add(page);
        run.Report.PagesImported++;
        PageRedirects(item, slug, run);
    }

    private static void PageRedirects(WxrItem item, string slug, Run run)
    {
        var to = "/" + slug;
        run.Redirect(item.Line, "/?page_id=" + Id(item.Id), to);
        run.Redirect(item.Line, "/?p=" + Id(item.Id), to);
        if (item.Status == "publish" && run.LocalPath(item.Link) is { } link)
        {
            run.Redirect(item.Line, link, to);
        }
    }

    private async Task<Tag?> TagAsync(string wordPressSlug, string name, int line, Run run, CancellationToken cancellationToken)
    {
        var decoded = DecodedSlug(wordPressSlug);
        if (decoded == "uncategorized")
        {
            return null; // WordPress's default category says nothing about an article
        }

        var tagName = Clip(PlainText(run.TermNames.GetValueOrDefault(decoded) ?? name), Tag.NameMaxLength);
        var slug = SlugGenerator.Generate(tagName);
        if (slug.Length == 0)
        {
            slug = SlugGenerator.Generate(decoded);
        }

        if (slug.Length == 0)
        {
            return null;
        }

        if (run.NewTags.TryGetValue(slug, out var pending))
        {
            return pending;
        }

        if (!run.TagIds.TryGetValue(slug, out var known))
        {
            var existing = await db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => new { t.Id, t.Name, t.Slug }).FirstOrDefaultAsync(cancellationToken);
            if (existing is null)
            {
                var tag = new Tag { Name = tagName, Slug = slug };
                run.NewTags[slug] = tag;
                run.Report.TagsAdded++;
                run.Redirect(line, "/category/" + decoded, "/tags/" + slug);
                run.Redirect(line, "/tag/" + decoded, "/tags/" + slug);
                return tag;
            }

            known = (existing.Id, existing.Name, existing.Slug);
            run.TagIds[slug] = known;
            run.Redirect(line, "/category/" + decoded, "/tags/" + slug);
            run.Redirect(line, "/tag/" + decoded, "/tags/" + slug);
        }

        // A tag saved in an earlier batch: a stand-in attached for this batch (the tracker forgets it after).
        var stub = new Tag { Id = known.Id, Name = known.Name, Slug = known.Slug };
        db.Tags.Attach(stub);
        run.NewTags[slug] = stub;
        return stub;
    }

    /// <summary>The item's text as Markdown (or, where Markdown cannot say exactly what readers saw, as
    /// the cleaned HTML), its images imported, and its summary.</summary>
    private async Task<(string Markdown, string? Summary)> ContentAsync(WxrItem item, Run run, CancellationToken cancellationToken)
    {
        var shortcodes = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var (html, beforeMore) = WordPressMarkup.ToHtml(item.Content, run.Attachments, shortcodes);
        if (shortcodes.Count > 0)
        {
            run.Report.Note(item.Line, $"“{Clip(PlainText(item.Title), 80)}” uses the shortcode{(shortcodes.Count > 1 ? "s" : string.Empty)} {string.Join(", ", shortcodes.Select(s => "[" + s + "]"))}, which a WordPress plugin ran; the text is shown as written. Edit the article where needed.");
        }

        using var document = new HtmlParser().ParseDocument("<!doctype html><body>" + html);
        var body = document.Body!;
        WordPressMarkup.Normalize(body);
        await RewriteAddressesAsync(body, item.Line, run, cancellationToken);

        var markdown = HtmlToMarkdown.Convert(body, allowHtml: true);
        var asHtml = HtmlToMarkdown.AsHtmlBlocks(body);
        if (ReaderSees(markdown) != ReaderSees(asHtml))
        {
            // The conversion would change what readers see: the cleaned HTML is kept instead (posts allow it).
            markdown = asHtml;
            run.Report.Note(item.Line, $"“{Clip(PlainText(item.Title), 80)}” was kept as HTML: Markdown could not say everything in it exactly.");
        }

        var summary = PlainText(item.Excerpt ?? string.Empty);
        if (summary.Length == 0 && beforeMore is not null)
        {
            using var teaser = new HtmlParser().ParseDocument("<!doctype html><body>" + beforeMore);
            summary = Whitespace().Replace(teaser.Body!.TextContent, " ").Trim();
        }

        return (markdown, summary.Length == 0 ? null : Clip(summary, Post.SummaryMaxLength));
    }

    /// <summary>What a reader sees of a body: its words (spacing aside), images and links.</summary>
    private string ReaderSees(string markdown)
    {
        using var document = new HtmlParser().ParseDocument("<!doctype html><body>" + renderer.RenderPost(markdown));
        var body = document.Body!;
        return Whitespace().Replace(body.TextContent, string.Empty)
            + "|" + string.Join(' ', body.QuerySelectorAll("img").Select(i => i.GetAttribute("src") + "#" + i.GetAttribute("alt")))
            + "|" + string.Join(' ', body.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")));
    }

    /// <summary>Images from the old uploads are imported (with <c>--uploads</c>) or listed; links to the old
    /// site's own pages become paths, which its redirects then lead to the new addresses.</summary>
    private async Task RewriteAddressesAsync(IElement body, int line, Run run, CancellationToken cancellationToken)
    {
        foreach (var img in body.QuerySelectorAll("img[src]").ToList())
        {
            var src = img.GetAttribute("src")!;
            if (UploadPath(src) is null)
            {
                continue;
            }

            if (await ImageAsync(src, line, run, cancellationToken) is { } file)
            {
                img.SetAttribute("src", "/media/" + file.FileName);
                img.RemoveAttribute("width");
                img.RemoveAttribute("height");
            }
        }

        foreach (var link in body.QuerySelectorAll("a[href]").ToList())
        {
            var href = link.GetAttribute("href")!;
            if (UploadPath(href) is not null && ImageExtensions.Contains(Path.GetExtension(UploadPath(href)!)) && run.ImportedImages.TryGetValue(UploadPath(href)!, out var file))
            {
                link.SetAttribute("href", "/media/" + file.FileName);
            }
            else if (UploadPath(href) is null && run.LocalPath(href) is { } local)
            {
                link.SetAttribute("href", local);
            }
        }
    }

    /// <summary>The path under <c>wp-content/uploads/</c> an address points at, or null.</summary>
    private static string? UploadPath(string url)
    {
        const string marker = "/wp-content/uploads/";
        var at = url.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var path = url[(at + marker.Length)..];
        var end = path.IndexOfAny(['?', '#']);
        return Uri.UnescapeDataString(end < 0 ? path : path[..end]);
    }

    private async Task<MediaFile?> ImageAsync(string url, int line, Run run, CancellationToken cancellationToken)
    {
        var relative = UploadPath(url);
        if (relative is null)
        {
            run.Report.ImageLeft(url);
            return null;
        }

        if (run.ImportedImages.TryGetValue(relative, out var known))
        {
            return known;
        }

        var key = run.Key("uploads", relative);
        if (await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.ImportKey == key, cancellationToken) is { } before)
        {
            run.ImportedImages[relative] = before;
            return before;
        }

        if (run.UploadsFolder is null)
        {
            run.Report.ImageLeft(url);
            return null;
        }

        // The path comes from the file: it must stay inside the uploads folder and name an image.
        var path = Path.GetFullPath(Path.Combine(run.UploadsFolder, relative));
        if (!path.StartsWith(run.UploadsFolder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || !ImageExtensions.Contains(Path.GetExtension(path)))
        {
            run.Report.Note(line, $"The image {url} is not an image inside the uploads folder; it was left pointing at the old site.");
            run.Report.ImageLeft(url);
            return null;
        }

        if (!File.Exists(path))
        {
            run.Report.Note(line, $"The image {url} is not in the uploads folder ({relative}); it was left pointing at the old site.");
            run.Report.ImageLeft(url);
            return null;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        var result = await media.UploadAsync(stream, stream.Length, Path.GetFileName(path), run.UserId, cancellationToken);
        if (result.Value is not { } file)
        {
            run.Report.Note(line, $"The image {relative} was refused: {string.Join(" ", result.Errors.Values)} It was left pointing at the old site.");
            run.Report.ImageLeft(url);
            return null;
        }

        run.WrittenFiles.Add(file.FileName);
        run.WrittenFiles.AddRange(file.VariantWidths.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => ResponsiveImage.CopyName(file.FileName, int.Parse(w, System.Globalization.CultureInfo.InvariantCulture))));
        await db.MediaFiles.Where(m => m.Id == file.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ImportKey, key), cancellationToken);
        run.ImportedImages[relative] = file;
        run.Report.ImagesImported++;
        return file;
    }

    private void DeleteWrittenFiles(Run run)
    {
        foreach (var name in run.WrittenFiles)
        {
            try
            {
                File.Delete(Path.Combine(storage.Directory, name));
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not remove the image {FileName} of a refused import", name);
            }
        }
    }

    /// <summary>A post already in the database, known by its id.</summary>
    private sealed record PostRef(int Id);

    /// <summary>Imports the item's comments onto <paramref name="target"/>: a <see cref="PostRef"/> already
    /// saved (its comments here are matched first) or a new <see cref="Post"/> of this batch.</summary>
    private async Task CommentsAsync(WxrItem item, object target, Run run, CancellationToken cancellationToken)
    {
        if (item.Comments.Count == 0)
        {
            return;
        }

        var postId = (target as PostRef)?.Id;
        var here = postId is null
            ? []
            : await db.Comments.AsNoTracking().Where(c => c.PostId == postId)
                .Select(c => new { c.Id, c.ImportKey, c.AuthorName, c.Body }).ToListAsync(cancellationToken);
        var byKey = here.Where(c => c.ImportKey is not null).ToDictionary(c => c.ImportKey!, c => c.Id, StringComparer.Ordinal);
        var unmatched = here.Where(c => c.ImportKey is null).ToList();
        var wordPress = item.Comments.ToDictionary(c => c.Id);
        var added = new Dictionary<long, Comment>();
        var postDate = item.DateGmt ?? item.Date ?? run.Now;

        foreach (var wxr in item.Comments.OrderBy(c => c.DateGmt ?? c.Date ?? postDate).ThenBy(c => c.Id))
        {
            var status = wxr.Approved switch
            {
                "1" or "approve" => CommentStatus.Approved,
                "0" or "hold" => CommentStatus.Pending,
                "spam" => CommentStatus.Spam,
                _ => (CommentStatus?)null,
            };
            if (status is null || wxr.Type is "pingback" or "trackback")
            {
                run.Report.CommentsSkipped++;
                continue;
            }

            var key = run.Key("comment", Id(wxr.Id));
            if (byKey.ContainsKey(key))
            {
                run.Report.CommentsAlreadyHere++;
                continue;
            }

            var markdown = CommentMarkdown(wxr.Content);
            var name = Clip(PlainText(wxr.AuthorName), CommentOptions.MaxNameLength);
            name = name.Length == 0 ? "Anonymous" : name;
            var same = unmatched.FirstOrDefault(c => string.Equals(c.AuthorName, name, StringComparison.OrdinalIgnoreCase) && SameText(c.Body, markdown));
            if (same is not null)
            {
                // The same comment, already here (the seeded article's reader comment, say): recognised from now on.
                await db.Comments.Where(c => c.Id == same.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ImportKey, key), cancellationToken);
                unmatched.Remove(same);
                byKey[key] = same.Id;
                run.Report.CommentsAlreadyHere++;
                continue;
            }

            if (markdown.Length > CommentOptions.MaxBodyLength)
            {
                run.Report.CommentsSkipped++;
                run.Report.Note(wxr.Line, $"Comment {wxr.Id} by {name} is {markdown.Length:N0} characters long, over this blog's limit of {CommentOptions.MaxBodyLength:N0}; it was not imported.");
                continue;
            }

            var created = wxr.DateGmt ?? wxr.Date ?? postDate;
            var comment = new Comment
            {
                AuthorName = name,
                AuthorEmail = wxr.AuthorEmail is { Length: > 0 and <= CommentOptions.MaxEmailLength } email && email.Contains('@', StringComparison.Ordinal) ? email : null,
                Body = markdown,
                BodyHtml = renderer.RenderComment(markdown),
                Status = status.Value,
                CreatedAt = created,
                UpdatedAt = created,
                ModeratedAt = status == CommentStatus.Pending ? null : created,
                ModerationReason = status == CommentStatus.Pending ? "Waiting for moderation on the old WordPress site." : null,
                IpHash = IPAddress.TryParse(wxr.AuthorIp, out var ip) ? ipHasher.Hash(ip) : null,
                ImportKey = key,
            };
            if (target is Post post)
            {
                comment.Post = post;
            }
            else
            {
                comment.PostId = postId!.Value;
            }

            // Replies here are one level deep: a deeper reply joins the thread of its top-level ancestor.
            var ancestor = TopAncestor(wxr, wordPress);
            if (ancestor is not null)
            {
                var ancestorKey = run.Key("comment", Id(ancestor.Value));
                if (added.TryGetValue(ancestor.Value, out var parent))
                {
                    comment.Parent = parent;
                }
                else if (byKey.TryGetValue(ancestorKey, out var parentId))
                {
                    comment.ParentId = parentId;
                }
            }

            db.Comments.Add(comment);
            added[wxr.Id] = comment;
            run.Report.CommentsImported++;
        }
    }

    private static long? TopAncestor(WxrComment comment, Dictionary<long, WxrComment> all)
    {
        long? top = null;
        var current = comment;
        for (var depth = 0; depth < 100 && current.ParentId != 0 && all.TryGetValue(current.ParentId, out var parent); depth++)
        {
            top = parent.Id;
            current = parent;
        }

        return top == comment.Id ? null : top;
    }

    /// <summary>A comment as the blog keeps comments: Markdown without HTML (its links, emphasis and quotes kept).</summary>
    private static string CommentMarkdown(string content) =>
        HtmlToMarkdown.Convert(WordPressMarkup.CommentHtml(content), allowHtml: false).Trim();

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool SameText(string a, string b) =>
        string.Equals(Whitespace().Replace(a, string.Empty), Whitespace().Replace(b, string.Empty), StringComparison.Ordinal);

    private static bool SameTitle(string a, string b) =>
        string.Equals(Whitespace().Replace(a.Replace('’', '\''), " ").Trim(), Whitespace().Replace(b.Replace('’', '\''), " ").Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The item's WordPress slug when it is one here too, else one made from its title.</summary>
    private static string Slug(WxrItem item, string title)
    {
        var decoded = DecodedSlug(item.Name ?? string.Empty);
        var slug = SlugGenerator.IsValid(decoded) ? decoded : SlugGenerator.Generate(decoded.Length > 0 ? decoded : title);
        return slug.Length == 0 ? "imported-" + Id(item.Id) : slug;
    }

    /// <summary>WordPress keeps non-ASCII slugs percent-encoded (<c>%d0%bf…</c>).</summary>
    private static string DecodedSlug(string slug)
    {
        try
        {
            return Uri.UnescapeDataString(slug.Trim()).ToLowerInvariant();
        }
        catch (UriFormatException)
        {
            return slug.Trim().ToLowerInvariant();
        }
    }

    /// <summary>Titles, names and excerpts: WordPress may keep them with tags and entities.</summary>
    private static string PlainText(string text)
    {
        if (text.Contains('<', StringComparison.Ordinal) || text.Contains('&', StringComparison.Ordinal))
        {
            using var document = new HtmlParser().ParseDocument("<!doctype html><body>" + text);
            foreach (var hidden in document.Body!.QuerySelectorAll("script, style, template").ToList())
            {
                hidden.Remove();
            }

            text = document.Body.TextContent;
        }

        return TextCleaning.Line(Whitespace().Replace(text, " "));
    }

    private static string Clip(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', length - 1);
        return (cut > length / 2 ? text[..cut] : text[..(length - 1)]).TrimEnd() + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>What one import has learnt so far: ids by WordPress name, slugs in use, redirects to add.</summary>
    private sealed class Run(ImportReport report, string? uploadsFolder, string? userId, IProgress<ImportProgress>? progress)
    {
        public ImportReport Report { get; } = report;

        public string? UploadsFolder { get; } = uploadsFolder;

        public string? UserId { get; } = userId;

        public IProgress<ImportProgress>? Progress { get; } = progress;

        public DateTime Now { get; } = DateTime.UtcNow;

        public int Line { get; set; }

        /// <summary>The items in the file (counted by the first pass).</summary>
        public int Total { get; set; }

        /// <summary>The old site in import keys: host and path, such as <c>oldclinic.example</c>.</summary>
        public string Site { get; private set; } = "wordpress";

        public string? SiteUrl { get; private set; }

        private readonly HashSet<string> _siteHosts = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<long, string> Attachments { get; } = [];

        public Dictionary<string, int> AuthorIds { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> TermNames { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (int Id, string Name, string Slug)> TagIds { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Tag> NewTags { get; } = new(StringComparer.Ordinal);

        public HashSet<string> PostSlugs { get; } = new(StringComparer.Ordinal);

        public HashSet<string> PageSlugs { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, MediaFile> ImportedImages { get; } = new(StringComparer.Ordinal);

        public List<string> WrittenFiles { get; } = [];

        public List<(int Line, string From, string To, bool UnlessPage)> Redirects { get; } = [];

        public string Key(string kind, string id) => Site + "/" + kind + "/" + id;

        public void SetSite(string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return;
            }

            SiteUrl = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            Site = Clip((uri.Host + uri.AbsolutePath.TrimEnd('/')).ToLowerInvariant(), 200);
            _siteHosts.Add(uri.Host);
            _siteHosts.Add(uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : "www." + uri.Host);
        }

        /// <summary>The path and query of an address on the old site (or already a path), else null.</summary>
        public string? LocalPath(string? url)
        {
            if (string.IsNullOrWhiteSpace(url))
            {
                return null;
            }

            if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            {
                return url;
            }

            return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && _siteHosts.Contains(uri.Host)
                ? uri.PathAndQuery + uri.Fragment
                : null;
        }

        public void Redirect(int line, string from, string to, bool unlessPage = false) => Redirects.Add((line, from, to, unlessPage));
    }

    /// <summary>The old addresses, added last (pages' addresses are known by then): each only when it is a
    /// valid old address, not the new address itself, and not one staff already redirect elsewhere.</summary>
    private async Task AddRedirectsAsync(Run run, CancellationToken cancellationToken)
    {
        var existing = await db.Redirects.AsNoTracking().ToDictionaryAsync(r => r.FromPath, r => r.ToUrl, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (line, from, to, unlessPage) in run.Redirects)
        {
            var key = RedirectPaths.Normalize(from, out _);
            // Never over the blog's own addresses (/search, /tags…): the redirects answer before them.
            var firstSegment = key?.TrimStart('/').Split('/', '?')[0];
            if (key is null || key == RedirectPaths.Key(to) || PageService.ReservedSlugs.Contains(firstSegment!)
                || (unlessPage && run.PageSlugs.Contains(key.TrimStart('/'))))
            {
                continue;
            }

            if (existing.TryGetValue(key, out var already))
            {
                if (already != to && !run.Report.Notes.Any(n => n.Text.Contains(key, StringComparison.Ordinal)))
                {
                    run.Report.Note(line, $"The old address {key} already leads to {already} here; that was kept (not {to}).");
                }

                continue;
            }

            existing[key] = to;
            db.Redirects.Add(new Redirect { FromPath = key, ToUrl = to, CreatedAt = now, CreatedById = run.UserId });
            run.Report.RedirectsAdded++;
        }

        if (run.Report.PostsImported + run.Report.PostsMerged > 0 && !existing.ContainsKey("/feed"))
        {
            db.Redirects.Add(new Redirect { FromPath = "/feed", ToUrl = "/feed.xml", CreatedAt = now, CreatedById = run.UserId });
            run.Report.RedirectsAdded++;
        }
    }
}
