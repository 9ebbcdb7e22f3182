using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ClinicBlog.Web.Models;

/// <summary>Reads the comment form from the request body. ASP.NET Core's form reader refuses a whole
/// form that holds a null character, which would lose everything the reader typed; this reader decodes
/// it anyway and leaves the cleaning to the submission service, which drops control characters.</summary>
public static class CommentFormReader
{
    public static async Task<CommentFormModel?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            return null;
        }

        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            try
            {
                var form = await request.ReadFormAsync(cancellationToken);
                return From(key => form[key].ToString());
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var fields = QueryHelpers.ParseQuery(await reader.ReadToEndAsync(cancellationToken));
        return From(key => fields.TryGetValue(key, out var value) ? value.ToString() : null);
    }

    private static CommentFormModel From(Func<string, string?> field) => new()
    {
        Name = field(nameof(CommentFormModel.Name)),
        Email = field(nameof(CommentFormModel.Email)),
        Body = field(nameof(CommentFormModel.Body)),
        ParentId = int.TryParse(field(nameof(CommentFormModel.ParentId)), out var id) ? id : null,
        Website = field(nameof(CommentFormModel.Website)),
    };
}
