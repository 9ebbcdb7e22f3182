
namespace ClinicBlog.Core.Data;

/// <summary>The absolute path of the folder holding all of the blog's state.</summary>
/// <param name="Path">The absolute path.</param>
public sealed record BlogDataDirectory(string Path);
