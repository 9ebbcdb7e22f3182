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
        builder.Property(p => p.ImportKey).HasMaxLength(300);
        builder.HasIndex(p => p.ImportKey).IsUnique();
        builder.HasOne(p => p.Reviewer).WithMany().HasForeignKey(p => p.ReviewerId).OnDelete(DeleteBehavior.SetNull);
    }
}
