using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Media;

public static class ResponsiveImageQueries
{
    /// <summary>The uploaded images a Markdown text shows, by file name, with their sizes and copies.</summary>
    public static async Task<IReadOnlyDictionary<string, ResponsiveImage>> ImagesInAsync(this BlogDbContext db, string? markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var names = MarkdownRenderer.MediaFileNames(markdown);
        if (names.Count == 0)
        {
            return new Dictionary<string, ResponsiveImage>();
        }

        return await db.MediaFiles.AsNoTracking().Where(m => names.Contains(m.FileName))
            .Select(m => new ResponsiveImage(m.FileName, m.Width, m.Height, m.VariantWidths))
            .ToDictionaryAsync(m => m.FileName, StringComparer.Ordinal, cancellationToken);
    }
}
