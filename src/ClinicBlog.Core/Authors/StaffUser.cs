using Microsoft.AspNetCore.Identity;

namespace ClinicBlog.Core.Authors;

/// <summary>A staff account (ASP.NET Core Identity), linked to the author profile it writes as.</summary>
public class StaffUser : IdentityUser
{
    public int? AuthorId { get; set; }

    public Author? Author { get; set; }

    /// <summary>Signed in with a generated or one-time password: the staff pages wait until it is changed.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Email me at once when a comment I moderate may describe a crisis.</summary>
    public bool NotifyUrgentComments { get; set; } = true;

    /// <summary>Email me a digest of comments waiting for moderation.</summary>
    public bool NotifyHeldComments { get; set; } = true;

    /// <summary>Email me when someone approves a comment on my articles.</summary>
    public bool NotifyApprovedComments { get; set; } = true;
}
