using ClinicBlog.Core;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Posts;
using ClinicBlog.Web.Caching;
using ClinicBlog.Web.Hosting;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Controllers;

public sealed class PostsController(
    PublishedPostQuery posts,
    ApprovedCommentQuery comments,
    CommentSubmissionService submissions,
    IOptions<BlogOptions> options,
    IOptions<CommentOptions> commentOptions,
    PublicUrls urls,
    PostPageCache pages,
    TimeProvider clock) : Controller
{
    /// <summary>The query flag the comment redirect carries, so the thanks needs no cookie.</summary>
    public const string CommentPendingFlag = "pending";

    [HttpGetOrHead("/posts/{slug}")]
    public async Task<IActionResult> Show(
        string slug,
        [FromQuery(Name = "replyTo")] string? replyTo,
        [FromQuery(Name = "comment")] string? comment,
        [FromQuery(Name = "comments")] string? commentsPage,
        CancellationToken cancellationToken)
    {
        if (slug.Length > SlugGenerator.MaxStoredLength || !PageNumber.TryRead(commentsPage, out var commentsPageNumber))
        {
            return NotFound();
        }

        var data = await LoadAsync(slug, commentsPageNumber, cancellationToken);
        if (data is null)
        {
            // A post whose slug changed keeps its old address working.
            var current = await posts.FindCurrentSlugAsync(slug, cancellationToken);
            if (current is not null)
            {
                return RedirectToActionPermanent(nameof(Show), new { slug = current });
            }

            // An archived post is gone on purpose: say so (410) rather than pretend it never existed.
            if (await posts.IsArchivedAsync(slug, cancellationToken))
            {
                Response.StatusCode = StatusCodes.Status410Gone;
                return View("Archived");
            }

            return NotFound();
        }

        if (commentsPageNumber > data.Comments.TotalPages)
        {
            return NotFound();
        }

        var post = data.Post;
        // Tag the cached page with its post, so approving a comment evicts just this page.
        HttpContext.Items["CachedPostId"] = post.Id;
        var page = BuildPage(data, new CommentFormModel());
        var replyingTo = int.TryParse(replyTo, out var parentId)
            ? page.Comments.Comments.FirstOrDefault(c => c.Id == parentId) ?? await comments.FindReplyTargetAsync(post.Id, parentId, cancellationToken)
            : null;
        return View(page with
        {
            ReplyingTo = replyingTo,
            Form = new CommentFormModel { ParentId = replyingTo?.Id },
            JustCommented = comment == CommentPendingFlag,
        });
    }

    /// <summary>Takes a reader's comment. No antiforgery token (the post page is the same for everyone
    /// and cacheable); the same-origin check, honeypot, limits and rate limit guard it instead.</summary>
    [HttpPost("/posts/{slug}/comments")]
    [IgnoreAntiforgeryToken]
    [SameOrigin]
    [RawForm]
    [EnableRateLimiting(CommentsSetup.RateLimitPolicy)]
    [RequestSizeLimit(512 * 1024)]
    public async Task<IActionResult> Comment(string slug, CancellationToken cancellationToken)
    {
        if (slug.Length > SlugGenerator.MaxStoredLength)
        {
            return NotFound();
        }

        var form = await CommentFormReader.ReadAsync(Request, cancellationToken);
        if (form is null)
        {
            return BadRequest();
        }

        CommentSubmissionResult result;
        try
        {
            result = await submissions.SubmitAsync(
                new CommentSubmission(slug, form.Name, form.Email, form.Body, form.ParentId, form.Website, HttpContext.Connection.RemoteIpAddress),
                cancellationToken);
        }
        catch (Exception e) when (Core.Data.BlogDatabase.IsBusy(e))
        {
            // Another writer (a long import) held the database: the comment is not lost, it is back in the form.
            result = CommentSubmissionResult.Busy();
        }

        if (result.Outcome == CommentSubmissionOutcome.PostNotFound)
        {
            return NotFound();
        }

        if (result.Outcome == CommentSubmissionOutcome.Accepted)
        {
            // Post-redirect-get: a refresh does not post twice, and the thanks rides on the URL, not a cookie.
            return Redirect(Url.Action(nameof(Show), new { slug, comment = CommentPendingFlag }) + "#comment-status");
        }

        // Refused: the same page again, with what the reader typed and the reason next to the field.
        // A ModelState error on "ParentId" has no field of its own, so it shows in the form's summary.
        ModelState.Clear();
        ModelState.AddErrors(result.Errors, field => field is "ParentId" ? string.Empty : field);

        var data = await LoadAsync(slug, 1, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        var post = data.Post;
        var page = BuildPage(data, form);
        Response.StatusCode = result.Outcome switch
        {
            CommentSubmissionOutcome.Closed => StatusCodes.Status403Forbidden,
            CommentSubmissionOutcome.Duplicate => StatusCodes.Status409Conflict,
            CommentSubmissionOutcome.Busy => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };
        return View(nameof(Show), page with
        {
            ReplyingTo = form.ParentId is { } parent
                ? page.Comments.Comments.FirstOrDefault(c => c.Id == parent) ?? await comments.FindReplyTargetAsync(post.Id, parent, cancellationToken)
                : null,
        });
    }

    /// <summary>The post with one page of its comments and its related posts, from memory while nothing changed.</summary>
    private Task<PostPageData?> LoadAsync(string slug, int commentsPage, CancellationToken cancellationToken) =>
        pages.GetAsync(slug, commentsPage, async token =>
        {
            var post = await posts.FindBySlugAsync(slug, token);
            if (post is null)
            {
                return null;
            }

            var thread = await comments.ForPostAsync(post.Id, commentsPage, post.CommentCount, post.TopLevelCommentCount, token);
            return new PostPageData(post, thread, await posts.RelatedAsync(post.Id, token));
        }, cancellationToken);

    private PostPageViewModel BuildPage(PostPageData data, CommentFormModel form)
    {
        var post = data.Post;
        var settings = options.Value;
        var crisisNotice = settings.NeedsCrisisNotice(post.Tags.Select(t => t.Name)) ? settings.CrisisNotice : null;
        ViewData["Description"] = post.Summary;
        if (post.Cover is not null)
        {
            ViewData["OgImage"] = urls.Absolute("/media/" + post.Cover.FileName);
        }

        return new PostPageViewModel(post, data.Comments, settings.MedicalDisclaimer, crisisNotice)
        {
            Related = data.Related,
            JsonLd = PostStructuredData.Build(post, urls, settings),
            CommentsOpen = CommentSubmissionService.CommentsAreOpen(
                post.CommentsOpen, post.PublishedAt, clock.GetUtcNow().UtcDateTime, commentOptions.Value),
            Form = form,
        };
    }
}
