using ClinicBlog.Core.Content;
using ClinicBlog.Core.Pages;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class PageConfiguration : IEntityTypeConfiguration<Page>
{
    public void Configure(EntityTypeBuilder<Page> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(Post.TitleMaxLength);
        builder.Property(p => p.Slug).HasMaxLength(SlugGenerator.MaxStoredLength);
        builder.Property(p => p.Summary).HasMaxLength(Post.SummaryMaxLength);
        builder.Property(p => p.Body).HasMaxLength(Post.BodyMaxLength);
        builder.Property(p => p.ReviewedContentHash).HasMaxLength(64);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasOne(p => p.Reviewer).WithMany().HasForeignKey(p => p.ReviewerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PageRevisionConfiguration : IEntityTypeConfiguration<PageRevision>
{
    public void Configure(EntityTypeBuilder<PageRevision> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(Post.TitleMaxLength);
        builder.Property(r => r.Summary).HasMaxLength(Post.SummaryMaxLength);
        builder.Property(r => r.Body).HasMaxLength(Post.BodyMaxLength);
        builder.Property(r => r.CreatedById).HasMaxLength(450);
        builder.HasOne(r => r.Page).WithMany(p => p.Revisions).HasForeignKey(r => r.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PageId, r.CreatedAt });
    }
}

internal sealed class MenuItemConfiguration : IEntityTypeConfiguration<MenuItem>
{
    public void Configure(EntityTypeBuilder<MenuItem> builder)
    {
        builder.Property(m => m.Label).HasMaxLength(MenuItem.LabelMaxLength);
        builder.Property(m => m.Url).HasMaxLength(MenuItem.UrlMaxLength);
        builder.HasIndex(m => new { m.Location, m.Position });
    }
}

internal sealed class SiteSettingConfiguration : IEntityTypeConfiguration<Settings.SiteSetting>
{
    public void Configure(EntityTypeBuilder<Settings.SiteSetting> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Value).HasMaxLength(Settings.SiteSetting.ValueMaxLength);
    }
}
