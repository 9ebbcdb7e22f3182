using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Summary).HasMaxLength(500);
        builder.Property(r => r.Body).HasMaxLength(200_000);
        builder.Property(r => r.Slug).HasMaxLength(120);
        builder.Property(r => r.Tags).HasMaxLength(1_000);
        builder.Property(r => r.CoverImage).HasMaxLength(80);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.SignedOffById).HasMaxLength(450);
        builder.HasIndex(r => new { r.PostId, r.CreatedAt });
        builder.HasOne(r => r.Post).WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Reviewer).WithMany().HasForeignKey(r => r.ReviewerId).OnDelete(DeleteBehavior.SetNull);
    }
}
