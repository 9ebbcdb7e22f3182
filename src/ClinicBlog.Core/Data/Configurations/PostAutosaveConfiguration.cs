using ClinicBlog.Core.Content;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class PostAutosaveConfiguration : IEntityTypeConfiguration<PostAutosave>
{
    public void Configure(EntityTypeBuilder<PostAutosave> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Title).HasMaxLength(Post.TitleMaxLength);
        builder.Property(a => a.Slug).HasMaxLength(SlugGenerator.MaxStoredLength);
        builder.Property(a => a.Summary).HasMaxLength(Post.SummaryMaxLength);
        builder.Property(a => a.Body).HasMaxLength(Post.BodyMaxLength);
        builder.Property(a => a.Tags).HasMaxLength(1_000);
        builder.Property(a => a.CoverImage).HasMaxLength(80);
        builder.HasIndex(a => new { a.PostId, a.UserId }).IsUnique();
        builder.HasOne(a => a.Post).WithMany().HasForeignKey(a => a.PostId).IsRequired(false).OnDelete(DeleteBehavior.Cascade);
    }
}
