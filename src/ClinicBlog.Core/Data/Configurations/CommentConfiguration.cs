using ClinicBlog.Core.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.AuthorName).HasMaxLength(CommentOptions.MaxNameLength);
        builder.Property(c => c.AuthorEmail).HasMaxLength(CommentOptions.MaxEmailLength);
        builder.Property(c => c.Body).HasMaxLength(CommentOptions.MaxBodyLength);
        builder.Property(c => c.ModerationReason).HasMaxLength(500);
        builder.Property(c => c.IpHash).HasMaxLength(64);
        builder.Property(c => c.ImportKey).HasMaxLength(300);
        builder.HasIndex(c => c.ImportKey).IsUnique();
        // Serves the post page: its counts (top-level comments without reading a row) and one page of
        // top-level comments in order. Measured on a post with 1,800 comments: 5 ms per count without ParentId here.
        builder.HasIndex(c => new { c.PostId, c.Status, c.ParentId, c.CreatedAt });
        // Serves the duplicate check on every new comment.
        builder.HasIndex(c => new { c.PostId, c.CreatedAt });
        builder.HasIndex(c => new { c.Status, c.IsUrgent, c.CreatedAt });
        // Serves the IP-hash retention sweep.
        builder.HasIndex(c => c.CreatedAt);

        builder.HasOne(c => c.Post).WithMany(p => p.Comments)
            .HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Parent).WithMany(c => c.Replies)
            .HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
    }
}
