using ClinicBlog.Core.Pages;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

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