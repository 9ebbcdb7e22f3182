using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Pages;

/// <summary>The header menu and the footer links: chosen by Admins and Editors from the site's pages,
/// tags, authors, the archive and feed, or any http(s) address; ordered; every change audited. With no
/// links chosen for a place, that place shows the blog's defaults.</summary>
public sealed class MenuService(BlogDbContext db, SiteLinks links, IAuditLog audit)
{
    public Task<List<MenuLink>> LinksAsync(MenuLocation location, CancellationToken cancellationToken) =>
        db.MenuItems.AsNoTracking().Where(m => m.Location == location).OrderBy(m => m.Position).ThenBy(m => m.Id)
            .Select(m => new MenuLink(m.Id, m.Label, m.Url))
            .ToListAsync(cancellationToken);

    /// <summary>What staff can pick: the blog's own lists, the published pages, tags and authors with posts.</summary>
    public async Task<List<MenuChoice>> ChoicesAsync(CancellationToken cancellationToken)
    {
        var choices = new List<MenuChoice> { new("Articles", "/"), new("Archive", "/archive"), new("RSS feed", "/feed.xml") };
        choices.AddRange(await db.Pages.AsNoTracking().Where(p => p.Status == PageStatus.Published).OrderBy(p => p.Title)
            .Select(p => new MenuChoice(p.Title, "/" + p.Slug)).ToListAsync(cancellationToken));
        choices.AddRange(await db.Tags.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new MenuChoice("Topic: " + t.Name, "/tags/" + t.Slug)).ToListAsync(cancellationToken));
        choices.AddRange(await db.Authors.AsNoTracking().OrderBy(a => a.DisplayName)
            .Select(a => new MenuChoice("Author: " + a.DisplayName, "/authors/" + a.Slug)).ToListAsync(cancellationToken));
        return choices;
    }

    /// <summary>Adds a link at the end of its place: a choice from <see cref="ChoicesAsync"/> (its label
    /// unless one is typed) or another address with its label.</summary>
    public async Task<Result> AddAsync(string? userId, MenuInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        var choices = await ChoicesAsync(cancellationToken);
        var chosen = string.IsNullOrEmpty(input.Target) ? null : choices.FirstOrDefault(c => c.Url == input.Target);
        string? url = chosen?.Url;
        if (string.IsNullOrEmpty(input.Target))
        {
            errors[nameof(MenuInput.Target)] = "Choose what the link leads to.";
        }
        else if (input.Target == MenuInput.OtherAddress)
        {
            url = Redirects.RedirectPaths.Target(input.OtherUrl, out var problem);
            if (problem is not null)
            {
                errors[nameof(MenuInput.OtherUrl)] = problem;
            }
        }
        else if (chosen is null)
        {
            errors[nameof(MenuInput.Target)] = "That choice is no longer available: choose again.";
        }

        var label = TextCleaning.Line(input.Label) is { Length: > 0 } typed ? typed : chosen?.Label.Replace("Topic: ", string.Empty, StringComparison.Ordinal).Replace("Author: ", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(label))
        {
            errors[nameof(MenuInput.Label)] = "Give the link a label, the words readers see.";
        }
        else if (label.Length > MenuItem.LabelMaxLength)
        {
            errors[nameof(MenuInput.Label)] = $"A label can be at most {MenuItem.LabelMaxLength} characters.";
        }

        if (!Enum.IsDefined(input.Location))
        {
            errors[nameof(MenuInput.Location)] = "Choose the header menu or the footer.";
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var last = await db.MenuItems.Where(m => m.Location == input.Location).MaxAsync(m => (int?)m.Position, cancellationToken) ?? 0;
        var item = new MenuItem { Location = input.Location, Position = last + 1, Label = label!, Url = url! };
        db.MenuItems.Add(item);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(AuditAction.MenuChanged, userId, item.Id, $"added {item.Location}: {item.Label} → {item.Url}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        links.Invalidate();
        return Result.Success;
    }

    /// <summary>Swaps a link with its neighbour before (<paramref name="up"/>) or after it.</summary>
    public async Task<Result> MoveAsync(string? userId, int id, bool up, CancellationToken cancellationToken)
    {
        var item = await db.MenuItems.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return Result.NotFound;
        }

        var siblings = await db.MenuItems.Where(m => m.Location == item.Location).OrderBy(m => m.Position).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var at = siblings.IndexOf(item);
        var to = up ? at - 1 : at + 1;
        if (to < 0 || to >= siblings.Count)
        {
            return Result.Success;
        }

        (siblings[at], siblings[to]) = (siblings[to], siblings[at]);
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].Position = i + 1;
        }

        audit.Record(AuditAction.MenuChanged, userId, item.Id, $"moved {(up ? "up" : "down")}: {item.Label}");
        await db.SaveChangesAsync(cancellationToken);
        links.Invalidate();
        return Result.Success;
    }

    public async Task<Result> RemoveAsync(string? userId, int id, CancellationToken cancellationToken)
    {
        var item = await db.MenuItems.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return Result.NotFound;
        }

        db.MenuItems.Remove(item);
        audit.Record(AuditAction.MenuChanged, userId, id, $"removed {item.Location}: {item.Label}");
        await db.SaveChangesAsync(cancellationToken);
        links.Invalidate();
        return Result.Success;
    }
}
