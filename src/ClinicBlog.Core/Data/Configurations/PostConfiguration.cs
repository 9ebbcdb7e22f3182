using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Slug).HasMaxLength(120);
        builder.Property(p => p.Summary).HasMaxLength(500);
        builder.Property(p => p.Body).HasMaxLength(200_000);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(p => p.ReviewedBodyHash).HasMaxLength(64);
        builder.Property(p => p.CoverImage).HasMaxLength(80);
        builder.HasIndex(p => p.Slug).IsUnique();
        // Serves every reader list: visible posts, newest first.
        builder.HasIndex(p => new { p.Status, p.PublishedAt });
        builder.HasIndex(p => new { p.AuthorId, p.Status, p.PublishedAt });

        builder.HasOne(p => p.Author).WithMany(a => a.Posts)
            .HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Reviewer).WithMany()
            .HasForeignKey(p => p.ReviewerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Tags).WithMany(t => t.Posts).UsingEntity("PostTags");
    }
}
