using ClinicBlog.Core;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Posts;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Controllers;

public sealed class PostsController(PublishedPostQuery posts, ApprovedCommentQuery comments, IOptions<BlogOptions> options) : Controller
{
    [HttpGetOrHead("/posts/{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        if (slug.Length > 120)
        {
            return NotFound();
        }

        var post = await posts.FindBySlugAsync(slug, cancellationToken);
        if (post is null)
        {
            // A post whose slug changed keeps its old address working.
            var current = await posts.FindCurrentSlugAsync(slug, cancellationToken);
            return current is null ? NotFound() : RedirectToActionPermanent(nameof(Show), new { slug = current });
        }

        var thread = await comments.ForPostAsync(post.Id, cancellationToken);
        ViewData["Description"] = post.Summary;
        var settings = options.Value;
        var crisisNotice = settings.NeedsCrisisNotice(post.Tags.Select(t => t.Name)) ? settings.CrisisNotice : null;
        return View(new PostPageViewModel(post, thread, settings.MedicalDisclaimer, crisisNotice));
    }
}
