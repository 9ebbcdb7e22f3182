using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(Post.TitleMaxLength);
        builder.Property(r => r.Summary).HasMaxLength(Post.SummaryMaxLength);
        builder.Property(r => r.Body).HasMaxLength(Post.BodyMaxLength);
        builder.Property(r => r.Slug).HasMaxLength(Content.SlugGenerator.MaxStoredLength);
        builder.Property(r => r.Tags).HasMaxLength(1_000);
        builder.Property(r => r.CoverImage).HasMaxLength(80);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.SignedOffById).HasMaxLength(450);
        builder.HasIndex(r => new { r.PostId, r.CreatedAt });
        builder.HasOne(r => r.Post).WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Reviewer).WithMany().HasForeignKey(r => r.ReviewerId).OnDelete(DeleteBehavior.SetNull);
    }
}
