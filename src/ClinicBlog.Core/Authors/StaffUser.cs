using Microsoft.AspNetCore.Identity;

namespace ClinicBlog.Core.Authors;

/// <summary>A staff account (ASP.NET Core Identity), linked to the author profile it writes as.</summary>
public class StaffUser : IdentityUser
{
    public int? AuthorId { get; set; }

    public Author? Author { get; set; }
}
