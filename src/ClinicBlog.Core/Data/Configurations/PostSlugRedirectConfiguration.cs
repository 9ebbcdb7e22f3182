using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicBlog.Core.Data.Configurations;

internal sealed class PostSlugRedirectConfiguration : IEntityTypeConfiguration<PostSlugRedirect>
{
    public void Configure(EntityTypeBuilder<PostSlugRedirect> builder)
    {
        builder.Property(r => r.OldSlug).HasMaxLength(Content.SlugGenerator.MaxStoredLength);
        builder.HasIndex(r => r.OldSlug).IsUnique();
        builder.HasOne(r => r.Post).WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
