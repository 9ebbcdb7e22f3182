namespace ClinicBlog.Core.Data;

/// <summary>Which database the blog keeps its data in (<c>Blog:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>A file in the data directory: one command, nothing to install (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (<c>ConnectionStrings:Blog</c>), for several instances or a database service IT runs.</summary>
    PostgreSql,
}
