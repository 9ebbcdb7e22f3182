using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Core.Authors;

/// <summary>A public byline: the person (or team) readers see on a post.</summary>
public class Author : ITimestamped
{
    public const int DisplayNameMaxLength = 100;
    public const int CredentialsMaxLength = 150;
    public const int BioMaxLength = 4_000;

    public int Id { get; set; }

    public required string DisplayName { get; set; }

    public required string Slug { get; set; }

    /// <summary>Professional credentials, such as "MD, psychiatrist".</summary>
    public string? Credentials { get; set; }

    public string? Bio { get; set; }

    /// <summary>A portrait (a media file name under /media/), optional.</summary>
    public string? Photo { get; set; }

    /// <summary>Where an import took this from (the old site and its id there, such as
    /// <c>oldclinic.example/post/123</c>), so importing the same export again recognises it.</summary>
    public string? ImportKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<Post> Posts { get; } = [];
}
