using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Posts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Data;

/// <summary>The blog's database: content, comments, audit log and the staff accounts (Identity); on
/// PostgreSQL also the Data Protection keys, which every instance then shares.</summary>
public class BlogDbContext(DbContextOptions<BlogDbContext> options) : IdentityDbContext<StaffUser>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring when the blog runs on PostgreSQL (on SQLite the keys stay
    /// in the data directory's <c>keys</c> folder, and this table stays empty).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public DbSet<Author> Authors => Set<Author>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<CommenterBan> CommenterBans => Set<CommenterBan>();

    public DbSet<PostSlugRedirect> PostSlugRedirects => Set<PostSlugRedirect>();

    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();

    public DbSet<PostAutosave> PostAutosaves => Set<PostAutosave>();

    public DbSet<Media.MediaFile> MediaFiles => Set<Media.MediaFile>();

    public DbSet<Redirects.Redirect> Redirects => Set<Redirects.Redirect>();

    public DbSet<Pages.Page> Pages => Set<Pages.Page>();

    public DbSet<Pages.PageRevision> PageRevisions => Set<Pages.PageRevision>();

    public DbSet<Pages.MenuItem> MenuItems => Set<Pages.MenuItem>();

    public DbSet<Settings.SiteSetting> SiteSettings => Set<Settings.SiteSetting>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Security.ServerSecret> ServerSecrets => Set<Security.ServerSecret>();

    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    public DbSet<Lease> Leases => Set<Lease>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BlogDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite keeps no time zone: every DateTime is stored as UTC and read back marked as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        // Enums are stored by name so the database reads well and reordering members is safe.
        configurationBuilder.Properties<PostStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<CommentStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Notifications.NotificationKind>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<Notifications.NotificationState>().HaveConversion<string>().HaveMaxLength(16);
    }
}
